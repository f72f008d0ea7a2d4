/**
 * How the contract's vocabulary reads on screen: one label per value, for clinicians, and a
 * plain-language wording for the patient view. Wording only; every value comes from the
 * evaluation as the engine gave it.
 */
import type {
  Category, Kmt2aStatus, Leukemia, Lineage, Phase, PhStatus, Priority, RiskGroup, Severity, Status, Subtype,
} from '../../src/contract/index.js';
import type { TreatmentKind } from '../../src/contract/vocabulary.js';

export const LEUKEMIA_LABEL: Readonly<Record<Leukemia, string>> = {
  ALL: 'Acute lymphoblastic leukemia',
  'lymphoblastic-lymphoma': 'Lymphoblastic lymphoma',
  'not-ALL': 'Not ALL',
  unknown: 'Unknown',
};

export const LINEAGE_LABEL: Readonly<Record<Lineage, string>> = { B: 'B lineage', T: 'T lineage', unknown: 'Lineage unknown' };

export const SUBTYPE_LABEL: Readonly<Record<Subtype, string>> = {
  'precursor-B': 'Precursor B-cell',
  'mature-B-burkitt': 'Mature B-cell (Burkitt)',
  T: 'T-cell',
  unknown: 'Unknown',
};

export const PH_LABEL: Readonly<Record<PhStatus, string>> = { positive: 'Ph+', negative: 'Ph−', unknown: 'Ph unknown' };
export const PH_LONG: Readonly<Record<PhStatus, string>> = {
  positive: 'Philadelphia chromosome positive',
  negative: 'Philadelphia chromosome negative',
  unknown: 'Philadelphia chromosome status unknown',
};

export const KMT2A_LABEL: Readonly<Record<Kmt2aStatus, string>> = {
  rearranged: 'KMT2A rearranged',
  'not-detected': 'KMT2A not rearranged',
  unknown: 'KMT2A unknown',
};

export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  untreated: 'Untreated',
  'on-induction': 'On induction',
  remission: 'Remission',
  recurrent: 'Recurrent',
  refractory: 'Refractory',
  unknown: 'Unknown',
};

export const PHASE_LABEL: Readonly<Record<Phase, string>> = {
  induction: 'Induction',
  consolidation: 'Consolidation',
  maintenance: 'Maintenance',
  reinduction: 'Reinduction',
  'follow-up': 'Follow-up',
  palliative: 'Palliative',
};

export const RISK_LABEL: Readonly<Record<RiskGroup, string>> = { standard: 'Standard risk', high: 'High risk', unknown: 'Risk unknown' };

export const CATEGORY_LABEL: Readonly<Record<Category, string>> = {
  therapy: 'Therapy',
  supportive: 'Supportive care',
  monitoring: 'Monitoring',
  workup: 'Work-up',
  referral: 'Referral',
};

export const PRIORITY_LABEL: Readonly<Record<Priority, string>> = { urgent: 'Urgent', routine: 'Routine', consider: 'Consider' };
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { critical: 'Critical', warning: 'Warning', info: 'Info' };

export const TREATMENT_LABEL: Readonly<Record<TreatmentKind, string>> = {
  induction: 'Induction',
  consolidation: 'Consolidation',
  maintenance: 'Maintenance',
  reinduction: 'Reinduction',
  'cns-prophylaxis': 'CNS prophylaxis',
  'allogeneic-hsct': 'Allogeneic HSCT',
  'autologous-hsct': 'Autologous HSCT',
  'car-t': 'CAR-T',
  radiation: 'Radiation',
  tki: 'TKI',
  immunotherapy: 'Immunotherapy',
  supportive: 'Supportive',
  other: 'Other',
};

/** Words of action ids written in capitals (acronyms and gene names). */
const ACRONYMS: Readonly<Record<string, string>> = {
  cbc: 'CBC', bcr: 'BCR', abl1: 'ABL1', kmt2a: 'KMT2A', myc: 'MYC', mrd: 'MRD', cd19: 'CD19', cd22: 'CD22',
  hla: 'HLA', ecg: 'ECG', qtc: 'QTc', tki: 'TKI', cns: 'CNS', hsct: 'HSCT', car: 'CAR', t: 'T', rbc: 'RBC',
  crs: 'CRS', vod: 'VOD',
};

