/**
 * Bad input gets an issue that names the JSON path, what was expected and what was found
 * (contract §1); every problem is reported, and parsing never throws.
 */
import { describe, expect, test } from 'vitest';
import { parseCase, parseCaseJson, type Issue } from '../../src/index.js';

const VALID = {
  id: 'v1',
  asOf: '2026-03-02',
  patient: { ageYears: 47, sex: 'female' },
  labs: [{ test: 'wbc', value: 52.3, unit: '10*9/L', date: '2026-02-27' }],
} as const;

/** The issues of an input that must be rejected. */
function issuesOf(input: unknown): readonly Issue[] {
  const parsed = parseCase(input);
  if (parsed.ok) throw new Error('expected the input to be rejected');
  return parsed.issues;
}

const lab = (extra: Record<string, unknown>) => ({ ...VALID, labs: [{ test: 'wbc', value: 5, unit: '10*9/L', date: '2026-02-27', ...extra }] });

describe('case validation', () => {
  test('the reference case parses', () => {
    expect(parseCase(VALID).ok).toBe(true);
  });

  test('a value outside an enum names the allowed values and what was found', () => {
    const [issue, ...rest] = issuesOf({ ...VALID, patient: { ageYears: 47, sex: 'F' } });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: 'patient.sex', expected: 'one of female, male, other, unknown', found: '"F"' });
    expect(issue?.message).toBe('patient.sex: expected one of female, male, other, unknown, found "F"');
  });

  test('an unknown field is an error at its path, so a typo never drops a result', () => {
    expect(issuesOf({ ...VALID, genetcs: [] })).toEqual([
      { code: 'unknown_field', path: 'genetcs', message: 'genetcs: unknown field' },
    ]);
    expect(issuesOf({ ...VALID, findings: { cns: { csfBlast: true } } }).map((i) => i.message)).toEqual(['findings.cns.csfBlast: unknown field']);
  });

  test('a unit not accepted for the test lists the accepted units', () => {
    expect(issuesOf(lab({ unit: 'g/dL' }))).toEqual([expect.objectContaining({
      path: 'labs[0].unit', expected: 'one of 10*9/L, 10*3/uL, /uL, /mm3 for wbc', found: '"g/dL"',
      message: 'labs[0].unit: expected one of 10*9/L, 10*3/uL, /uL, /mm3 for wbc, found "g/dL"',
    })]);
  });

  test('blasts without a specimen are an issue at labs[i].specimen', () => {
    expect(issuesOf(lab({ test: 'blasts', unit: '%', value: 30 }))).toEqual([expect.objectContaining({
      path: 'labs[0].specimen', expected: 'one of blood, marrow, csf for blasts', found: 'nothing',
    })]);
  });

  test('a specimen on a lab other than blasts is an issue', () => {
    expect(issuesOf(lab({ specimen: 'marrow' }))).toEqual([expect.objectContaining({
      path: 'labs[0].specimen', found: '"marrow"',
    })]);
  });

  test('a blast percentage above 100 is an issue', () => {
    expect(issuesOf(lab({ test: 'blasts', specimen: 'marrow', unit: '%', value: 120 }))).toEqual([expect.objectContaining({
      path: 'labs[0].value', expected: 'a percentage from 0 to 100', found: '120',
    })]);
  });

  test('a date after asOf is an issue naming asOf', () => {
    expect(issuesOf(lab({ date: '2026-03-03' }))).toEqual([expect.objectContaining({
      path: 'labs[0].date', expected: 'a date on or before asOf 2026-03-02', found: '"2026-03-03"',
    })]);
    expect(issuesOf({ ...VALID, treatments: [{ kind: 'induction', start: '2026-03-05' }] }).map((i) => i.path)).toEqual(['treatments[0].start']);
  });

  test('a day that does not exist is not a calendar date', () => {
    expect(issuesOf({ ...VALID, diagnosisDate: '2026-02-30' })).toEqual([expect.objectContaining({
      path: 'diagnosisDate', expected: 'a calendar date YYYY-MM-DD', found: '"2026-02-30"',
    })]);
  });

  test('a treatment that ends before it starts is an issue at its end', () => {
    expect(issuesOf({ ...VALID, treatments: [{ kind: 'induction', start: '2026-02-01', end: '2026-01-31' }] })).toEqual([expect.objectContaining({
      path: 'treatments[0].end', expected: 'a date on or after start 2026-02-01', found: '"2026-01-31"',
    })]);
  });

  test('a patient with neither ageYears nor birthDate is an issue', () => {
    expect(issuesOf({ ...VALID, patient: { sex: 'male' } })).toEqual([expect.objectContaining({
      path: 'patient.ageYears', expected: 'ageYears or birthDate', found: 'neither',
    })]);
  });

  test('a document that is not an object is an issue at the root', () => {
    expect(issuesOf(42)).toEqual([expect.objectContaining({ path: '(root)', expected: 'an object', found: '42' })]);
    expect(issuesOf(['a'])).toEqual([expect.objectContaining({ path: '(root)', expected: 'an object', found: 'an array' })]);
    expect(issuesOf(null)).toEqual([expect.objectContaining({ path: '(root)', found: 'null' })]);
  });

  test('JSON text that does not parse is an issue like any other', () => {
    const parsed = parseCaseJson('{"id": "x",');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'invalid_json', path: '(root)', expected: 'JSON' })]);
    expect(parseCaseJson(JSON.stringify(VALID)).ok).toBe(true);
  });

  test('every field-level problem of a case is reported together', () => {
    const issues = issuesOf({
      ...VALID,
      patient: { ageYears: 47, sex: 'F' },
      genetcs: [],
      labs: [{ test: 'wbc', value: 5, unit: '10*9/L', date: '2026-02-27' }, { test: 'anc', value: 1, unit: '10*9/L', date: '2026-02-31' }],
      treatments: [{ kind: 'chemo', start: '2026-02-01' }],
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['genetcs', 'labs[1].date', 'patient.sex', 'treatments[0].kind']);
  });

  test('cross-field checks report every lab and date problem together', () => {
    const issues = issuesOf({
      ...VALID,
      diagnosisDate: '2026-03-04',
      labs: [
        { test: 'wbc', value: 5, unit: 'g/dL', date: '2026-02-27' },
        { test: 'blasts', value: 30, unit: '%', date: '2026-03-05' },
      ],
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['diagnosisDate', 'labs[0].unit', 'labs[1].date', 'labs[1].specimen']);
  });
});
