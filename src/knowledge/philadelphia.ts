/**
 * Philadelphia chromosome-positive (BCR::ABL1) ALL: a tyrosine kinase inhibitor is added to
 * induction, continued through maintenance, and switched at relapse (dasatinib after imatinib;
 * ponatinib when the ABL1 T315I mutation is present). No TKI while Ph status is unknown.
 */
import type { ActionRule } from './format.js';
import { all, any, genetic, includes, missingTest, not, recommendation } from './format.js';
import { hadTki, inRemission, newlyDiagnosed, onTki, phPositive, relapsedOrRefractory } from './patient-groups.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;
const ACS = 'acs-treating-all' as const;
const t315i = genetic(['ABL1-T315I'], 'detected');

export const PHILADELPHIA: readonly ActionRule[] = [
  recommendation({
    id: 'rec-tki-ph-positive',
    action: 'tki',
    category: 'therapy',
    priority: 'urgent',
    when: all(newlyDiagnosed, phPositive),
    agents: ['imatinib', 'dasatinib', 'ponatinib'],
    rationale: 'Ph-positive ALL: add a BCR::ABL1 tyrosine kinase inhibitor (imatinib or dasatinib; ponatinib is approved with chemotherapy for newly diagnosed Ph-positive ALL) to induction chemotherapy. Remission rates exceed 90% with a TKI.',
    lay: 'The leukemia cells carry the Philadelphia chromosome. A targeted pill that blocks the abnormal BCR-ABL protein is added to chemotherapy.',
    evidence: [
      { source: PDQ, locator: 'clinical activity as a single agent in Ph-positive ALL', level: 'C3' },
      { source: ACS, locator: 'imatinib (Gleevec) or dasatinib (Sprycel) is often included as well' },
    ],
    basis: 'Ponatinib: FDA accelerated approval with chemotherapy for newly diagnosed Ph-positive ALL, March 2024 (facts.md §6.3, EXT-36).',
    ifUnknown: { priority: 'urgent' },
  }),
  recommendation({
    id: 'rec-tki-ph-positive-continue',
    action: 'tki',
    category: 'therapy',
    priority: 'routine',
    when: all(inRemission, phPositive),
    agents: [
      // The TKI being given; imatinib when none is on record as current.
      { agent: 'imatinib', when: any(includes('currentAgents', 'imatinib'), not(onTki)) },
      { agent: 'dasatinib', when: includes('currentAgents', 'dasatinib') },
      { agent: 'ponatinib', when: includes('currentAgents', 'ponatinib') },
      { agent: 'nilotinib', when: includes('currentAgents', 'nilotinib') },
      { agent: 'bosutinib', when: includes('currentAgents', 'bosutinib') },
    ],
    rationale: 'Ph-positive ALL in remission: continue the tyrosine kinase inhibitor through consolidation and maintenance.',
    lay: 'The targeted pill is usually continued during the later phases of treatment to help keep the leukemia from coming back.',
    evidence: [
      { source: PDQ, locator: 'Imatinib has been incorporated into maintenance regimens' },
      { source: ACS, locator: 'Continuing on one of these drugs can also help keep the leukemia' },
    ],
  }),
  recommendation({
    id: 'rec-tki-ph-positive-switch',
    action: 'tki',
    category: 'therapy',
    priority: 'urgent',
    when: all(relapsedOrRefractory, phPositive),
    agents: [
      { agent: 'dasatinib', when: all(not(t315i), not(includes('priorAgents', 'dasatinib'))) },
      { agent: 'ponatinib', when: any(t315i, includes('priorAgents', 'dasatinib')) },
    ],
    rationale: 'Relapsed or refractory Ph-positive ALL: switch tyrosine kinase inhibitor. Dasatinib is approved after resistance or intolerance to imatinib; ponatinib when the ABL1 T315I mutation is present or dasatinib has failed.',
    lay: 'The leukemia has come back or not responded while on a targeted pill, so a different targeted pill that can still work is suggested.',
    evidence: [
      { source: PDQ, locator: 'Dasatinib has been approved for use in patients with Ph-positive ALL' },
      { source: ACS, locator: 'are often switched to a different targeted drug' },
    ],
    basis: 'Ponatinib for T315I or when other TKIs are not indicated (facts.md §6.3, EXT-38).',
  }),
  missingTest({
    id: 'missing-abl1-mutation',
    action: 'abl1-mutation-testing',
    when: all(relapsedOrRefractory, phPositive, hadTki, not(genetic(['ABL1-T315I'], 'detected')), not(genetic(['ABL1-T315I'], 'not-detected'))),
    data: 'ABL1 kinase-domain mutations (T315I) in Ph-positive disease that resisted a TKI',
    impact: 'T315I makes imatinib and dasatinib ineffective and points to ponatinib.',
    priority: 'urgent',
    evidence: [{ source: PDQ, locator: 'efficacy against several different imatinib-resistant BCR::ABL fusion gene mutations' }],
  }),
];
