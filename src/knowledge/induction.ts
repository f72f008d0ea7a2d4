/**
 * Untreated ALL: remission induction. Most regimens combine vincristine, a corticosteroid and an
 * anthracycline, some with asparaginase or cyclophosphamide. Older or unfit patients, and patients
 * who decline intensive therapy, are offered the same drugs at reduced doses instead (palliative
 * care for those who decline is in relapse.ts). Burkitt-type (mature B) ALL takes its own regimen
 * (burkitt.ts).
 */
import type { ActionRule } from './format.js';
import { all, any, isOneOf, not, recommendation } from './format.js';
import { declinesIntensiveTherapy, fitForIntensiveTherapy, olderOrUnfit, untreated } from './patient-groups.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;
const notBurkitt = isOneOf('subtype', 'precursor-B', 'T');
const INDUCTION_AGENTS = [
  'vincristine', 'prednisone', 'dexamethasone', 'daunorubicin', 'doxorubicin', 'asparaginase', 'pegaspargase', 'cyclophosphamide',
] as const;

export const INDUCTION: readonly ActionRule[] = [
  recommendation({
    id: 'rec-induction-chemotherapy',
    action: 'induction-chemotherapy',
    category: 'therapy',
    priority: 'urgent',
    when: all(untreated, notBurkitt, fitForIntensiveTherapy, not(declinesIntensiveTherapy)),
    agents: INDUCTION_AGENTS,
    rationale: 'Remission induction with vincristine, a corticosteroid (prednisone or dexamethasone) and an anthracycline (daunorubicin or doxorubicin), with or without asparaginase or cyclophosphamide. Complete remission follows in 60% to 90% of adults.',
    lay: 'The first phase of treatment, called induction, uses a combination of chemotherapy drugs for about a month to clear the leukemia from the blood and bone marrow.',
    evidence: [
      { source: PDQ, locator: 'combination chemotherapy with prednisone, vincristine, and an anthracycline' },
      { source: 'acs-treating-all', locator: 'Induction chemo usually lasts for a month or so' },
    ],
    ifUnknown: { priority: 'urgent' },
  }),
  recommendation({
    id: 'rec-dose-reduced-induction',
    action: 'dose-reduced-induction',
    category: 'therapy',
    priority: 'urgent',
    when: all(untreated, notBurkitt, any(olderOrUnfit, declinesIntensiveTherapy)),
    agents: INDUCTION_AGENTS,
    rationale: 'Older (over 65) or unfit patient, or one who declines intensive therapy (age {ageYears}, ECOG {ecog}, comorbidities: {comorbidities}): the same induction drugs at reduced doses. Age alone is not a barrier to treatment.',
    lay: 'Because of age, other health problems or a wish for less intensive treatment, the same kinds of chemotherapy drugs may be given at lower doses to make treatment safer.',
    evidence: [
      { source: 'acs-treating-all', locator: 'the doses of the drugs might need to be reduced' },
    ],
    basis: 'Unfit = ECOG 2 or more or a serious comorbidity (facts.md §5.4, EXT-10); ECOG and comorbidities count only when the case states them.',
  }),
];
