/**
 * Named groups of patients that several care steps share, so each is defined once and reads
 * the same everywhere: "Ph-positive B-ALL", "relapsed or refractory", "transplant candidate".
 */
import { TKI_AGENTS } from '../contract/index.js';
import {
  above, all, any, atLeast, atMost, below, includes, is, isOneOf, isUnknown, not, stated,
} from './format.js';

/** ALL, or T/B lymphoblastic lymphoma, which the sources treat as ALL. */
export const hasAll = isOneOf('leukemia', 'ALL', 'lymphoblastic-lymphoma');
export const bLineage = all(hasAll, is('lineage', 'B'));
/** B-cell precursor ALL: the labelled population for blinatumomab, inotuzumab and CD19 CAR-T. */
export const bPrecursor = all(hasAll, is('subtype', 'precursor-B'));
export const tLineage = all(hasAll, is('lineage', 'T'));
export const phPositive = all(hasAll, is('philadelphia', 'positive'));

export const untreated = all(hasAll, is('status', 'untreated'));
export const newlyDiagnosed = all(hasAll, isOneOf('status', 'untreated', 'on-induction'));
export const inRemission = all(hasAll, is('status', 'remission'));
export const relapsedOrRefractory = all(hasAll, isOneOf('status', 'recurrent', 'refractory'));
/** On active anti-leukemic therapy: every status but follow-up after completed treatment. */
export const onTherapy = all(hasAll, not(is('phase', 'follow-up')), isOneOf('status', 'on-induction', 'remission', 'recurrent', 'refractory'));

/** Older (over 65) or unfit (ECOG 2 or more, or a serious comorbidity on record). */
export const olderOrUnfit = any(above('ageYears', 65), atLeast('ecog', 2), atLeast('comorbidityCount', 1));
/** Neither older nor unfit on record: age is always known; ECOG and comorbidities count only when stated. */
export const fitForIntensiveTherapy = all(
  not(above('ageYears', 65)),
  any(isUnknown('ecog'), below('ecog', 2)),
  any(isUnknown('comorbidityCount'), below('comorbidityCount', 1)),
);
export const declinesIntensiveTherapy = stated('declinesIntensiveTherapy');

/** Fever now: a temperature of 38.0 °C or more taken in the last 3 days, or fever as a symptom on asOf. */
export const fever = any(all(atLeast('temperatureC', 38.0), atMost('temperatureAgeDays', 3)), includes('symptoms', 'fever'));

export const cnsInvolved = any(stated('csfBlasts'), stated('cranialNervePalsy'), includes('extramedullary', 'cns'));

export const donorAvailable = isOneOf('donor', 'matched-sibling', 'matched-unrelated', 'haploidentical');
/** PDQ: transplant may be considered with an available donor if the patient is younger than 55. */
export const transplantAge = below('ageYears', 55);

/** Allogeneic transplant in first remission: Ph-positive or high-risk disease. */
/** High-risk features of the disease itself: age raises the risk group but also transplant mortality. */
const DISEASE_RISK_FACTORS = [
  'risk-wbc', 'risk-ph-positive', 'risk-kmt2a', 'risk-hypodiploidy', 'risk-complex-karyotype', 'risk-del7',
  'risk-trisomy-8', 'risk-late-remission', 'risk-mrd-positive', 'risk-cns',
] as const;
export const highRiskDisease = any(...DISEASE_RISK_FACTORS.map((id) => includes('riskFactorsPresent', id)));
export const firstRemissionHighRisk = all(
  inRemission, below('relapses', 1), not(is('phase', 'follow-up')),
  any(is('philadelphia', 'positive'), highRiskDisease),
);
/** Second or later remission: reinduction has worked after a relapse, and transplant follows now. */
export const laterRemission = all(inRemission, atLeast('relapses', 1), not(is('phase', 'follow-up')));
/** Transplant is being considered (donor found or still being sought): avoid donor blood products. */
export const transplantConsidered = all(
  transplantAge, not(declinesIntensiveTherapy), any(donorAvailable, isUnknown('donor')),
  any(firstRemissionHighRisk, relapsedOrRefractory, laterRemission),
);

export const onTki = any(...TKI_AGENTS.map((a) => includes('currentAgents', a)));
export const hadTki = any(...TKI_AGENTS.map((a) => includes('priorAgents', a)));
