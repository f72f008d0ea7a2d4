/**
 * Recommendations, alerts and missing tests. A rule whose condition is unknown recommends
 * nothing; the facts that left it unknown name the tests to do instead.
 */
import type { Agent, Alert, Category, Evidence, MissingTest, Priority, Recommendation, TraceEntry, TrialSearch } from '../contract/index.js';
import type { ActionRule, AgentChoice, AlertRule, FactTest, RecommendationRule } from '../knowledge/format.js';
import type { Facts } from '../knowledge/facts.js';
import { fill } from './explain.js';
import type { CompiledKnowledge } from './compile.js';
import { trialSearch } from './trial-search.js';

const PRIORITY_ORDER: readonly Priority[] = ['urgent', 'routine', 'consider'];

export interface Actions {
  readonly recommendations: Recommendation[];
  readonly alerts: Alert[];
  readonly missing: MissingTest[];
}

/** `when[i]` is choice i's condition compiled (none for an unconditional agent). */
function chooseAgents(choices: readonly AgentChoice[], when: CompiledKnowledge['rules'][number]['agents'], facts: Facts) {
  return choices.flatMap((c, i) => (typeof c === 'string' ? [c] : when[i]?.value(facts) === 'yes' ? [c.agent] : []));
}

/**
 * A recommendation, its fields always in the same order. Written out per optional field rather
 * than with object spreads, which cost more than the rest of the rule.
 */
function recommendationOf(
  rule: RecommendationRule, agents: Agent[] | undefined, search: TrialSearch | undefined, facts: Facts, evidence: Evidence[],
): Recommendation {
  const { id, action, category, priority } = rule;
  const rationale = fill(rule.rationale, facts);
  const lay = fill(rule.lay, facts);
  if (agents === undefined && search === undefined) return { id, action, category, priority, rationale, lay, evidence };
  if (search === undefined) return { id, action, category, priority, agents, rationale, lay, evidence };
  if (agents === undefined) return { id, action, category, priority, trialSearch: search, rationale, lay, evidence };
  return { id, action, category, priority, agents, trialSearch: search, rationale, lay, evidence };
}

/** One entry per action: the highest priority wins, reasons and waiting rules are pooled. */
function addMissing(into: Map<string, MissingTest>, m: MissingTest): void {
  const had = into.get(m.action);
  if (had === undefined) {
    into.set(m.action, m);
    return;
  }
  const priority = PRIORITY_ORDER.indexOf(m.priority) < PRIORITY_ORDER.indexOf(had.priority) ? m.priority : had.priority;
  const impact = had.impact.includes(m.impact) ? had.impact : `${had.impact} ${m.impact}`;
  const evidence = [...had.evidence, ...m.evidence.filter((e) => !had.evidence.some((h) => h.locator === e.locator))];
  into.set(m.action, { ...had, priority, impact, awaits: [...new Set([...had.awaits, ...m.awaits])], evidence });
}

/** `compiled` holds the rules' conditions compiled; each rule read is appended to `trace`. */
export function decideActions(
  rules: readonly ActionRule[], compiled: CompiledKnowledge['rules'], facts: Facts,
  factTests: Readonly<Record<string, FactTest>>, trace: TraceEntry[],
): Actions {
  const recommendations: { rec: Recommendation; rank: number }[] = [];
  const alerts: Alert[] = [];
  const missing = new Map<string, MissingTest>();
  const waiting: { rule: RecommendationRule | AlertRule; unknown: readonly string[] }[] = [];
  const withheld = new Set<Category>();

  for (const [rank, rule] of rules.entries()) {
    const k = compiled[rank];
    if (k === undefined) throw new RangeError(`rule ${rule.id} was not compiled`);
    const out = k.when.test(facts);
    trace.push({ rule: rule.id, result: out.value, facts: out.used });
    if (out.value === 'unknown' && rule.kind !== 'missing') waiting.push({ rule, unknown: out.unknown });
    if (out.value !== 'yes') continue;
    const evidence = [...rule.evidence];
    switch (rule.kind) {
      case 'recommendation': {
        const agents = rule.agents === undefined ? undefined : chooseAgents(rule.agents, k.agents, facts);
        if (agents !== undefined && agents.length === 0) break;
        recommendations.push({ rec: recommendationOf(rule, agents, rule.trialSearch ? trialSearch(facts) : undefined, facts, evidence), rank });
        break;
      }
      case 'alert': {
        const escalated = k.escalate?.value(facts) === 'yes';
        const message = fill(rule.message, facts);
        alerts.push({
          id: rule.id, action: rule.action, severity: escalated ? 'critical' : rule.severity,
          message: escalated && rule.escalate ? `${message} ${fill(rule.escalate.why, facts)}` : message,
          lay: fill(rule.lay, facts), evidence,
        });
        for (const c of rule.withholds ?? []) withheld.add(c);
        break;
      }
      case 'missing':
        addMissing(missing, {
          data: rule.data, action: rule.action, impact: fill(rule.impact, facts), priority: rule.priority,
          awaits: [rule.id], evidence,
        });
        break;
    }
  }

  for (const { rule, unknown } of waiting) {
    if (rule.kind === 'recommendation' && withheld.has(rule.category)) continue;
    for (const fact of unknown) {
      const t = factTests[fact];
      if (t === undefined) continue;
      const about = rule.kind === 'recommendation' ? rule.rationale : rule.message;
      addMissing(missing, {
        data: t.data, action: t.action, impact: `Decides whether to offer: ${fill(about, facts)}`,
        priority: rule.ifUnknown?.priority ?? 'routine', awaits: [rule.id], evidence: [...rule.evidence],
      });
    }
  }

  const kept = recommendations
    .filter(({ rec }) => !withheld.has(rec.category))
    .sort((a, b) => PRIORITY_ORDER.indexOf(a.rec.priority) - PRIORITY_ORDER.indexOf(b.rec.priority) || a.rank - b.rank)
    .map(({ rec }) => rec);
  const severity = ['critical', 'warning', 'info'];
  alerts.sort((a, b) => severity.indexOf(a.severity) - severity.indexOf(b.severity));
  const missingList = [...missing.values()].sort((a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority));
  return { recommendations: kept, alerts, missing: missingList };
}
