/**
 * Inputs the robustness properties found to break the library, each named for the input and
 * kept as a plain test beside its twin (the same input without the fault), so a regression
 * shows up without a seed.
 */
import { describe, expect, test } from 'vitest';
import { parseCase, parseCaseDocument, parseCaseJson, type Issue } from '../../src/index.js';
import { misplacedIssue } from './issue-paths.js';

const VALID = { id: 'r1', asOf: '2026-03-02', patient: { ageYears: 47, sex: 'female' } };

function issuesOf(input: unknown): readonly Issue[] {
  const parsed = parseCase(input);
  return parsed.ok ? [] : parsed.issues;
}

describe('issue paths name one place, whatever the key', () => {
  test('an unknown field "a.b" is named ["a.b"], not field b of a', () => {
    const issues = issuesOf({ ...VALID, 'a.b': 1 });
    expect(issues.map((i) => i.path)).toEqual(['["a.b"]']);
    expect(misplacedIssue(issues[0] as Issue, { ...VALID, 'a.b': 1 })).toBeUndefined();
  });

  test('an unknown field "\\u0000" is named by its JSON string', () => {
    expect(issuesOf({ ...VALID, '\u0000': 1 }).map((i) => i.message)).toEqual(['["\\u0000"]: unknown field']);
  });

  test('an unknown field "" is named [""], not (root)', () => {
    expect(issuesOf(JSON.parse('{"id":"r1","asOf":"2026-03-02","patient":{"ageYears":47,"sex":"female"},"":1}')).map((i) => i.path)).toEqual(['[""]']);
  });

  test('an unknown field "x[0]" in a lab is labs[0]["x[0]"], not element 0 of labs[0].x', () => {
    const lab = { test: 'wbc', value: 5, unit: '10*9/L', date: '2026-03-01', 'x[0]': 1 };
    expect(issuesOf({ ...VALID, labs: [lab] }).map((i) => i.path)).toEqual(['labs[0]["x[0]"]']);
  });

  test('in an example document the quoted key follows case', () => {
    const parsed = parseCaseDocument({ case: { ...VALID, 'a.b': 1 } });
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.message)).toEqual(['case["a.b"]: unknown field']);
  });

  test('plain names stay bare (twin): an unknown field genetcs is genetcs', () => {
    expect(issuesOf({ ...VALID, genetcs: [] }).map((i) => i.path)).toEqual(['genetcs']);
    expect(issuesOf({ ...VALID, labs: [{ test: 'wbc', value: 5, unit: 'g/dL', date: '2026-03-01' }] }).map((i) => i.path)).toEqual(['labs[0].unit']);
  });

  test('a JSON key "__proto__" is an unknown field, not a prototype', () => {
    const parsed = parseCaseJson('{"id":"r1","asOf":"2026-03-02","patient":{"ageYears":47,"sex":"female"},"__proto__":{"x":1}}');
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toEqual(['__proto__']);
  });
});
