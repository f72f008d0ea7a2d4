/**
 * The central nervous system is a sanctuary site: prophylaxis starts early and is given in each
 * phase (intrathecal and/or high-dose systemic chemotherapy, sometimes cranial radiation). Known
 * CNS disease gets CNS-directed treatment instead, at any stage: findings describe the patient on
 * asOf, so blasts in the CSF during remission are CNS disease to treat now.
 */
import type { ActionRule } from './format.js';
import { all, any, isOneOf, not, recommendation } from './format.js';
import { cnsInvolved, hasAll, inRemission, newlyDiagnosed, relapsedOrRefractory } from './patient-groups.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;
const duringTreatment = all(hasAll, any(newlyDiagnosed, all(isOneOf('status', 'remission'), isOneOf('phase', 'consolidation', 'maintenance'))));

export const CNS: readonly ActionRule[] = [
  recommendation({
    id: 'rec-cns-prophylaxis',
    action: 'cns-prophylaxis',
    category: 'therapy',
    priority: 'routine',
    when: all(duringTreatment, not(cnsInvolved)),
    agents: ['methotrexate', 'cytarabine'],
    rationale: 'CNS prophylaxis from the start and in each phase: intrathecal chemotherapy (methotrexate, with or without cytarabine and a steroid) and/or high-dose systemic therapy; cranial radiation in some cases.',
    lay: 'Chemotherapy is given into the spinal fluid (and sometimes in high doses into a vein) to stop leukemia cells from hiding in the brain and spinal cord.',
    evidence: [
      { source: PDQ, locator: 'The early institution of CNS prophylaxis is critical' },
      { source: 'pdq-adult-all-treatment-patient', locator: 'is usually given during each phase of therapy' },
      { source: 'acs-treating-all', locator: 'CNS prophylaxis/treatment is typically continued at this time' },
    ],
    basis: 'Intrathecal agents: facts.md §6.4 (EXT-35).',
  }),
  recommendation({
    id: 'rec-cns-directed-therapy',
    action: 'cns-directed-therapy',
    category: 'therapy',
    priority: 'urgent',
    when: all(any(newlyDiagnosed, inRemission, relapsedOrRefractory), cnsInvolved),
    agents: ['methotrexate', 'cytarabine'],
    rationale: 'CNS involvement (blasts in the CSF, cranial nerve palsy or CNS disease): CNS-directed treatment with frequent intrathecal chemotherapy, high-dose systemic therapy, and radiation to the brain and spinal fluid where needed (an Ommaya reservoir may be placed).',
    lay: 'Leukemia cells have been found in the brain or spinal fluid, so treatment aimed directly at them is given, such as chemotherapy into the spinal fluid and sometimes radiation.',
    evidence: [
      { source: 'acs-treating-all', locator: 'used to treat leukemia that has spread to the brain' },
      { source: PDQ, locator: 'CNS prophylaxis is achieved with chemotherapy (intrathecal and/or high-dose systemic therapy)' },
    ],
    basis: 'Cranial radiation for CNS-3 disease (facts.md §6.4, EXT-20; low confidence).',
  }),
];
