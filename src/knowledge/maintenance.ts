/** After consolidation: about 2 years of maintenance with mercaptopurine and methotrexate. */
import type { ActionRule } from './format.js';
import { all, is, recommendation } from './format.js';
import { inRemission } from './patient-groups.js';

export const MAINTENANCE: readonly ActionRule[] = [
  recommendation({
    id: 'rec-maintenance-chemotherapy',
    action: 'maintenance-chemotherapy',
    category: 'therapy',
    priority: 'routine',
    when: all(inRemission, is('phase', 'maintenance')),
    agents: ['mercaptopurine', 'methotrexate', 'vincristine', 'prednisone'],
    rationale: 'Maintenance with mercaptopurine and methotrexate (sometimes with vincristine and prednisone) for about 2 years; stopping maintenance early gave inferior outcomes.',
    lay: 'Maintenance is a gentler phase of mostly pills, taken for about 2 years, to keep the leukemia from coming back.',
    evidence: [
      { source: 'acs-treating-all', locator: 'maintenance chemotherapy with methotrexate and 6-mercaptopurine (6-MP)' },
      { source: 'acs-treating-all', locator: 'Maintenance usually lasts for about 2 years' },
      { source: 'pdq-adult-all-treatment-hp', locator: 'continuation or maintenance chemotherapy was eliminated had outcomes inferior' },
    ],
  }),
];
