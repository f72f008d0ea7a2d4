/**
 * The controlled vocabulary of the case (contract §4). Every list is a const tuple so that
 * the schemas, the engine and the knowledge base share one literal union per concept.
 */

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** §4.1 */
export const SYMPTOMS = [
  'fever', 'fatigue', 'weakness', 'weight-loss', 'loss-of-appetite', 'night-sweats', 'pallor',
  'dizziness', 'dyspnea', 'bruising', 'bleeding', 'petechiae', 'infection', 'bone-pain',
  'joint-pain', 'abdominal-swelling', 'lymphadenopathy', 'headache', 'vomiting', 'seizures',
  'vision-change', 'balance-problems', 'confusion', 'speech-problems', 'tremor',
  'numbness-tingling', 'chills', 'rash', 'diarrhea', 'nausea', 'cough',
  // Added by allpath (documented in docs/contract.md): the serious effects the toxicity watch looks for.
  'swelling', 'hypotension',
] as const;
export type Symptom = (typeof SYMPTOMS)[number];

export const EXTRAMEDULLARY_SITES = [
  'cns', 'testes', 'mediastinum', 'liver', 'spleen', 'lymph-nodes', 'skin', 'other',
] as const;
export type ExtramedullarySite = (typeof EXTRAMEDULLARY_SITES)[number];

/** §4.3 */
export const MARKERS = [
  'CD1a', 'CD2', 'CD3', 'cCD3', 'CD5', 'CD7', 'CD10', 'CD13', 'CD19', 'CD20', 'CD22', 'cCD79a',
  'CD33', 'CD34', 'TdT', 'MPO', 'sIg',
] as const;
export type Marker = (typeof MARKERS)[number];
export const MARKER_RESULTS = ['positive', 'negative'] as const;
export type MarkerResult = (typeof MARKER_RESULTS)[number];

/** §4.4 */
export const GENETIC_FINDINGS = [
  'BCR::ABL1', 't(9;22)', 'KMT2A-rearrangement', 't(4;11)', 'MYC-rearrangement', 't(8;14)',
  't(2;8)', 't(8;22)', 'del(7)', 'trisomy-8', 'hypodiploidy', 'complex-karyotype',
  'normal-karyotype', 'ABL1-T315I',
] as const;
export type GeneticFinding = (typeof GENETIC_FINDINGS)[number];
export const GENETIC_RESULTS = ['detected', 'not-detected'] as const;
export type GeneticResult = (typeof GENETIC_RESULTS)[number];
export const GENETIC_METHODS = ['karyotype', 'FISH', 'RT-PCR', 'NGS', 'PFGE'] as const;
export type GeneticMethod = (typeof GENETIC_METHODS)[number];

/** §4.5 */
export const TREATMENT_KINDS = [
  'induction', 'consolidation', 'maintenance', 'reinduction', 'cns-prophylaxis',
  'allogeneic-hsct', 'autologous-hsct', 'car-t', 'radiation', 'tki', 'immunotherapy',
  'supportive', 'other',
] as const;
export type TreatmentKind = (typeof TREATMENT_KINDS)[number];
export const TREATMENT_OUTCOMES = [
  'complete-remission', 'no-remission', 'relapse', 'ongoing', 'intolerance', 'unknown',
] as const;
export type TreatmentOutcome = (typeof TREATMENT_OUTCOMES)[number];
export const AGENTS = [
  'vincristine', 'prednisone', 'dexamethasone', 'daunorubicin', 'doxorubicin', 'idarubicin',
  'cyclophosphamide', 'asparaginase', 'pegaspargase', 'methotrexate', 'mercaptopurine',
  'cytarabine', 'etoposide', 'teniposide', 'imatinib', 'dasatinib', 'nilotinib', 'ponatinib',
  'bosutinib', 'blinatumomab', 'inotuzumab-ozogamicin', 'tisagenlecleucel',
  'brexucabtagene-autoleucel', 'obecabtagene-autoleucel', 'nelarabine', 'clofarabine',
  'revumenib', 'rituximab', 'filgrastim', 'pegfilgrastim', 'sargramostim',
] as const;
export type Agent = (typeof AGENTS)[number];
/** Drug classes the knowledge base and the terminology both name (added by allpath). */
export const TKI_AGENTS = ['imatinib', 'dasatinib', 'nilotinib', 'ponatinib', 'bosutinib'] as const satisfies readonly Agent[];
export const CAR_T_AGENTS = ['tisagenlecleucel', 'brexucabtagene-autoleucel', 'obecabtagene-autoleucel'] as const satisfies readonly Agent[];
export const GROWTH_FACTOR_AGENTS = ['filgrastim', 'pegfilgrastim', 'sargramostim'] as const satisfies readonly Agent[];

/** Diagnoses recorded elsewhere (a FHIR Condition, a referral letter), by family. Added by allpath. */
export const RECORDED_DIAGNOSES = [
  'ALL', 'B-ALL', 'T-ALL', 'mature-B-ALL', 'lymphoblastic-lymphoma', 'other-leukemia', 'other-cancer',
] as const;
export type RecordedDiagnosis = (typeof RECORDED_DIAGNOSES)[number];
export const CONDITION_STATUSES = ['active', 'recurrence', 'relapse', 'remission', 'inactive', 'resolved'] as const;
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

export const MRD_METHODS = ['flow', 'PCR', 'NGS'] as const;
export type MrdMethod = (typeof MRD_METHODS)[number];
export const DONORS = [
  'matched-sibling', 'matched-unrelated', 'haploidentical', 'none', 'unknown',
] as const;
export type Donor = (typeof DONORS)[number];
export const FAB_TYPES = ['L1', 'L2', 'L3'] as const;
export const CELLULARITIES = ['hypocellular', 'normocellular', 'hypercellular'] as const;
export const SPECIMENS = ['blood', 'marrow', 'csf'] as const;
export type Specimen = (typeof SPECIMENS)[number];
