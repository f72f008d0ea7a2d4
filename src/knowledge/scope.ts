/** Who this guidance is for: adults. Under 18, childhood-ALL guidance applies instead. */
import type { AlertRule } from './format.js';
import { alert, below } from './format.js';

export const SCOPE: readonly AlertRule[] = [
  alert({
    id: 'alert-pediatric-guidance',
    action: 'pediatric-guidance',
    severity: 'warning',
    when: below('ageYears', 18),
    message: 'Patient is {ageYears} years old: this adult ALL guidance does not apply. Childhood ALL has its own guidance; no therapy is proposed here.',
    lay: 'This tool follows guidance for adults. Children and teenagers with ALL are treated using childhood ALL guidance, so it does not suggest treatments here.',
    withholds: ['therapy'],
    evidence: [
      { source: 'pdq-adult-all-treatment-hp', locator: 'This summary discusses ALL in adults' },
      { source: 'acs-treating-all', locator: 'To learn about ALL in children, see' },
    ],
  }),
];
