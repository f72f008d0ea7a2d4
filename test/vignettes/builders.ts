/**
 * Vignette builders. Each starts from a valid, fully worked-up case on a fixed `asOf` and takes
 * overrides for only the fields a vignette is about, so that a test and its twin differ by the
 * one fact that decides the answer.
 *
 * The base patient is a standard-risk adult: precursor B-ALL, age 30, WBC 12 × 10⁹/L, Ph and
 * KMT2A negative by molecular tests, normal karyotype, CSF clear.
 */
import {
  evaluate, parseCase,
  type Case, type Evaluation, type GeneticTestResult, type Lab, type Treatment,
} from '../../src/index.js';
import { recordVignette } from '../support/record-vignette.js';
import type { Knowledge } from '../../src/knowledge/index.js';

export const AS_OF = '2026-03-02';

/** The calendar date `days` days before AS_OF. */
export function daysBefore(days: number): string {
  const t = Date.parse(`${AS_OF}T00:00:00Z`) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

type Markers = NonNullable<Case['immunophenotype']>['markers'];

export const B_MARKERS: Markers = {
  CD19: 'positive', CD10: 'positive', CD34: 'positive', TdT: 'positive', cCD79a: 'positive',
  CD3: 'negative', sIg: 'negative', MPO: 'negative',
};
export const T_MARKERS: Markers = {
  cCD3: 'positive', CD3: 'positive', CD2: 'positive', CD7: 'positive', CD34: 'positive', TdT: 'positive',
  CD19: 'negative', MPO: 'negative',
};

export function gene(finding: GeneticTestResult['finding'], result: GeneticTestResult['result'], method?: GeneticTestResult['method']): GeneticTestResult {
  return { finding, result, ...(method === undefined ? {} : { method }) };
}

/** Ph-negative by RT-PCR, KMT2A not rearranged by FISH, normal karyotype. */
export const NEGATIVE_GENETICS: GeneticTestResult[] = [
  gene('BCR::ABL1', 'not-detected', 'RT-PCR'),
  gene('KMT2A-rearrangement', 'not-detected', 'FISH'),
  gene('normal-karyotype', 'detected', 'karyotype'),
];

export function lab(test: Lab['test'], value: number, unit: string, date: string, specimen?: Lab['specimen']): Lab {
  return { test, value, unit, date, ...(specimen === undefined ? {} : { specimen }) };
}

export interface DiagnosticValues {
  readonly wbc?: number;
  readonly marrowBlasts?: number | null;
  readonly anc?: number | null;
  readonly platelets?: number | null;
  readonly date?: string;
}

/** The labs of the diagnostic work-up (counts in 10⁹/L, marrow blasts in %); null leaves one out. */
export function diagnosticLabs(values: DiagnosticValues = {}): Lab[] {
  const date = values.date ?? daysBefore(3);
  const { wbc = 12, marrowBlasts = 85, anc = 0.8, platelets = 40 } = values;
  return [
    lab('wbc', wbc, '10*9/L', date),
    lab('hemoglobin', 8.5, 'g/dL', date),
    ...(anc === null ? [] : [lab('anc', anc, '10*9/L', date)]),
    ...(platelets === null ? [] : [lab('platelets', platelets, '10*9/L', date)]),
    ...(marrowBlasts === null ? [] : [lab('blasts', marrowBlasts, '%', date, 'marrow')]),
  ];
}

/** Blood counts after treatment (10⁹/L). */
export function counts(anc: number, platelets: number, date: string = daysBefore(2)): Lab[] {
  return [lab('anc', anc, '10*9/L', date), lab('platelets', platelets, '10*9/L', date), lab('hemoglobin', 11, 'g/dL', date)];
}

export function marrowBlasts(percent: number, date: string): Lab {
  return lab('blasts', percent, '%', date, 'marrow');
}

export function course(kind: Treatment['kind'], startDaysAgo: number, rest: Omit<Treatment, 'kind' | 'start'> = {}): Treatment {
  return { kind, start: daysBefore(startDaysAgo), ...rest };
}

export type Overrides = Partial<Case>;

function diagnosed(dx: string, markers: Markers): Case {
  return {
    id: 'vignette',
    asOf: AS_OF,
    patient: { ageYears: 30, sex: 'female' },
    diagnosisDate: dx,
    findings: { symptoms: ['fatigue', 'bone-pain'], cns: { csfBlasts: false, cranialNervePalsy: false } },
    labs: diagnosticLabs({ date: dx }),
    immunophenotype: { date: dx, markers },
    genetics: NEGATIVE_GENETICS,
  };
}

/** Newly diagnosed precursor B-ALL, worked up three days ago, no treatment yet. */
export function untreatedBAll(overrides: Overrides = {}): Case {
  return { ...diagnosed(daysBefore(3), B_MARKERS), ...overrides };
}

/** Newly diagnosed T-ALL (same work-up, T-lineage markers). */
export function untreatedTAll(overrides: Overrides = {}): Case {
  return { ...diagnosed(daysBefore(3), T_MARKERS), ...overrides };
}

/** Precursor B-ALL on day `day` of a first induction that is still being given. */
export function onInduction(overrides: Overrides = {}, day = 10): Case {
  const dx = daysBefore(day + 3);
  return {
    ...diagnosed(dx, B_MARKERS),
    labs: [...diagnosticLabs({ date: dx }), ...counts(0.3, 25, daysBefore(1))],
    treatments: [course('induction', day, { agents: ['vincristine', 'prednisone', 'daunorubicin'] })],
    ...overrides,
  };
}

/** A first induction of 28 days that started `daysAgo` days ago and brought a complete remission. */
export function inductionToRemission(daysAgo: number): Treatment {
  return course('induction', daysAgo, { end: daysBefore(daysAgo - 28), outcome: 'complete-remission', agents: ['vincristine', 'prednisone', 'daunorubicin'] });
}

/**
 * Precursor B-ALL in first complete remission: a 28-day induction that started
 * `daysSinceInduction` days ago ended with the remission recorded, a clear marrow (2%), MRD below
 * 0.01%; counts recovered two days ago.
 */
export function inRemission(overrides: Overrides = {}, daysSinceInduction = 60): Case {
  const dx = daysBefore(daysSinceInduction + 3);
  const end = daysBefore(daysSinceInduction - 28);
  return {
    ...diagnosed(dx, B_MARKERS),
    labs: [...diagnosticLabs({ date: dx }), marrowBlasts(2, end), ...counts(2.1, 180)],
    treatments: [inductionToRemission(daysSinceInduction)],
    mrd: [{ date: end, percent: 0.001, method: 'flow' }],
    ...overrides,
  };
}

/** Validate as the CLI would, then evaluate; an invalid vignette is a broken test, so it throws. */
export function evaluateCase(input: unknown, knowledge?: Knowledge): Evaluation {
  const parsed = parseCase(input);
  if (!parsed.ok) throw new Error(`invalid vignette: ${parsed.issues.map((i) => i.message).join('; ')}`);
  recordVignette(parsed.value);
  return knowledge === undefined ? evaluate(parsed.value) : evaluate(parsed.value, knowledge);
}

export const missingActions = (ev: Evaluation) => ev.missing.map((m) => m.action);
export const alertActions = (ev: Evaluation) => ev.alerts.map((a) => a.action);
export const missingOf = (ev: Evaluation, action: string) => ev.missing.find((m) => m.action === action);

/** A risk factor's verdict: true, false or 'unknown'. */
export function factor(ev: Evaluation, id: string): boolean | 'unknown' {
  const f = ev.risk.factors.find((x) => x.id === id);
  if (f === undefined) throw new Error(`no risk factor ${id} in the evaluation`);
  return f.present;
}
