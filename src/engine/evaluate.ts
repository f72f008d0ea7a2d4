/**
 * evaluate(case) → Evaluation: pure and deterministic. The date is the case's asOf; the
 * knowledge version is stamped on the output; nothing reads the clock, the environment or I/O.
 */
import type { Case, Evaluation, TraceEntry } from '../contract/index.js';
import { KNOWLEDGE, NOTICE, type Knowledge } from '../knowledge/index.js';
import type { DerivedFacts, Facts } from '../knowledge/facts.js';
import { decideActions } from './actions.js';
import { decide } from './derive.js';
import { extractFacts } from './facts.js';
import { assessRisk } from './risk.js';

const UNDECIDED: DerivedFacts = {
  lineage: 'unknown', leukemia: 'unknown', subtype: 'unknown', philadelphia: 'unknown',
  kmt2a: 'unknown', status: 'unknown', phase: 'unknown', relapseCategory: 'unknown', riskGroup: 'unknown', riskFactorsPresent: [],
};
const DIAGNOSTIC = new Set(['lineage', 'leukemia', 'subtype', 'philadelphia', 'kmt2a']);

/** The facts the rules read: the case's, then each derived fact in knowledge order. */
export function deriveFacts(c: Case, knowledge: Knowledge = KNOWLEDGE) {
  // One object, filled in as each fact is decided: it never leaves this call.
  const facts: Facts = { ...extractFacts(c), ...UNDECIDED };
  const reasons: { fact: string; reason: string }[] = [];
  const trace: TraceEntry[] = [];
  for (const rule of knowledge.derived) {
    const d = decide(rule, facts);
    Object.assign(facts, { [rule.fact]: d.value });
    reasons.push({ fact: rule.fact, reason: d.reason });
    trace.push(...d.trace);
  }
  return { facts, reasons, trace };
}

/** Every fact the action rules read: derived facts, then the risk group and factors present. */
export function assess(c: Case, knowledge: Knowledge = KNOWLEDGE) {
  const derived = deriveFacts(c, knowledge);
  const { risk, trace: riskTrace } = assessRisk(knowledge.riskFactors, derived.facts);
  const riskFactorsPresent = knowledge.riskFactors.filter((r) => risk.factors.some((f) => f.id === r.id && f.present === true)).map((r) => r.id);
  const facts: Facts = { ...derived.facts, riskGroup: risk.group, riskFactorsPresent };
  return { facts, risk, reasons: derived.reasons, trace: [...derived.trace, ...riskTrace] };
}

export function evaluate(c: Case, knowledge: Knowledge = KNOWLEDGE): Evaluation {
  const { facts, risk, reasons, trace } = assess(c, knowledge);
  const actions = decideActions(knowledge.rules, facts, knowledge.factTests);
  return {
    caseId: c.id,
    asOf: c.asOf,
    knowledgeVersion: knowledge.version,
    notice: NOTICE,
    diagnosis: {
      leukemia: facts.leukemia,
      lineage: facts.lineage,
      subtype: facts.subtype,
      philadelphia: facts.philadelphia,
      kmt2a: facts.kmt2a,
      reasons: reasons.filter((r) => DIAGNOSTIC.has(r.fact)).map((r) => r.reason),
    },
    status: facts.status,
    statusReasons: reasons.filter((r) => !DIAGNOSTIC.has(r.fact)).map((r) => r.reason),
    phase: facts.phase === 'unknown' || facts.phase === 'none' ? null : facts.phase,
    risk,
    recommendations: actions.recommendations,
    alerts: actions.alerts,
    missing: actions.missing,
    trace: [...trace, ...actions.trace],
  };
}
