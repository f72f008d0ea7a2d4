/** Age on asOf from a birth date, and the check that ageYears agrees with it. */
import { describe, expect, test } from 'vitest';
import { ageAt, extractFacts, isCalendarDate, parseCase } from '../../src/index.js';

const withPatient = (patient: Record<string, unknown>, asOf = '2026-03-02') => parseCase({ id: 'd', asOf, patient: { sex: 'female', ...patient } });

describe('age at asOf', () => {
  test('the birthday already passed this year counts', () => {
    expect(ageAt('1990-03-01', '2026-03-02')).toBe(36);
  });

  test('the birthday on asOf itself counts', () => {
    expect(ageAt('1990-03-02', '2026-03-02')).toBe(36);
  });

  test('a birthday still to come this year does not count', () => {
    expect(ageAt('1990-03-03', '2026-03-02')).toBe(35);
  });

  test('someone born on 29 February turns a year older on 1 March in a common year', () => {
    expect(ageAt('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageAt('2008-02-29', '2026-03-01')).toBe(18);
  });

  test('someone born on 29 February turns a year older on 29 February in a leap year', () => {
    expect(ageAt('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageAt('2008-02-29', '2028-02-29')).toBe(20);
  });

  test('the engine reads the age from the birth date when ageYears is absent', () => {
    const parsed = withPatient({ birthDate: '1990-03-03' });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(extractFacts(parsed.value).ageYears).toBe(35);
  });
});

describe('calendar dates', () => {
  test('real days are calendar dates, impossible days are not', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-3-1')).toBe(false);
    expect(isCalendarDate('2026-03-01T00:00:00Z')).toBe(false);
  });
});

describe('ageYears against birthDate', () => {
  test('an ageYears that agrees with the birth date is accepted, fractions included', () => {
    expect(withPatient({ birthDate: '1990-03-03', ageYears: 35 }).ok).toBe(true);
    expect(withPatient({ birthDate: '1990-03-03', ageYears: 35.9 }).ok).toBe(true);
  });

  test('an ageYears that disagrees with the birth date is an issue at patient.ageYears naming both', () => {
    const parsed = withPatient({ birthDate: '1990-03-03', ageYears: 36 });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([expect.objectContaining({ path: 'patient.ageYears', expected: '35 (from birthDate at asOf)', found: '36' })]);
  });

  test('a birth date after asOf is an issue at patient.birthDate', () => {
    const parsed = withPatient({ birthDate: '2026-03-03' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.path)).toEqual(['patient.birthDate']);
  });
});
