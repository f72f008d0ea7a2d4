/**
 * Clinical trials: entry is "highly desirable" in every setting, younger adults may join
 * childhood-ALL trials, and the B- and T-cell subsets have their own. The recommendation carries
 * ready search hints (condition, age, subtype, Ph, relapse status, prior drugs).
 */
import type { ActionRule } from './format.js';
import { all, is, isOneOf, not, recommendation } from './format.js';
import { hasAll } from './patient-groups.js';

const PDQ = 'pdq-adult-all-treatment-hp' as const;

export const TRIALS: readonly ActionRule[] = [
  recommendation({
    id: 'rec-clinical-trial',
    action: 'clinical-trial',
    category: 'therapy',
    priority: 'routine',
    when: all(hasAll, not(is('phase', 'follow-up')), isOneOf('status', 'untreated', 'on-induction', 'remission', 'recurrent', 'refractory')),
    trialSearch: true,
    rationale: 'Entry into a clinical trial is highly desirable at every stage ({status}); younger adults may be eligible for childhood-ALL trials, and B-cell and T-cell ALL have subset-specific trials.',
    lay: 'Clinical trials test new treatments and may give access to newer drugs. Ask the care team whether a trial fits you.',
    evidence: [
      { source: PDQ, locator: 'Entry into a clinical trial is highly desirable' },
      { source: PDQ, locator: 'Younger adults with ALL may be eligible for selected clinical trials' },
    ],
  }),
];
