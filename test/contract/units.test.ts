/**
 * Every accepted unit of every lab test converts to the one canonical unit the knowledge base
 * is written in (contract §4.2), and the conversion reaches the facts the rules read.
 */
import { describe, expect, test } from 'vitest';
import { LAB_TESTS, acceptedUnits, canonicalUnit, extractFacts, parseCase, toCanonical, type LabTest } from '../../src/index.js';

/** [test, value, unit, value in the canonical unit] for every accepted unit of every test. */
const CONVERSIONS: readonly (readonly [LabTest, number, string, number])[] = [
  ['wbc', 52.3, '10*9/L', 52.3],
  ['wbc', 52.3, '10*3/uL', 52.3],
  ['wbc', 52300, '/uL', 52.3],
  ['wbc', 52300, '/mm3', 52.3],
  ['anc', 1.5, '10*9/L', 1.5],
  ['anc', 1.5, '10*3/uL', 1.5],
  ['anc', 1500, '/uL', 1.5],
  ['anc', 500, '/mm3', 0.5],
  ['platelets', 100, '10*9/L', 100],
  ['platelets', 100, '10*3/uL', 100],
  ['platelets', 100000, '/uL', 100],
  ['platelets', 20000, '/mm3', 20],
  ['hemoglobin', 9.5, 'g/dL', 9.5],
  ['hemoglobin', 95, 'g/L', 9.5],
  ['blasts', 20, '%', 20],
  ['bilirubin', 1.2, 'mg/dL', 1.2],
  ['bilirubin', 17.1, 'umol/L', 1],
  ['alt', 45, 'U/L', 45],
  ['ast', 38, 'U/L', 38],
  ['potassium', 4.1, 'mmol/L', 4.1],
  ['creatinine', 1.1, 'mg/dL', 1.1],
  ['creatinine', 88.4, 'umol/L', 1],
  ['uric-acid', 7.5, 'mg/dL', 7.5],
  ['ldh', 480, 'U/L', 480],
  ['qtc', 450, 'ms', 450],
];

describe('lab units', () => {
  test.each(CONVERSIONS)('%s %d %s is %d in the canonical unit', (labTest, value, unit, canonical) => {
    expect(toCanonical(labTest, value, unit)).toBeCloseTo(canonical, 9);
  });

  test('the table above covers every accepted unit of every lab test', () => {
    const covered = new Set(CONVERSIONS.map(([t, , u]) => `${t} ${u}`));
    const accepted = LAB_TESTS.flatMap((t) => acceptedUnits(t).map((u) => `${t} ${u}`));
    expect(accepted.filter((x) => !covered.has(x))).toEqual([]);
  });

  test('the canonical unit of each test converts with factor 1', () => {
    for (const t of LAB_TESTS) expect(toCanonical(t, 7, canonicalUnit(t))).toBe(7);
  });

  test('a unit not accepted for the test has no conversion', () => {
    expect(toCanonical('wbc', 5, 'g/dL')).toBeUndefined();
    expect(toCanonical('hemoglobin', 9, 'mmol/L')).toBeUndefined();
  });

  test('a WBC given per microliter reaches the facts in 10⁹/L', () => {
    const parsed = parseCase({
      id: 'u', asOf: '2026-02-01', patient: { ageYears: 40, sex: 'male' },
      labs: [{ test: 'wbc', value: 52300, unit: '/uL', date: '2026-01-30' }, { test: 'hemoglobin', value: 95, unit: 'g/L', date: '2026-01-30' }],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const facts = extractFacts(parsed.value);
    expect(facts.wbcAtDiagnosis).toBeCloseTo(52.3, 9);
    expect(facts.hemoglobin).toBeCloseTo(9.5, 9);
  });
});
