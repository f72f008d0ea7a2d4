/**
 * The guideline as data, in the order the engine reads it: derived facts (diagnosis, then
 * status and phase), risk factors, then the rules that recommend, alert and name missing tests.
 */
import type { ActionRule, AnyDerivedFactRule, OrderCheckRule, RiskFactorRule } from './format.js';
import { DIAGNOSIS } from './diagnosis.js';
import { STATUS } from './status.js';
import { RISK_FACTORS } from './risk.js';
import { WORKUP } from './workup.js';
import { SCOPE } from './scope.js';
import { FACT_TESTS } from './fact-tests.js';
import { INDUCTION } from './induction.js';
import { PHILADELPHIA } from './philadelphia.js';
import { BURKITT } from './burkitt.js';
import { T_CELL } from './t-cell.js';
import { CNS } from './cns.js';
import { CONSOLIDATION } from './consolidation.js';
import { MAINTENANCE } from './maintenance.js';
import { TRANSPLANT } from './transplant.js';
import { RELAPSE, relapseCategory } from './relapse.js';
import { TRIALS } from './trials.js';
import { SUPPORTIVE_CARE } from './supportive-care.js';
import { TOXICITY } from './toxicity.js';
import { FOLLOW_UP } from './follow-up.js';
import { ORDER_CHECKS } from './order-checks.js';

/** Bumped whenever a rule changes what an evaluation says. */
export const KNOWLEDGE_VERSION = '2026.12.0';

export const NOTICE =
  "allpath supports a clinician's decision; it orders nothing. Every option here is for the treating team to weigh.";

export interface Knowledge {
  readonly version: string;
  readonly derived: readonly AnyDerivedFactRule[];
  readonly riskFactors: readonly RiskFactorRule[];
  readonly rules: readonly ActionRule[];
  readonly factTests: typeof FACT_TESTS;
  readonly orderChecks: readonly OrderCheckRule[];
}

export const KNOWLEDGE: Knowledge = {
  version: KNOWLEDGE_VERSION,
  derived: [...DIAGNOSIS, ...STATUS, relapseCategory],
  riskFactors: RISK_FACTORS,
  // Order within a priority is the order shown: treatment by phase, then supportive care.
  rules: [
    ...SCOPE, ...INDUCTION, ...BURKITT, ...T_CELL, ...PHILADELPHIA, ...CNS, ...CONSOLIDATION, ...MAINTENANCE,
    ...RELAPSE, ...TRANSPLANT, ...TRIALS, ...SUPPORTIVE_CARE, ...TOXICITY, ...FOLLOW_UP, ...WORKUP,
  ],
  factTests: FACT_TESTS,
  orderChecks: ORDER_CHECKS,
};

export { SOURCES, type Source } from './sources.js';
export type * from './format.js';
export type * from './facts.js';
