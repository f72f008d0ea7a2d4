/**
 * Every example case in ../shared/cases through the CLI, held to the same expectations as
 * ../shared/tools/check-cases.cjs: one test per file, so a failure names the case.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Evaluation } from '../../src/contract/index.js';
import { unmet, type CaseExpectation } from './expectations.js';
import { allpath, SHARED_CASES } from './run-cli.js';

interface ExampleCase {
  readonly case: unknown;
  readonly expect: CaseExpectation;
}

const files = readdirSync(SHARED_CASES).filter((f) => f.endsWith('.json')).sort();
const dir = mkdtempSync(join(tmpdir(), 'allpath-cases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the shared example cases are found', () => {
  expect(files.length).toBeGreaterThan(0);
});

describe.each(files)('%s', (name) => {
  const example = JSON.parse(readFileSync(join(SHARED_CASES, name), 'utf8')) as ExampleCase;
  const e = example.expect;

  test('holds through `allpath evaluate --format json`', async () => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(example.case));
    const run = await allpath(['evaluate', '--format', 'json', ...(e.asOf === undefined ? [] : ['--as-of', e.asOf]), file]);

    if (e.exitCode !== undefined) {
      expect(run.code).toBe(e.exitCode);
      for (const s of e.stderrIncludes ?? []) expect(run.stderr).toContain(s);
      expect(run.stdout).toBe('');
      return;
    }
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = Evaluation.parse(JSON.parse(run.stdout));
    expect(unmet(e, out)).toEqual([]);
  });
});
