/**
 * The guideline as data, in the order the engine reads it: derived facts (diagnosis, then
 * status and phase), risk factors, then the rules that recommend, alert and name missing tests.
 */
import type { ActionRule, DerivedFactRule, RiskFactorRule } from './format.js';
import type { DerivedKey } from './facts.js';
import { DIAGNOSIS } from './diagnosis.js';
import { STATUS } from './status.js';
import { RISK_FACTORS } from './risk.js';
import { WORKUP } from './workup.js';
import { SCOPE } from './scope.js';
import { FACT_TESTS } from './fact-tests.js';

/** Bumped whenever a rule changes what an evaluation says. */
export const KNOWLEDGE_VERSION = '2026.11.0';

export const NOTICE =
  "allpath supports a clinician's decision; it orders nothing. Every option here is for the treating team to weigh.";

export interface Knowledge {
  readonly version: string;
  readonly derived: readonly DerivedFactRule<DerivedKey>[];
  readonly riskFactors: readonly RiskFactorRule[];
  readonly rules: readonly ActionRule[];
  readonly factTests: typeof FACT_TESTS;
}

export const KNOWLEDGE: Knowledge = {
  version: KNOWLEDGE_VERSION,
  derived: [...DIAGNOSIS, ...STATUS] as readonly DerivedFactRule<DerivedKey>[],
  riskFactors: RISK_FACTORS,
  rules: [...SCOPE, ...WORKUP],
  factTests: FACT_TESTS,
};

export { SOURCES, type Source } from './sources.js';
export type * from './format.js';
export type * from './facts.js';
