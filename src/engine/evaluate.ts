/**
 * evaluate(case) → Evaluation: pure and deterministic. The date is the case's asOf; the
 * knowledge version is stamped on the output; nothing reads the clock, the environment or I/O.
 */
import type { Case, Evaluation, TraceEntry } from '../contract/index.js';
import { KNOWLEDGE, NOTICE, type Knowledge } from '../knowledge/index.js';
import { decideActions } from './actions.js';
import { decide } from './derive.js';
import { extractFacts } from './facts.js';
import { assessRisk } from './risk.js';
import { compiledKnowledge } from './compile.js';

const DIAGNOSTIC = new Set(['lineage', 'leukemia', 'subtype', 'philadelphia', 'kmt2a']);

/** The facts the rules read: the case's, then each derived fact in knowledge order. */
export function deriveFacts(c: Case, knowledge: Knowledge = KNOWLEDGE, trace: TraceEntry[] = []) {
  const compiled = compiledKnowledge(knowledge).derived;
  // One object, each derived fact set in it as it is decided (no copy per fact).
  const facts = extractFacts(c);
  const reasons: { fact: string; reason: string }[] = [];
  for (const [i, rule] of knowledge.derived.entries()) {
    const d = decide(rule, compiled[i] ?? [], facts, trace);
    Reflect.set(facts, rule.fact, d.value);
    reasons.push({ fact: rule.fact, reason: d.reason });
  }
  return { facts, reasons, trace };
}

/** Every fact the action rules read: derived facts, then the risk group and factors present. */
export function assess(c: Case, knowledge: Knowledge = KNOWLEDGE, trace: TraceEntry[] = []) {
  const { facts, reasons } = deriveFacts(c, knowledge, trace);
  const risk = assessRisk(knowledge.riskFactors, compiledKnowledge(knowledge).riskFactors, facts, trace);
  const riskFactorsPresent = knowledge.riskFactors.filter((r) => risk.factors.some((f) => f.id === r.id && f.present === true)).map((r) => r.id);
  Reflect.set(facts, 'riskGroup', risk.group);
  Reflect.set(facts, 'riskFactorsPresent', riskFactorsPresent);
  return { facts, risk, reasons, trace };
}

export function evaluate(c: Case, knowledge: Knowledge = KNOWLEDGE): Evaluation {
  const trace: TraceEntry[] = [];
  const { facts, risk, reasons } = assess(c, knowledge, trace);
  const actions = decideActions(knowledge.rules, compiledKnowledge(knowledge).rules, facts, knowledge.factTests, trace);
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
    trace,
  };
}
