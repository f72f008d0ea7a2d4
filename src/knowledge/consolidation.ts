/**
 * In remission after induction: consolidation (intensification) for a few months. Blinatumomab
 * joins consolidation for CD19-positive B-ALL when MRD persists (0.1% or more) or, in
 * Ph-negative disease, as consolidation regardless of MRD.
 */
import type { ActionRule } from './format.js';
import { all, any, atLeast, is, marker, recommendation } from './format.js';
import { bPrecursor, inRemission } from './patient-groups.js';

export const CONSOLIDATION: readonly ActionRule[] = [
  recommendation({
    id: 'rec-consolidation-chemotherapy',
    action: 'consolidation-chemotherapy',
    category: 'therapy',
    priority: 'urgent',
    when: all(inRemission, is('phase', 'consolidation')),
    rationale: 'In remission after induction: short-term, relatively intensive consolidation chemotherapy for a few months.',
    lay: 'After the leukemia goes into remission, a few months of stronger chemotherapy (consolidation) kill leukemia cells that are left but cannot be seen.',
    evidence: [
      { source: 'pdq-adult-all-treatment-hp', locator: 'short-term, relatively intensive chemotherapy followed by any of the following' },
      { source: 'acs-treating-all', locator: 'Chemo treatment for ALL is typically divided into 3 phases' },
    ],
  }),
  recommendation({
    id: 'rec-blinatumomab-consolidation',
    action: 'blinatumomab',
    category: 'therapy',
    priority: 'routine',
    when: all(inRemission, is('phase', 'consolidation'), bPrecursor, marker('CD19', 'positive'),
      any(atLeast('mrdPercent', 0.1), is('philadelphia', 'negative'))),
    agents: ['blinatumomab'],
    rationale: 'CD19-positive B-ALL in remission with MRD {mrdPercent}% (0.1% or more) or Ph-negative disease: blinatumomab as part of consolidation.',
    lay: 'An immunotherapy drug called blinatumomab, which helps the immune system find leukemia cells, may be added during consolidation.',
    evidence: [{ source: 'acs-treating-all', locator: 'part of the second (consolidation) phase of treatment' }],
    basis: 'FDA: CD19-positive B-ALL in remission with MRD ≥ 0.1% (EXT-40); Ph-negative consolidation, June 2024 (EXT-39); facts.md §6.5.',
  }),
];
