/**
 * T-cell ALL (including T-lymphoblastic lymphoma): cyclophosphamide-containing regimens at
 * diagnosis; nelarabine when the disease relapses or does not respond.
 */
import type { ActionRule } from './format.js';
import { all, recommendation } from './format.js';
import { newlyDiagnosed, relapsedOrRefractory, tLineage } from './patient-groups.js';

export const T_CELL: readonly ActionRule[] = [
  recommendation({
    id: 'rec-cyclophosphamide-t-all',
    action: 'cyclophosphamide-containing-regimen',
    category: 'therapy',
    priority: 'urgent',
    when: all(newlyDiagnosed, tLineage),
    agents: ['cyclophosphamide'],
    rationale: 'T-cell ALL, including lymphoblastic lymphoma, has high cure rates with cyclophosphamide-containing regimens: make sure induction includes cyclophosphamide.',
    lay: 'For T-cell ALL, the chemotherapy combination should include the drug cyclophosphamide, which works well for this type.',
    evidence: [{ source: 'pdq-adult-all-treatment-hp', locator: 'has shown high cure rates when treated with cyclophosphamide-containing regimens' }],
  }),
  recommendation({
    id: 'rec-nelarabine-t-all',
    action: 'nelarabine',
    category: 'therapy',
    priority: 'routine',
    when: all(relapsedOrRefractory, tLineage),
    agents: ['nelarabine'],
    rationale: 'Relapsed or refractory T-cell ALL: nelarabine (approved after at least two prior regimens). Neurotoxicity is dose-limiting.',
    lay: 'For T-cell ALL that has come back or not responded, a chemotherapy drug called nelarabine may help.',
    evidence: [
      { source: 'acs-treating-all', locator: 'the chemo drug nelarabine (Arranon) may be helpful' },
      { source: 'acs-about-all', locator: 'is a newer drug that can be used to treat T-cell ALL' },
    ],
    basis: 'FDA label: T-ALL/T-LBL not responding to, or relapsed after, at least two regimens (facts.md §6.6, EXT-55).',
  }),
];
