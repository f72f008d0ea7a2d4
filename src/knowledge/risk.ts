/**
 * Risk factors at diagnosis and after induction. The sources name the factors (age, white count,
 * Ph, t(4;11), del(7), +8, karyotype, response); their thresholds come from adult trial groups
 * (facts.md §5.4: UKALL XII/E2993, GMALL, ELN) and say so in `basis`.
 * Group: high when any factor is present; standard when all are absent (provisional while the
 * response factors are still pending); otherwise unknown.
 */
import { GENETIC_FINDINGS } from '../contract/index.js';
import type { RiskFactorRule } from './format.js';
import type { RiskFactorId } from './facts.js';
import {
  above, all, any, atLeast, atMost, below, flag, genetic, includes, is, isOneOf, not, riskFactor,
} from './format.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;
const OVERVIEW = 'all-patient-overview' as const;

const KARYOTYPE_FINDINGS = ['normal-karyotype', 'complex-karyotype', 'hypodiploidy', 'del(7)', 'trisomy-8'] as const;
/**
 * A karyotype is on record: any result by karyotype, or a karyotype-level finding detected. A
 * single probe reported negative (e.g. hypodiploidy by FISH) rules out that finding only.
 */
export const cytogeneticsDone = any(
  genetic(GENETIC_FINDINGS, 'detected', ['karyotype']),
  genetic(GENETIC_FINDINGS, 'not-detected', ['karyotype']),
  genetic(KARYOTYPE_FINDINGS, 'detected'),
);
const responsePending = isOneOf('status', 'untreated', 'on-induction');

function karyotypeFactor(id: RiskFactorId, finding: (typeof KARYOTYPE_FINDINGS)[number], name: string, locator: string, basis?: string): RiskFactorRule {
  return riskFactor({
    id,
    present: genetic([finding], 'detected'),
    absent: any(genetic([finding], 'not-detected'), all(cytogeneticsDone, not(genetic([finding], 'detected')))),
    detail: { present: `${name} on cytogenetics`, absent: `no ${name} on cytogenetics`, unknown: 'no cytogenetics on record' },
    evidence: [{ source: PDQ, locator }],
    ...(basis === undefined ? {} : { basis }),
  });
}

