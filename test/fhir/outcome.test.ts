// Contract issues as a FHIR OperationOutcome (src/fhir/outcome.ts): expression = the input path,
// diagnostics = the message, the issue type from the kind of problem.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCase, parseCaseJson, type Issue } from '../../src/contract/index.js';
import { operationOutcome } from '../../src/fhir/outcome.js';

const CASES = join(import.meta.dirname, '..', '..', '..', 'shared', 'cases');

function issuesOf(r: { ok: true } | { ok: false; issues: readonly Issue[] }): readonly Issue[] {
  if (r.ok) throw new Error('expected the input to be invalid');
  return r.issues;
}

interface OutcomeIssue { severity: string; code: string; diagnostics: string; expression?: string[] }
const issuesIn = (outcome: Record<string, unknown>) => outcome['issue'] as OutcomeIssue[];

const valid = { id: 'c1', asOf: '2026-06-18', patient: { ageYears: 43, sex: 'female' } };

describe('operationOutcome', () => {
  test('an invalid sex in a shared example document is reported at case.patient.sex', () => {
    const issues = issuesOf(parseCaseJson(readFileSync(join(CASES, 'e06-bad-sex.json'), 'utf8')));
    const outcome = operationOutcome(issues);
    expect(outcome['resourceType']).toBe('OperationOutcome');
    expect(issuesIn(outcome)).toEqual([{
      severity: 'error',
      code: 'value',
      diagnostics: issues[0]?.message,
      expression: ['case.patient.sex'],
    }]);
    expect(issuesIn(outcome)[0]?.diagnostics).toMatch(/^case\.patient\.sex: expected one of female, male, other, unknown, found "F"$/);
  });

  test('twin: the same document with sex "female" parses, leaving nothing to report', () => {
    const doc = JSON.parse(readFileSync(join(CASES, 'e06-bad-sex.json'), 'utf8')) as { case: { patient: object } };
    expect(parseCase({ ...doc.case, patient: { ...doc.case.patient, sex: 'female' } }).ok).toBe(true);
  });

  test('a missing required field is `required`, an unknown one `structure`, a bad value `value`', () => {
    const { asOf: _asOf, ...noDate } = valid;
    const issues = issuesOf(parseCase({ ...noDate, genetcs: [], patient: { ageYears: -3, sex: 'female' } }));
    const byPath = Object.fromEntries(issuesIn(operationOutcome(issues)).map((i) => [i.expression?.[0], i.code]));
    expect(byPath).toMatchObject({ asOf: 'required', genetcs: 'structure', 'patient.ageYears': 'value' });
  });

  test('unreadable JSON has no element path: no expression, type structure', () => {
    const outcome = operationOutcome(issuesOf(parseCaseJson('{ not json')));
    expect(issuesIn(outcome)).toHaveLength(1);
    expect(issuesIn(outcome)[0]).toMatchObject({ severity: 'error', code: 'structure' });
    expect(issuesIn(outcome)[0]?.expression).toBeUndefined();
  });

  test('the severity is the caller\'s; an unknown issue code maps to invalid', () => {
    const issue: Issue = { code: 'something_new', path: 'labs[1].unit', message: 'labs[1].unit: odd' };
    expect(issuesIn(operationOutcome([issue], 'warning'))).toEqual([
      { severity: 'warning', code: 'invalid', diagnostics: 'labs[1].unit: odd', expression: ['labs[1].unit'] },
    ]);
  });

  test('no issues: one informational issue, as OperationOutcome.issue is 1..*', () => {
    expect(issuesIn(operationOutcome([]))).toEqual([{ severity: 'information', code: 'informational', diagnostics: 'No issues.' }]);
  });
});
