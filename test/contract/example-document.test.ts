// shared/cases/README.md: example files hold `case` and `expect`; the CLI and the library
// accept them directly, validating the case with paths under `case.`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCaseDocument, parseCaseJson } from '../../src/contract/index.js';

const CASES = join(import.meta.dirname, '..', '..', '..', 'shared', 'cases');

describe('example documents', () => {
  test('an example document yields its case', () => {
    const r = parseCaseJson(readFileSync(join(CASES, 'e03-ph-untested.json'), 'utf8'));
    expect(r.ok && r.value.id).toBe('e03');
  });

  test('an invalid case inside an example document is reported under case.', () => {
    const r = parseCaseJson(readFileSync(join(CASES, 'e06-bad-sex.json'), 'utf8'));
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['case.patient.sex']);
  });

  test('a document with other keys beside case is not an example document', () => {
    const r = parseCaseDocument({ case: {}, notes: 'x' });
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toContain('case: unknown field');
  });
});