export const RISK_FACTORS: readonly RiskFactorRule[] = [
  riskFactor({
    id: 'risk-age',
    present: above('ageYears', 35),
    absent: atMost('ageYears', 35),
    detail: { present: 'age {ageYears} years (over 35)', absent: 'age {ageYears} years (35 or younger)', unknown: 'age unknown' },
    evidence: [{ source: OVERVIEW, locator: 'Younger patients tend to have a better prognosis' }],
    basis: 'Over 35 years is adverse in GMALL and UKALL XII/E2993 (facts.md §5.4, EXT-12, EXT-13).',
  }),
  riskFactor({
    id: 'risk-wbc',
    present: any(all(is('lineage', 'B'), above('wbcAtDiagnosis', 30)), all(is('lineage', 'T'), above('wbcAtDiagnosis', 100))),
    absent: any(atMost('wbcAtDiagnosis', 30), all(is('lineage', 'T'), atMost('wbcAtDiagnosis', 100))),
    detail: {
      present: 'WBC {wbcAtDiagnosis} × 10⁹/L at diagnosis (over 30 in B-lineage, over 100 in T-lineage)',
      absent: 'WBC {wbcAtDiagnosis} × 10⁹/L at diagnosis (below the threshold for {lineage}-lineage)',
      unknown: 'WBC at diagnosis or lineage unknown',
    },
    evidence: [{ source: OVERVIEW, locator: 'have a low white blood cell count at the time of diagnosis' }],
    basis: 'WBC > 30 × 10⁹/L (B) or > 100 × 10⁹/L (T): UKALL XII/E2993, GMALL, ELN (facts.md §5.4, EXT-10, EXT-13).',
  }),
  riskFactor({
    id: 'risk-ph-positive',
    present: is('philadelphia', 'positive'),
    absent: is('philadelphia', 'negative'),
    detail: { present: 'Philadelphia chromosome (BCR::ABL1) positive', absent: 'Philadelphia-negative', unknown: 'Ph status unknown: no molecular BCR::ABL1 result' },
    evidence: [{ source: PDQ, locator: 'chromosomal abnormalities associated with a poor prognosis are t(4;11)' }],
  }),
  riskFactor({
    id: 'risk-kmt2a',
    present: is('kmt2a', 'rearranged'),
    absent: is('kmt2a', 'not-detected'),
    detail: { present: 'KMT2A (MLL) rearranged / t(4;11)', absent: 'no KMT2A rearrangement', unknown: 'KMT2A not tested by FISH or molecular method' },
    evidence: [{ source: PDQ, locator: 'characterized by rearrangements of the MLL gene' }],
  }),
  karyotypeFactor('risk-hypodiploidy', 'hypodiploidy', 'hypodiploidy', 'karyotype was the most important predictor of disease-free survival',
    'Hypodiploidy (< 44 chromosomes) is poor-risk in NCCN and ELN (facts.md §3.7, §5.4, EXT-10, EXT-18).'),
  karyotypeFactor('risk-complex-karyotype', 'complex-karyotype', 'complex karyotype', 'karyotype was the most important predictor of disease-free survival',
    'Complex karyotype (≥ 5 abnormalities) is poor-risk in NCCN (facts.md §3.7, EXT-18).'),
  karyotypeFactor('risk-del7', 'del(7)', 'deletion of chromosome 7', 'patients with deletion of chromosome 7 or trisomy 8'),
  karyotypeFactor('risk-trisomy-8', 'trisomy-8', 'trisomy 8', 'patients with deletion of chromosome 7 or trisomy 8'),
  riskFactor({
    id: 'risk-late-remission',
    present: any(above('daysToFirstRemission', 28), all(atLeast('inductionCourses', 2), not(responsePending)), is('status', 'refractory')),
    absent: all(atMost('daysToFirstRemission', 28), below('inductionCourses', 2)),
    pending: responsePending,
    detail: {
      present: 'no remission within 4 weeks of starting induction ({daysToFirstRemission} days, {inductionCourses} induction course(s))',
      absent: 'remission within 4 weeks ({daysToFirstRemission} days)',
      unknown: 'time to remission not on record',
      pending: 'not yet assessable: response to induction pending',
    },
    evidence: [{ source: OVERVIEW, locator: 'unable to detect leukemic cells after 4 to 5 weeks' }],
    basis: 'Remission later than 4 weeks or after more than one course is adverse (facts.md §5.4, EXT-10, EXT-12).',
  }),
  riskFactor({
    id: 'risk-mrd-positive',
    present: atLeast('mrdPercent', 0.01),
    absent: below('mrdPercent', 0.01),
    pending: responsePending,
    detail: {
      present: 'MRD {mrdPercent}% after induction (0.01% or more)',
      absent: 'MRD {mrdPercent}% (below 0.01%)',
      unknown: 'no MRD result since induction',
      pending: 'not yet assessable: MRD is measured at the end of induction',
    },
    evidence: [{ source: 'acs-about-all', locator: 'detect even the smallest amount of leukemia left after treatment' }],
    basis: 'MRD ≥ 0.01% (10⁻⁴) after induction (facts.md §5.4, §7, EXT-10).',
  }),
  riskFactor({
    id: 'risk-cns',
    present: any(flag('csfBlasts'), flag('cranialNervePalsy'), includes('extramedullary', 'cns')),
    absent: all(not(flag('csfBlasts')), not(includes('extramedullary', 'cns'))),
    detail: {
      present: 'CNS involvement (blasts in the CSF, cranial nerve palsy, or CNS disease)',
      absent: 'no blasts in the cerebrospinal fluid',
      unknown: 'CNS status unknown: no lumbar puncture on record',
    },
    evidence: [{ source: 'acs-treating-all', locator: 'This spread is found when the doctor does a' }],
    basis: 'CNS involvement is occasionally considered a risk factor (facts.md §5.4, EXT-10).',
  }),
];
