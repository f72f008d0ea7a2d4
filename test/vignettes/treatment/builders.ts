/**
 * Builders for the treatment vignettes. Each starts from a valid, fully worked-up case on a fixed
 * `asOf` and takes overrides for only the fields a vignette is about, so that a test and its twin
 * differ by the one fact that decides the answer.
 *
 * The base patient is a fit, standard-risk adult: age 30, ECOG 1, no comorbidities, WBC
 * 12 × 10⁹/L, Ph and KMT2A negative by molecular tests, normal karyotype, CSF clear, no fever,
 * counts and chemistry drawn 3 days ago (still within the 72-hour window of supportive care).
 */
import { expect } from 'vitest';
import {
  evaluate, parseCase,
  type Agent, type Alert, type Case, type Evaluation, type GeneticTestResult, type Lab, type Marker,
  type MarkerResult, type MissingTest, type Recommendation, type Treatment,
} from '../../../src/index.js';
import { recordVignette } from '../../support/record-vignette.js';

export const AS_OF = '2026-06-15';

/** The calendar date `days` days before AS_OF. */
export function daysBefore(days: number): string {
  const t = Date.parse(`${AS_OF}T00:00:00Z`) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

type Markers = NonNullable<Case['immunophenotype']>['markers'];

export const B_MARKERS: Markers = {
  CD19: 'positive', CD22: 'positive', CD10: 'positive', CD34: 'positive', TdT: 'positive', cCD79a: 'positive',
  CD3: 'negative', sIg: 'negative', MPO: 'negative',
};
export const T_MARKERS: Markers = {
  cCD3: 'positive', CD3: 'positive', CD2: 'positive', CD7: 'positive', CD34: 'positive', TdT: 'positive',
  CD19: 'negative', MPO: 'negative',
};
/** Mature B (Burkitt type): surface Ig positive, TdT and CD34 negative. */
export const BURKITT_MARKERS: Markers = {
  CD19: 'positive', CD20: 'positive', CD10: 'positive', sIg: 'positive', TdT: 'negative', CD34: 'negative', MPO: 'negative',
};

export function gene(finding: GeneticTestResult['finding'], result: GeneticTestResult['result'], method?: GeneticTestResult['method']): GeneticTestResult {
  return { finding, result, ...(method === undefined ? {} : { method }) };
}

/** Ph-negative by RT-PCR, KMT2A not rearranged by FISH, normal karyotype. */
export const NEGATIVE_GENETICS: readonly GeneticTestResult[] = [
  gene('BCR::ABL1', 'not-detected', 'RT-PCR'),
  gene('KMT2A-rearrangement', 'not-detected', 'FISH'),
  gene('normal-karyotype', 'detected', 'karyotype'),
];
/** BCR::ABL1 p190 by RT-PCR, KMT2A not rearranged, otherwise normal karyotype. */
export const PH_POSITIVE_GENETICS: readonly GeneticTestResult[] = [
  { finding: 'BCR::ABL1', result: 'detected', method: 'RT-PCR', detail: 'p190' },
  gene('KMT2A-rearrangement', 'not-detected', 'FISH'),
  gene('t(9;22)', 'detected', 'karyotype'),
];
/** Ph-negative with KMT2A rearranged by FISH. */
export const KMT2A_GENETICS: readonly GeneticTestResult[] = [
  gene('BCR::ABL1', 'not-detected', 'RT-PCR'),
  gene('KMT2A-rearrangement', 'detected', 'FISH'),
  gene('t(4;11)', 'detected', 'karyotype'),
];

/** The negative genetics with one finding left out (its status then unknown). */
export function geneticsWithout(finding: GeneticTestResult['finding'], from: readonly GeneticTestResult[] = NEGATIVE_GENETICS): GeneticTestResult[] {
  return from.filter((g) => g.finding !== finding);
}

export function lab(test: Lab['test'], value: number, unit: string, date: string, specimen?: Lab['specimen']): Lab {
  return { test, value, unit, date, ...(specimen === undefined ? {} : { specimen }) };
}

export function marrowBlasts(percent: number, date: string): Lab {
  return lab('blasts', percent, '%', date, 'marrow');
}

/** A blood count (ANC and platelets in 10⁹/L, hemoglobin in g/dL) drawn on `date`. */
export function counts(anc: number, platelets: number, hemoglobin: number, date: string): Lab[] {
  return [
    lab('anc', anc, '10*9/L', date), lab('platelets', platelets, '10*9/L', date), lab('hemoglobin', hemoglobin, 'g/dL', date),
  ];
}

/** The diagnostic work-up on `date`: WBC 12, marrow 85% blasts, counts, potassium. */
export function diagnosticLabs(date: string): Lab[] {
  return [
    lab('wbc', 12, '10*9/L', date), marrowBlasts(85, date), ...counts(1.2, 60, 9, date), lab('potassium', 4.0, 'mmol/L', date),
  ];
}

export function course(kind: Treatment['kind'], startDaysAgo: number, rest: Omit<Treatment, 'kind' | 'start'> = {}): Treatment {
  return { kind, start: daysBefore(startDaysAgo), ...rest };
}

export type Overrides = Partial<Case>;

/** The base immunophenotype with some markers changed; `undefined` removes a marker from the panel. */
export function markers(changes: Partial<Record<Marker, MarkerResult | undefined>>, base: Markers = B_MARKERS): Pick<Case, 'immunophenotype'> {
  const merged: Partial<Record<Marker, MarkerResult>> = { ...base };
  for (const [name, result] of Object.entries(changes) as [Marker, MarkerResult | undefined][]) {
    if (result === undefined) delete merged[name];
    else merged[name] = result;
  }
  return { immunophenotype: { markers: merged } };
}

/** The patient as examined on asOf: symptoms, temperature, CNS findings (clear CSF unless given). */
export function findings(f: NonNullable<Case['findings']>): Pick<Case, 'findings'> {
  return { findings: { cns: { csfBlasts: false, cranialNervePalsy: false }, ...f } };
}

function diagnosed(dx: string, m: Markers): Case {
  return {
    id: 'treatment-vignette',
    asOf: AS_OF,
    patient: { ageYears: 30, sex: 'female' },
    diagnosisDate: dx,
    findings: { symptoms: ['fatigue'], cns: { csfBlasts: false, cranialNervePalsy: false } },
    labs: diagnosticLabs(dx),
    immunophenotype: { date: dx, markers: m },
    genetics: [...NEGATIVE_GENETICS],
    performance: { ecog: 1 },
    comorbidities: [],
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

/** Newly diagnosed mature B-cell (Burkitt-type) ALL: sIg+, TdT−, L3 morphology, t(8;14). */
export function untreatedBurkitt(overrides: Overrides = {}): Case {
  const dx = daysBefore(3);
  return {
    ...diagnosed(dx, BURKITT_MARKERS),
    marrow: [{ date: dx, blastPercent: 85, fab: 'L3', vacuolatedBlasts: true, starrySky: true }],
    genetics: [...NEGATIVE_GENETICS, gene('t(8;14)', 'detected', 'karyotype')],
    ...overrides,
  };
}

export const INDUCTION_AGENTS: readonly Agent[] = ['vincristine', 'prednisone', 'daunorubicin', 'pegaspargase'];

/** Precursor B-ALL on day `day` of a first induction still being given; counts from yesterday. */
export function onInduction(overrides: Overrides = {}, day = 10): Case {
  const dx = daysBefore(day + 3);
  return {
    ...diagnosed(dx, B_MARKERS),
    labs: [...diagnosticLabs(dx), ...counts(0.3, 25, 8.5, daysBefore(1))],
    treatments: [course('induction', day, { agents: [...INDUCTION_AGENTS] })],
    ...overrides,
  };
}

export type RemissionPhase = 'consolidation' | 'maintenance' | 'follow-up';

/** The courses that bring a patient in first remission to the phase due. */
function remissionCourses(phase: RemissionPhase): Treatment[] {
  switch (phase) {
    case 'consolidation':
      return [course('induction', 60, { end: daysBefore(32), outcome: 'complete-remission', agents: [...INDUCTION_AGENTS] })];
    case 'maintenance':
      return [
        course('induction', 260, { end: daysBefore(232), outcome: 'complete-remission', agents: [...INDUCTION_AGENTS] }),
        course('consolidation', 225, { end: daysBefore(30), agents: ['cyclophosphamide', 'cytarabine', 'methotrexate'] }),
        course('maintenance', 20, { agents: ['mercaptopurine', 'methotrexate'] }),
      ];
    case 'follow-up':
      return [
        course('induction', 1100, { end: daysBefore(1072), outcome: 'complete-remission', agents: [...INDUCTION_AGENTS] }),
        course('consolidation', 1065, { end: daysBefore(880), agents: ['cyclophosphamide', 'cytarabine', 'methotrexate'] }),
        course('maintenance', 870, { end: daysBefore(140), agents: ['mercaptopurine', 'methotrexate'] }),
      ];
  }
}

const REMISSION_START: Record<RemissionPhase, number> = { consolidation: 60, maintenance: 260, 'follow-up': 1100 };

/**
 * Precursor B-ALL in first complete remission, due for `phase`: induction recorded as a complete
 * remission with a clear marrow (2%) and MRD 0.001% at its end; counts recovered 2 days ago.
 */
export function inRemission(phase: RemissionPhase, overrides: Overrides = {}): Case {
  const start = REMISSION_START[phase];
  const dx = daysBefore(start + 3);
  const end = daysBefore(start - 28);
  return {
    ...diagnosed(dx, B_MARKERS),
    labs: [...diagnosticLabs(dx), marrowBlasts(2, end), ...counts(2.1, 180, 12, daysBefore(2))],
    treatments: remissionCourses(phase),
    mrd: [{ date: end, percent: 0.001, method: 'flow' }],
    ...overrides,
  };
}

export type RelapseKind = 'late-first' | 'early-first' | 'second';

/**
 * Relapsed precursor B-ALL. `late-first`: first relapse 20 months after the first remission;
 * `early-first`: after 8 months; `second`: a second relapse after a second remission. The relapse
 * marrow (40% blasts) was taken 5 days ago; counts yesterday; nothing is being given on asOf.
 */
export function relapsedBAll(kind: RelapseKind = 'late-first', overrides: Overrides = {}): Case {
  const months = (m: number) => Math.round(m * 30.44);
  const relapseDay = 5;
  const crEnd = relapseDay + months(kind === 'early-first' ? 8 : 20);
  const inductionStart = crEnd + 28;
  const dx = daysBefore(inductionStart + 3);
  const first: Treatment[] = [
    course('induction', inductionStart, { end: daysBefore(crEnd), outcome: 'complete-remission', agents: [...INDUCTION_AGENTS] }),
    course('consolidation', crEnd - 7, { end: daysBefore(crEnd - 120), agents: ['cyclophosphamide', 'cytarabine', 'methotrexate'] }),
  ];
  const treatments: Treatment[] = kind === 'second'
    ? [
      ...first,
      course('maintenance', crEnd - 130, { end: daysBefore(200), outcome: 'relapse', agents: ['mercaptopurine', 'methotrexate'] }),
      course('reinduction', 195, { end: daysBefore(165), outcome: 'complete-remission', agents: ['blinatumomab'] }),
      course('consolidation', 160, { end: daysBefore(relapseDay), outcome: 'relapse', agents: ['cytarabine', 'methotrexate'] }),
    ]
    : [...first, course('maintenance', crEnd - 130, { end: daysBefore(relapseDay), outcome: 'relapse', agents: ['mercaptopurine', 'methotrexate'] })];
  return {
    ...diagnosed(dx, B_MARKERS),
    labs: [...diagnosticLabs(dx), marrowBlasts(40, daysBefore(relapseDay)), ...counts(1.5, 90, 10.5, daysBefore(1))],
    treatments,
    ...overrides,
  };
}

/**
 * Precursor B-ALL in second remission: the late first relapse of `relapsedBAll`, then a
 * reinduction that ended today in complete remission (marrow 1%); consolidation is due.
 */
export function secondRemission(overrides: Overrides = {}): Case {
  const relapsed = relapsedBAll('late-first');
  return {
    ...withLabs(
      withCourses(relapsed, course('reinduction', 4, { end: AS_OF, outcome: 'complete-remission', agents: ['blinatumomab'] })),
      marrowBlasts(1, AS_OF),
    ),
    ...overrides,
  };
}

/** Primary refractory precursor B-ALL: induction ended 12 days ago without remission (marrow 30%). */
export function refractory(overrides: Overrides = {}): Case {
  const dx = daysBefore(43);
  return {
    ...diagnosed(dx, B_MARKERS),
    labs: [...diagnosticLabs(dx), marrowBlasts(30, daysBefore(12)), ...counts(0.9, 70, 9.5, daysBefore(1))],
    treatments: [course('induction', 40, { end: daysBefore(12), outcome: 'no-remission', agents: [...INDUCTION_AGENTS] })],
    ...overrides,
  };
}

/** The case with more courses after its own (oldest first, as the contract asks). */
export function withCourses(base: Case, ...more: Treatment[]): Case {
  return { ...base, treatments: [...(base.treatments ?? []), ...more] };
}

/** The case with `agents` added to its last course (e.g. a TKI given with maintenance until relapse). */
export function withAgentsInLastCourse(base: Case, ...agents: Agent[]): Case {
  const treatments = [...(base.treatments ?? [])];
  const last = treatments.pop();
  if (last === undefined) throw new Error('the case has no course to add agents to');
  return { ...base, treatments: [...treatments, { ...last, agents: [...(last.agents ?? []), ...agents] }] };
}

/** The case with more labs on record. */
export function withLabs(base: Case, ...more: Lab[]): Case {
  return { ...base, labs: [...(base.labs ?? []), ...more] };
}

/** The case with every result of one lab test taken out (that value is then unknown). */
export function withoutLab(base: Case, test: Lab['test']): Case {
  return { ...base, labs: (base.labs ?? []).filter((l) => l.test !== test) };
}

// ---- evaluation ---------------------------------------------------------------------------

/** Validate as the CLI would, then evaluate; an invalid vignette is a broken test and fails with its issues. */
export function evaluateCase(input: unknown): Evaluation {
  const parsed = parseCase(input);
  if (!parsed.ok) {
    expect.fail(`invalid vignette: ${parsed.issues.map((i) => i.message).join('; ')}`);
  }
  recordVignette(parsed.value);
  return evaluate(parsed.value);
}

export const recIds = (ev: Evaluation) => ev.recommendations.map((r) => r.id);
export const alertIds = (ev: Evaluation) => ev.alerts.map((a) => a.id);
export const actionsOf = (ev: Evaluation) => ev.recommendations.map((r) => r.action);
export const missingActions = (ev: Evaluation) => ev.missing.map((m) => m.action);
export const missingOf = (ev: Evaluation, action: string): MissingTest | undefined => ev.missing.find((m) => m.action === action);
/** Every agent any recommendation with this action offers. */
export const agentsFor = (ev: Evaluation, action: string): Agent[] =>
  ev.recommendations.filter((r) => r.action === action).flatMap((r) => r.agents ?? []);

/** The recommendation made by rule `id`; fails the test when the rule did not recommend. */
export function expectRec(ev: Evaluation, id: string): Recommendation {
  expect(recIds(ev)).toContain(id);
  const r = ev.recommendations.find((x) => x.id === id);
  if (r === undefined) throw new Error(`unreachable: ${id}`);
  return r;
}
export function expectNoRec(ev: Evaluation, id: string): void {
  expect(recIds(ev)).not.toContain(id);
}

/** The alert raised by rule `id`; fails the test when it was not raised. */
export function expectAlert(ev: Evaluation, id: string): Alert {
  expect(alertIds(ev)).toContain(id);
  const a = ev.alerts.find((x) => x.id === id);
  if (a === undefined) throw new Error(`unreachable: ${id}`);
  return a;
}
export function expectNoAlert(ev: Evaluation, id: string): void {
  expect(alertIds(ev)).not.toContain(id);
}

/** Rule ids that wait on some missing test. */
const awaiting = (ev: Evaluation) => ev.missing.flatMap((m) => m.awaits);

/** The missing test named by missing-test rule `id`; fails the test when that rule named none. */
export function expectMissingBy(ev: Evaluation, id: string): MissingTest {
  expect(awaiting(ev)).toContain(id);
  const m = ev.missing.find((x) => x.awaits.includes(id));
  if (m === undefined) throw new Error(`unreachable: ${id}`);
  return m;
}
export function expectNoMissingBy(ev: Evaluation, id: string): void {
  expect(awaiting(ev)).not.toContain(id);
}
