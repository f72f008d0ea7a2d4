/**
 * Mature B-cell (Burkitt-type, L3, surface-Ig-positive) ALL is not cured by typical ALL
 * regimens: brief, high-intensity, cyclophosphamide-based lymphoma-like regimens instead (not
 * offered to a patient who declines intensive therapy; palliative care is in relapse.ts).
 */
import type { ActionRule } from './format.js';
import { all, is, not, recommendation } from './format.js';
import { declinesIntensiveTherapy, newlyDiagnosed } from './patient-groups.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;

export const BURKITT: readonly ActionRule[] = [
  recommendation({
    id: 'rec-burkitt-regimen',
    action: 'burkitt-regimen',
    category: 'therapy',
    priority: 'urgent',
    when: all(newlyDiagnosed, is('subtype', 'mature-B-burkitt'), not(declinesIntensiveTherapy)),
    agents: ['cyclophosphamide', 'methotrexate', 'cytarabine', 'vincristine'],
    rationale: 'Mature B-cell (Burkitt-type) ALL: an aggressive, brief, high-intensity cyclophosphamide-based regimen like those for aggressive lymphoma (75% complete response, 40% failure-free survival), with aggressive CNS prophylaxis, instead of standard ALL induction.',
    lay: 'This type of ALL (Burkitt type) responds better to short, very intensive chemotherapy like that used for fast-growing lymphomas than to the usual ALL treatment.',
    evidence: [
      { source: PDQ, locator: 'is not usually cured with typical ALL regimens' },
      { source: PDQ, locator: '75% complete response rate; 40% failure-free survival rate' },
      { source: PDQ, locator: 'Aggressive CNS prophylaxis remains a prominent component of treatment' },
    ],
    basis: 'Agents beyond cyclophosphamide follow CALGB 9251-type regimens (high-dose methotrexate, cytarabine, vincristine); the PDQ names the regimen, not its drugs.',
  }),
];