/** An action id as words: `induction-chemotherapy` → `Induction chemotherapy`, `cns-prophylaxis` → `CNS prophylaxis`. */
export function actionLabel(action: string): string {
  const words = action.split('-').map((w) => ACRONYMS[w] ?? w);
  const text = words.join(' ').replace('BCR ABL1', 'BCR::ABL1').replace('CAR T', 'CAR-T');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The order the contract lists priorities and severities in: most pressing first. */
export const PRIORITY_ORDER: readonly Priority[] = ['urgent', 'routine', 'consider'];
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'warning', 'info'];
export const CATEGORY_ORDER: readonly Category[] = ['therapy', 'supportive', 'monitoring', 'workup', 'referral'];

// ---- The patient view: plain words for the same values. ----

export const LAY_DIAGNOSIS: Readonly<Record<Leukemia, string>> = {
  ALL: 'The tests show acute lymphoblastic leukemia (ALL), a cancer of the blood and bone marrow.',
  'lymphoblastic-lymphoma': 'The tests show lymphoblastic lymphoma, a close relative of acute lymphoblastic leukemia.',
  'not-ALL': 'The tests so far do not show acute lymphoblastic leukemia. Your care team will explain what they do show.',
  unknown: 'The type of illness is not settled yet; more test results are needed.',
};

export const LAY_SUBTYPE: Readonly<Record<Subtype, string | null>> = {
  'precursor-B': 'The leukemia started in young B cells, a kind of white blood cell.',
  'mature-B-burkitt': 'The leukemia is of a type called Burkitt, which started in mature B cells.',
  T: 'The leukemia started in T cells, a kind of white blood cell.',
  unknown: null,
};

export const LAY_PH: Readonly<Record<PhStatus, string | null>> = {
  positive: 'The leukemia cells carry a change called the Philadelphia chromosome.',
  negative: 'The leukemia cells do not carry the Philadelphia chromosome.',
  unknown: null,
};

export const LAY_STATUS: Readonly<Record<Status, string>> = {
  untreated: 'Treatment has not started yet.',
  'on-induction': 'You are in the first phase of treatment.',
  remission: 'The leukemia is in remission: tests no longer find it in the bone marrow.',
  recurrent: 'The leukemia has come back after treatment.',
  refractory: 'The leukemia has not gone away with treatment so far.',
  unknown: 'Where you are in treatment is not clear from the records yet.',
};

export const LAY_PHASE: Readonly<Record<Phase, string>> = {
  induction: 'The next step is induction, the first phase of treatment, which aims to clear the leukemia.',
  consolidation: 'The next step is consolidation, which aims to destroy any leukemia cells that are left.',
  maintenance: 'The next step is maintenance, a longer, gentler phase that helps keep the leukemia away.',
  reinduction: 'The next step is treatment to bring the leukemia back into remission.',
  'follow-up': 'The next step is follow-up: regular check-ups and tests.',
  palliative: 'The next step focuses on comfort and quality of life.',
};

export const LAY_RISK: Readonly<Record<RiskGroup, string | null>> = {
  standard: 'The features of the leukemia put it in a standard-risk group.',
  high: 'Some features of the leukemia put it in a higher-risk group, which can change how intensive treatment is.',
  unknown: null,
};

export const LAY_CATEGORY: Readonly<Record<Category, string>> = {
  therapy: 'Treatment',
  supportive: 'Care to protect you during treatment',
  monitoring: 'Check-ups and tests to watch',
  workup: 'Tests',
  referral: 'Other specialists',
};

/** One question per kind of recommendation, in fixed wording. */
export const QUESTION_BY_CATEGORY: Readonly<Record<Category, string>> = {
  therapy: 'Which treatment do you suggest for me now, what are its goals, and what side effects should I expect?',
  supportive: 'What will be done to protect me from infections and other problems during treatment?',
  monitoring: 'Which check-ups and tests will I have, how often, and what are you watching for?',
  workup: 'Which tests do I still need, and how will the results be used?',
  referral: 'Who else will be part of my care, and when will I meet them?',
};

export const QUESTION_ALERTS = 'Is there anything that needs attention right away, and whom should I call if it gets worse?';
export const QUESTION_TRIAL = 'Is there a clinical trial that might be right for me?';
export const questionForTest = (test: string) =>
  `${test} — when will this be done, and how could the result change my plan?`;
export const QUESTIONS_ALWAYS: readonly string[] = [
  'What are the goals of my treatment?',
  'How will treatment affect my daily life, work and family?',
  'Whom do I call, day or night, if I have a fever or feel unwell?',
];
