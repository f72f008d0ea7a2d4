/**
 * The evaluation: what allpath says about one case (contract §2). allpath adds `notice`,
 * `priority`/`evidence`/`awaits` on missing tests, `risk.provisional` and `trace`; it renames,
 * drops and re-means nothing.
 */
import { z } from 'zod';
import { ACTION_IDS } from './actions.js';
import { AGENTS } from './vocabulary.js';

export const LEUKEMIA = ['ALL', 'lymphoblastic-lymphoma', 'not-ALL', 'unknown'] as const;
export const LINEAGES = ['B', 'T', 'unknown'] as const;
export const SUBTYPES = ['precursor-B', 'mature-B-burkitt', 'T', 'unknown'] as const;
export const PH_STATUSES = ['positive', 'negative', 'unknown'] as const;
export const KMT2A_STATUSES = ['rearranged', 'not-detected', 'unknown'] as const;
export const STATUSES = ['untreated', 'on-induction', 'remission', 'recurrent', 'refractory', 'unknown'] as const;
export const PHASES = ['induction', 'consolidation', 'maintenance', 'reinduction', 'follow-up', 'palliative'] as const;
export const RISK_GROUPS = ['standard', 'high', 'unknown'] as const;
export const CATEGORIES = ['therapy', 'supportive', 'monitoring', 'workup', 'referral'] as const;
export const PRIORITIES = ['urgent', 'routine', 'consider'] as const;
export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export const SOURCE_NAMES = [
  'pdq-adult-all-treatment-hp', 'pdq-adult-all-treatment-patient', 'acs-about-all',
  'acs-treating-all', 'all-patient-overview',
] as const;

export type Leukemia = (typeof LEUKEMIA)[number];
export type Lineage = (typeof LINEAGES)[number];
export type Subtype = (typeof SUBTYPES)[number];
export type PhStatus = (typeof PH_STATUSES)[number];
export type Kmt2aStatus = (typeof KMT2A_STATUSES)[number];
export type Status = (typeof STATUSES)[number];
export type Phase = (typeof PHASES)[number];
export type RiskGroup = (typeof RISK_GROUPS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type SourceName = (typeof SOURCE_NAMES)[number];

export const Evidence = z.strictObject({
  source: z.enum(SOURCE_NAMES).describe('A file in shared/sources without its extension'),
  locator: z.string().describe('A 4-12 word phrase that occurs verbatim in the source'),
  level: z.string().optional().describe('PDQ level of evidence, where the source gives one'),
});
export type Evidence = z.infer<typeof Evidence>;

const evidenceList = z.array(Evidence).min(1);

/** Search hints for clinical-trial recommendations, with a ready ClinicalTrials.gov API v2 query. */
export const TrialSearch = z.strictObject({
  condition: z.string(),
  ageYears: z.number(),
  subtype: z.enum(SUBTYPES),
  philadelphia: z.enum(PH_STATUSES),
  status: z.enum(STATUSES),
  priorAgents: z.array(z.enum(AGENTS)),
  terms: z.array(z.string()),
  url: z.string().describe('https://clinicaltrials.gov/api/v2/studies?… (recruiting studies)'),
});
export type TrialSearch = z.infer<typeof TrialSearch>;

export const Recommendation = z.strictObject({
  id: z.string(),
  action: z.enum(ACTION_IDS),
  category: z.enum(CATEGORIES),
  priority: z.enum(PRIORITIES),
  agents: z.array(z.enum(AGENTS)).optional(),
  trialSearch: TrialSearch.optional(),
  rationale: z.string(),
  lay: z.string(),
  evidence: evidenceList,
});
export type Recommendation = z.infer<typeof Recommendation>;

export const Alert = z.strictObject({
  id: z.string(),
  action: z.enum(ACTION_IDS),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  lay: z.string(),
  evidence: evidenceList,
});
export type Alert = z.infer<typeof Alert>;

export const MissingTest = z.strictObject({
  data: z.string().describe('What is not known'),
  action: z.enum(ACTION_IDS),
  impact: z.string().describe('What the result would change'),
  priority: z.enum(PRIORITIES),
  awaits: z.array(z.string()).describe('Ids of the rules that wait on this result'),
  evidence: z.array(Evidence),
});
export type MissingTest = z.infer<typeof MissingTest>;

export const RiskFactor = z.strictObject({
  id: z.string(),
  present: z.union([z.boolean(), z.literal('unknown')]),
  detail: z.string(),
});
export type RiskFactor = z.infer<typeof RiskFactor>;

export const TraceEntry = z.strictObject({
  rule: z.string(),
  result: z.enum(['yes', 'no', 'unknown']),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type TraceEntry = z.infer<typeof TraceEntry>;

/** What FHIR ingest could not map: nothing is dropped silently. */
export const IngestNote = z.strictObject({
  resource: z.string().describe('ResourceType/id, or ResourceType[index] without an id'),
  code: z.string().optional().describe('system|code of the element that could not be mapped'),
  why: z.string(),
});
export type IngestNote = z.infer<typeof IngestNote>;
export const IngestReport = z.strictObject({
  source: z.literal('fhir-bundle'),
  resources: z.number().int().describe('Resources in the bundle'),
  mapped: z.number().int().describe('Resources that contributed to the case'),
  unmapped: z.array(IngestNote),
  warnings: z.array(IngestNote),
});
export type IngestReport = z.infer<typeof IngestReport>;

/** A drug order whose indication the case does not establish (CDS Hooks order-sign/order-select). */
export const OrderCheck = z.strictObject({
  id: z.string(),
  agent: z.enum(AGENTS),
  indication: z.enum(['no', 'unknown']).describe('The indication is absent, or not known'),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  suggestion: z.string(),
  evidence: evidenceList,
});
export type OrderCheck = z.infer<typeof OrderCheck>;

export const Evaluation = z.strictObject({
  caseId: z.string(),
  asOf: z.string(),
  knowledgeVersion: z.string(),
  notice: z.string().describe('allpath supports a clinician\'s decision; it orders nothing'),
  diagnosis: z.strictObject({
    leukemia: z.enum(LEUKEMIA),
    lineage: z.enum(LINEAGES),
    subtype: z.enum(SUBTYPES),
    philadelphia: z.enum(PH_STATUSES),
    kmt2a: z.enum(KMT2A_STATUSES),
    reasons: z.array(z.string()),
  }),
  status: z.enum(STATUSES),
  statusReasons: z.array(z.string()).describe('Why the status and phase are what they are'),
  phase: z.enum(PHASES).nullable(),
  risk: z.strictObject({
    group: z.enum(RISK_GROUPS),
    provisional: z.boolean().describe('True while response factors (time to remission, MRD) are not yet assessable'),
    factors: z.array(RiskFactor),
  }),
  recommendations: z.array(Recommendation),
  alerts: z.array(Alert),
  missing: z.array(MissingTest),
  trace: z.array(TraceEntry),
  ingest: IngestReport.optional().describe('Present when the case came from a FHIR Bundle'),
});
export type Evaluation = z.infer<typeof Evaluation>;
