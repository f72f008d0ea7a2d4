/**
 * The facts the guideline speaks of. The engine reads the first group from the case; the
 * knowledge base derives the second group (diagnosis, status, phase) in order. Unknown is
 * `null` for numbers and flags and `'unknown'` for classifications; observation lists are
 * always known (possibly empty) and are quantified over ("some marrow since remission ≥ 5%").
 */
import type {
  Agent, Donor, ExtramedullarySite, GeneticFinding, GeneticMethod, GeneticResult, Kmt2aStatus,
  ConditionStatus, Leukemia, Lineage, Marker, MarkerResult, PhStatus, Phase, RecordedDiagnosis, RiskGroup, Status, Subtype, Symptom, TreatmentKind,
} from '../contract/index.js';

/** Which relapsed/refractory setting applies (the PDQ's blinatumomab categories, plus late first relapse). */
export type RelapseCategory =
  | 'primary-refractory' | 'refractory-to-salvage' | 'early-first-relapse' | 'late-first-relapse'
  | 'second-or-later-relapse' | 'relapse-after-transplant' | 'not-relapsed' | 'unknown';

/** The risk factors of src/knowledge/risk.ts, by id. */
export type RiskFactorId =
  | 'risk-age' | 'risk-wbc' | 'risk-ph-positive' | 'risk-kmt2a' | 'risk-hypodiploidy' | 'risk-complex-karyotype'
  | 'risk-del7' | 'risk-trisomy-8' | 'risk-late-remission' | 'risk-mrd-positive' | 'risk-cns';

export type Response = 'complete-remission' | 'no-remission' | 'relapse' | 'none';

export interface GeneticRecord {
  readonly finding: GeneticFinding;
  readonly result: GeneticResult;
  readonly method: GeneticMethod | 'unknown';
  readonly detail: string | null;
}

/** Read from the case by the engine (src/engine/facts.ts). */
export interface CaseFacts {
  readonly ageYears: number;
  readonly ecog: number | null;
  /** Comorbidities listed; null when the case does not say. */
  readonly comorbidities: readonly string[] | null;
  /** How many comorbidities are listed; null when the case does not say. */
  readonly comorbidityCount: number | null;
  readonly declinesIntensiveTherapy: boolean | null;
  readonly donor: Donor;

  /** Diagnoses recorded elsewhere (FHIR Conditions); empty when none. */
  readonly recordedDiagnoses: readonly RecordedDiagnosis[];
  /** Statuses recorded on the ALL (or lymphoblastic lymphoma) conditions only: another cancer's relapse is not this disease's. */
  readonly recordedStatuses: readonly ConditionStatus[];

  /** Symptoms on asOf; null when the case lists none at all. */
  readonly symptoms: readonly Symptom[] | null;
  /** Extramedullary sites stated on asOf (empty when none are stated). */
  readonly extramedullary: readonly ExtramedullarySite[];
  readonly temperatureC: number | null;
  /** Blasts in the spinal fluid: stated on asOf, or in any CSF result on record (CNS disease at diagnosis counts). */
  readonly csfBlasts: boolean | null;
  /** Blasts in the spinal fluid stated on asOf or found after the remission: a CNS relapse. */
  readonly csfBlastsSinceRemission: boolean | null;
  readonly csfWbcPerUL: number | null;
  readonly cranialNervePalsy: boolean | null;

  /** How many markers the immunophenotype reports. */
  readonly markerCount: number;
  readonly markers: Readonly<Partial<Record<Marker, MarkerResult>>>;
  readonly fab: 'L1' | 'L2' | 'L3' | null;
  readonly genetics: readonly GeneticRecord[];

  /** Latest marrow blast % before the first anti-leukemic treatment (all marrows if untreated). */
  readonly diagnosticMarrowBlasts: number | null;
  /** Every marrow blast % on record, and the latest. */
  readonly marrowBlasts: readonly number[];
  readonly latestMarrowBlasts: number | null;
  /** Highest WBC (10⁹/L) before the first anti-leukemic treatment. */
  readonly wbcAtDiagnosis: number | null;

