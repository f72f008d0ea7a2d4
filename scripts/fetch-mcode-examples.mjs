#!/usr/bin/env node
// The HL7 mCODE IG's example resources (CC0) for the FHIR tests. The npm package
// hl7.fhir.us.mcode cannot be a dev dependency: its own dependencies (hl7.fhir.r4.core@4.0.1 …)
// are not published on the npm registry. So the same tarball is fetched with `npm pack` and
// unpacked under node_modules/.cache; nothing is committed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE = 'hl7.fhir.us.mcode@4.0.0';
const dir = join(import.meta.dirname, '..', 'node_modules', '.cache', 'hl7.fhir.us.mcode');
const examples = join(dir, 'package', 'example');

if (existsSync(examples)) process.exit(0);
mkdirSync(dir, { recursive: true });
const name = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop();
execFileSync('tar', ['-xzf', join(dir, name), '-C', dir]);
console.log(`fetch-mcode-examples: ${PACKAGE} examples in ${examples}`);
