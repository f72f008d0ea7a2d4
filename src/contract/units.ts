/**
 * Lab tests, the UCUM units each accepts (contract §4.2) and the conversion of every accepted
 * unit to the one canonical unit the knowledge base is written in.
 */

export const LAB_TESTS = [
  'wbc', 'anc', 'platelets', 'hemoglobin', 'blasts', 'bilirubin', 'alt', 'ast', 'potassium',
  'creatinine', 'uric-acid', 'ldh', 'qtc',
] as const;
export type LabTest = (typeof LAB_TESTS)[number];

/** Multiply a value in the keyed unit by the factor to get the canonical unit (first key). */
const COUNT = { '10*9/L': 1, '10*3/uL': 1, '/uL': 1e-3, '/mm3': 1e-3 } as const;

export const UNITS = {
  wbc: COUNT,
  anc: COUNT,
  platelets: COUNT,
  hemoglobin: { 'g/dL': 1, 'g/L': 0.1 },
  blasts: { '%': 1 },
  // 1 mg/dL bilirubin = 17.1 umol/L; 1 mg/dL creatinine = 88.4 umol/L.
  bilirubin: { 'mg/dL': 1, 'umol/L': 1 / 17.1 },
  alt: { 'U/L': 1 },
  ast: { 'U/L': 1 },
  potassium: { 'mmol/L': 1 },
  creatinine: { 'mg/dL': 1, 'umol/L': 1 / 88.4 },
  'uric-acid': { 'mg/dL': 1 },
  ldh: { 'U/L': 1 },
  qtc: { ms: 1 },
} as const satisfies Record<LabTest, Record<string, number>>;

export type CanonicalUnit = { [T in LabTest]: keyof (typeof UNITS)[T] & string }[LabTest];

export function acceptedUnits(test: LabTest): string[] {
  return Object.keys(UNITS[test]);
}

export function canonicalUnit(test: LabTest): string {
  const [first] = acceptedUnits(test);
  if (first === undefined) throw new Error(`no unit registered for ${test}`);
  return first;
}

/** The value in the canonical unit, or undefined when the unit is not accepted for the test. */
export function toCanonical(test: LabTest, value: number, unit: string): number | undefined {
  const factors: Record<string, number> = UNITS[test];
  const factor = factors[unit];
  return factor === undefined ? undefined : value * factor;
}