  /** Latest counts in canonical units (10⁹/L, g/dL) and their age in days before asOf. */
  readonly anc: number | null;
  readonly ancAgeDays: number | null;
  readonly platelets: number | null;
  readonly plateletsAgeDays: number | null;
  readonly hemoglobin: number | null;
  readonly hemoglobinAgeDays: number | null;
  readonly wbc: number | null;
  /** Latest QTc (ms), potassium (mmol/L), bilirubin (mg/dL), ALT (U/L), and their age in days. */
  readonly qtc: number | null;
  readonly qtcAgeDays: number | null;
  readonly potassium: number | null;
  readonly potassiumAgeDays: number | null;
  readonly bilirubin: number | null;
  readonly bilirubinAgeDays: number | null;
  readonly alt: number | null;
  readonly altAgeDays: number | null;
  readonly temperatureAgeDays: number | null;

  /** Any anti-leukemic course (not supportive care) started on or before asOf. */
  readonly treated: boolean;
  /** The last anti-leukemic course, and whether it is still being given on asOf. */
  readonly lastCourseKind: TreatmentKind | null;
  readonly lastCourseOngoing: boolean | null;
  /** The last course that marks a phase (induction, reinduction, consolidation, maintenance, transplant, CAR-T). */
  readonly lastPhaseKind: TreatmentKind | null;
  readonly lastPhaseOngoing: boolean | null;
  /** The latest decisive outcome recorded on any course. */
  readonly latestResponse: Response;
  /** Consolidation, maintenance or transplant has started since the last (re)induction. */
  readonly postRemissionTherapyStarted: boolean;
  /** Observations since the last remission (recorded or implied by post-remission therapy). */
  readonly marrowBlastsSinceRemission: readonly number[];
  readonly bloodBlastsSinceRemission: readonly number[];
  /** Marrow blast % since the current (re)induction started, latest last. */
  readonly marrowBlastsSinceInduction: readonly number[];
  readonly latestMarrowBlastsSinceInduction: number | null;
  /** Latest ANC and platelets (10⁹/L) drawn after the current (re)induction started: recovery, not baseline. */
  readonly ancSinceInduction: number | null;
  readonly plateletsSinceInduction: number | null;
  readonly daysSinceInductionStart: number | null;
  /** Days from the first induction start to the first recorded complete remission. */
  readonly daysToFirstRemission: number | null;
  readonly inductionCourses: number;
  readonly relapses: number;
  /** Months from first remission to first relapse. */
  readonly firstRemissionMonths: number | null;
  readonly relapseAfterTransplant: boolean;
  /** Days since the latest CAR-T infusion (null when none). */
  readonly daysSinceCarT: number | null;
  readonly currentAgents: readonly Agent[];
  readonly priorAgents: readonly Agent[];
  /** Latest MRD % since the current (re)induction started. */
  readonly mrdPercent: number | null;
}

/** Derived by the knowledge base, stage by stage (diagnosis → status → phase). */
export interface DerivedFacts {
  readonly lineage: Lineage;
  readonly leukemia: Leukemia;
  readonly subtype: Subtype;
  readonly philadelphia: PhStatus;
  readonly kmt2a: Kmt2aStatus;
  readonly status: Status;
  readonly phase: Phase | 'none' | 'unknown';
  readonly relapseCategory: RelapseCategory;
  /** Set from the risk factors (src/knowledge/risk.ts) before any action rule runs. */
  readonly riskGroup: RiskGroup;
  /** Ids of the risk factors present. */
  readonly riskFactorsPresent: readonly RiskFactorId[];
}

export type Facts = CaseFacts & DerivedFacts;
export type DerivedKey = keyof DerivedFacts;

type KeysWhere<T> = { [K in keyof Facts]-?: Facts[K] extends T ? K : never }[keyof Facts];
/** Facts that hold a single classification (string literal union). */
export type ClassKey = { [K in keyof Facts]-?: Facts[K] extends string | null ? (string extends Facts[K] ? never : K) : never }[keyof Facts];
export type NumberKey = KeysWhere<number | null>;
export type FlagKey = KeysWhere<boolean | null>;
export type ListKey = { [K in keyof Facts]-?: Facts[K] extends readonly (infer E)[] | null ? (E extends string ? K : never) : never }[keyof Facts];
export type SeriesKey = { [K in keyof Facts]-?: Facts[K] extends readonly number[] ? K : never }[keyof Facts];
export type ListItem<K extends ListKey> = NonNullable<Facts[K]> extends readonly (infer E)[] ? E : never;
export type ClassValue<K extends ClassKey> = Exclude<Facts[K], null | 'unknown'>;
