/**
 * UCUM units → the units the contract accepts (contract §4.2). A unit the contract accepts is
 * kept as it is; a UCUM synonym or another UCUM unit of the same kind is converted to one the
 * contract accepts. Anything else is unknown and the caller must not use the value: nothing is
 * guessed (a lab's "K/ul" is kelvin per microlitre in UCUM, not a count).
 *
 * UCUM (https://ucum.org/ucum): codes are case-sensitive, except that `l` and `L` are both the
 * litre; curly-brace annotations such as `{cells}` carry no meaning.
 */
import type { LabTest } from '../contract/index.js';

type Conversion = readonly [unit: string, factor: number];

const KEEP = (unit: string): Conversion => [unit, 1];

/** Counts per volume (WBC, ANC, platelets): 10⁹/L = 10³/µL = 1/nL; 10⁶/L = 1/µL; mm³ = µL. */
const COUNT: Readonly<Record<string, Conversion>> = {
  '10*9/L': KEEP('10*9/L'),
  '10*3/uL': KEEP('10*3/uL'),
  '/uL': KEEP('/uL'),
  '/mm3': KEEP('/mm3'),
  '10*3/mm3': ['10*3/uL', 1],
  '/nL': ['10*9/L', 1],
  '10*6/L': ['/uL', 1],
};

/** Enzyme activity: 1 µkat = 60 U; the international unit of enzyme activity is the U (µmol/min). */
const ENZYME: Readonly<Record<string, Conversion>> = {
  'U/L': KEEP('U/L'),
  '[IU]/L': ['U/L', 1],
  'ukat/L': ['U/L', 60],
};

/** 1 mg/dL uric acid = 59.48 µmol/L (molar mass 168.11 g/mol). */
const URIC_ACID_UMOL_PER_MG_DL = 59.48;

const UNITS: Readonly<Record<LabTest, Readonly<Record<string, Conversion>>>> = {
  wbc: COUNT,
  anc: COUNT,
  platelets: COUNT,
  hemoglobin: { 'g/dL': KEEP('g/dL'), 'g/L': KEEP('g/L') },
  blasts: { '%': KEEP('%') },
  bilirubin: { 'mg/dL': KEEP('mg/dL'), 'umol/L': KEEP('umol/L'), 'mmol/L': ['umol/L', 1000], 'mg/L': ['mg/dL', 0.1] },
  alt: ENZYME,
  ast: ENZYME,
  ldh: ENZYME,
  // Potassium is monovalent: 1 mEq/L = 1 mmol/L.
  potassium: { 'mmol/L': KEEP('mmol/L'), 'meq/L': ['mmol/L', 1], 'mEq/L': ['mmol/L', 1] },
  creatinine: { 'mg/dL': KEEP('mg/dL'), 'umol/L': KEEP('umol/L'), 'mmol/L': ['umol/L', 1000], 'mg/L': ['mg/dL', 0.1] },
  'uric-acid': {
    'mg/dL': KEEP('mg/dL'), 'mg/L': ['mg/dL', 0.1],
    'umol/L': ['mg/dL', 1 / URIC_ACID_UMOL_PER_MG_DL], 'mmol/L': ['mg/dL', 1000 / URIC_ACID_UMOL_PER_MG_DL],
  },
  qtc: { ms: KEEP('ms'), s: ['ms', 1000] },
};

/** Drops annotations and writes the litre as `L`, so that `g/dl` and `{cells}/uL` are recognised. */
export function normalizeUcum(code: string): string {
  return code
    .replace(/\{[^}]*\}/g, '')
    .replace(/(?<![A-Za-z])([munpdcf]?)l(?![A-Za-z])/g, '$1L')
    .trim();
}

/** Enough digits to undo floating-point noise (52.300000000000004), never rounding a real value. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** The value in a unit the contract accepts for `test`, or undefined when the UCUM unit is unknown. */
export function toContractUnit(test: LabTest, value: number, ucum: string): { value: number; unit: string } | undefined {
  const conversion = UNITS[test][normalizeUcum(ucum)];
  if (conversion === undefined) return undefined;
  const [unit, factor] = conversion;
  return { value: clean(value * factor), unit };
}

/** Body temperature in °C from UCUM `Cel` or `[degF]`; undefined for any other unit. */
export function toCelsius(value: number, ucum: string): number | undefined {
  const unit = normalizeUcum(ucum);
  if (unit === 'Cel') return value;
  if (unit === '[degF]') return Math.round(((value - 32) * 5 / 9) * 10) / 10;
  return undefined;
}

/** CSF white cells per µL from a count-per-volume unit; undefined for any other unit. */
export function toPerMicrolitre(value: number, ucum: string): number | undefined {
  const converted = toContractUnit('wbc', value, ucum);
  if (converted === undefined) return undefined;
  const perUL: Readonly<Record<string, number>> = { '10*9/L': 1000, '10*3/uL': 1000, '/uL': 1, '/mm3': 1 };
  const factor = perUL[converted.unit];
  return factor === undefined ? undefined : clean(converted.value * factor);
}
