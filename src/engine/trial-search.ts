/**
 * ClinicalTrials.gov search hints for a case: the patient's condition, age, subtype, Ph and
 * relapse status, and prior drugs, with a query for the registry's API v2 (recruiting studies
 * whose age range includes the patient).
 */
import type { TrialSearch } from '../contract/index.js';
import type { Facts } from '../knowledge/facts.js';

const API = 'https://clinicaltrials.gov/api/v2/studies';

const SUBTYPE_TERMS: Record<Facts['subtype'], string | null> = {
  'precursor-B': 'B-cell', 'mature-B-burkitt': 'Burkitt', T: 'T-cell', unknown: null,
};
const STATUS_TERMS: Record<Facts['status'], string | null> = {
  untreated: 'newly diagnosed', 'on-induction': 'newly diagnosed', remission: 'remission',
  recurrent: 'relapsed', refractory: 'refractory', unknown: null,
};
const PH_TERMS: Record<Facts['philadelphia'], string | null> = {
  positive: 'Philadelphia positive', negative: 'Philadelphia negative', unknown: null,
};

export function trialSearch(facts: Facts): TrialSearch {
  const condition = 'Acute Lymphoblastic Leukemia';
  const terms = [SUBTYPE_TERMS[facts.subtype], PH_TERMS[facts.philadelphia], STATUS_TERMS[facts.status]]
    .filter((t): t is string => t !== null);
  const age = Math.floor(facts.ageYears);
  const params = new URLSearchParams({
    'query.cond': condition,
    ...(terms.length > 0 ? { 'query.term': terms.map((t) => `"${t}"`).join(' AND ') } : {}),
    'filter.overallStatus': 'RECRUITING,NOT_YET_RECRUITING',
    'filter.advanced': `AREA[MinimumAge]RANGE[MIN, ${age} years] AND AREA[MaximumAge]RANGE[${age} years, MAX]`,
  });
  return {
    condition, ageYears: facts.ageYears, subtype: facts.subtype, philadelphia: facts.philadelphia,
    status: facts.status, priorAgents: [...facts.priorAgents], terms, url: `${API}?${params.toString()}`,
  };
}
