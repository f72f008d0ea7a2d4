/** Age on asOf from a birth date, and the check that ageYears agrees with it. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ageAt, daysBetween, extractFacts, isCalendarDate, parseCase } from '../../src/index.js';

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

describe('daysBetween counts calendar days', () => {
  test.each([
    ['2024-02-28', '2024-03-01', 2], // 2024 is a leap year
    ['2023-02-28', '2023-03-01', 1],
    ['1900-02-28', '1900-03-01', 1], // a century year that is not a leap year
    ['2000-02-28', '2000-03-01', 2], // one that is
    ['2026-03-02', '2026-02-20', -10],
    ['1969-12-31', '1970-01-01', 1],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  test('agrees with the Date arithmetic of UTC midnights over 1800–2200 (fast-check)', () => {
    const day = fc.integer({ min: Date.UTC(1800, 0, 1) / 86_400_000, max: Date.UTC(2200, 11, 31) / 86_400_000 })
      .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (a, b) => {
      expect(daysBetween(a, b)).toBe(Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000));
    }), { numRuns: 2000, seed: 20261203 });
  });
});

describe('isCalendarDate accepts exactly the real days', () => {
  /** What a Date makes of the text: the definition the arithmetic must match. */
  function byDate(text: string): boolean {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = new Date(Date.UTC(y, mo - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
  }

  test.each([
    ['2024-02-29', true], ['2023-02-29', false], ['1900-02-29', false], ['2000-02-29', true],
    ['2026-04-31', false], ['2026-12-31', true], ['2026-13-01', false], ['2026-00-10', false], ['0050-01-01', false],
  ])('%s is %s', (text, real) => {
    expect(isCalendarDate(text)).toBe(real);
  });

  test('agrees with Date on any YYYY-MM-DD digits (fast-check)', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const text = fc.tuple(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')), two, two)
      .map(([y, m, d]) => `${y}-${m}-${d}`);
    fc.assert(fc.property(text, (t) => { expect(isCalendarDate(t)).toBe(byDate(t)); }), { numRuns: 5000, seed: 20261203 });
  });
});
