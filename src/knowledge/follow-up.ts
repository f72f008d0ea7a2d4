/** After treatment: periodic tests to detect recurrence, and care for late effects. */
import type { ActionRule } from './format.js';
import { all, is, recommendation } from './format.js';
import { inRemission } from './patient-groups.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;

export const FOLLOW_UP: readonly ActionRule[] = [
  recommendation({
    id: 'rec-follow-up-blood-counts',
    action: 'monitor-blood-counts',
    category: 'monitoring',
    priority: 'routine',
    when: all(inRemission, is('phase', 'follow-up')),
    rationale: 'Treatment is complete: repeat blood counts (and marrow when counts change) at intervals to detect recurrence.',
    lay: 'After treatment ends, regular check-ups and blood tests look for any sign that the leukemia has come back.',
    evidence: [{ source: 'pdq-adult-all-treatment-patient', locator: 'tests will continue to be done from time to time' }],
  }),
  recommendation({
    id: 'rec-late-effects',
    action: 'late-effects-follow-up',
    category: 'monitoring',
    priority: 'routine',
    when: all(inRemission, is('phase', 'follow-up')),
    rationale: 'Long-term survivors: watch for second cancers (10 of 30 patients in remission 10 years or more), fertility effects, and after transplant chronic GVHD.',
    lay: 'Years after treatment, some people develop other health problems, including new cancers; long-term check-ups catch them early.',
    evidence: [{ source: PDQ, locator: 'ten cases of secondary malignancies' }],
  }),
];
