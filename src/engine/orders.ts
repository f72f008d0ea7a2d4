/**
 * Checks drug orders against the case: an order is questioned when the indication its check
 * names is "no" or "unknown". Pure, like evaluate.
 */
import type { Agent, Case, OrderCheck } from '../contract/index.js';
import { KNOWLEDGE, type Knowledge } from '../knowledge/index.js';
import { assess } from './evaluate.js';
import { fill } from './explain.js';
import { compiledKnowledge } from './compile.js';

export function checkOrders(c: Case, agents: readonly Agent[], knowledge: Knowledge = KNOWLEDGE): OrderCheck[] {
  const { facts } = assess(c, knowledge);
  const indications = compiledKnowledge(knowledge).orderChecks;
  return [...new Set(agents)].flatMap((agent) =>
    knowledge.orderChecks.flatMap((rule, i): OrderCheck[] => {
      if (!rule.agents.includes(agent)) return [];
      const indication = indications[i]?.value(facts) ?? 'unknown';
      if (indication === 'yes') return [];
      return [{
        id: rule.id, agent, indication, severity: 'warning',
        message: fill(rule.message, facts, { agent }), suggestion: fill(rule.suggestion, facts, { agent }),
        evidence: [...rule.evidence],
      }];
    }));
}
