/**
 * Derived facts, decided in knowledge order. Within one fact the derivations form an if-else
 * chain: the first "yes" gives the value, but an earlier "unknown" makes the fact unknown,
 * because that earlier derivation might have applied.
 */
import type { TraceEntry } from '../contract/index.js';
import type { DerivedFactRule } from '../knowledge/format.js';
import type { DerivedKey, DerivedFacts, Facts } from '../knowledge/facts.js';
import { fill } from './explain.js';
import { compiled } from './compile.js';

export interface Derived<K extends DerivedKey> {
  /** Every derived fact has 'unknown' among its values. */
  readonly value: DerivedFacts[K] | 'unknown';
  readonly reason: string;
  readonly trace: readonly TraceEntry[];
}

export function decide<K extends DerivedKey>(rule: DerivedFactRule<K>, facts: Facts): Derived<K> {
  const trace: TraceEntry[] = [];
  const undecided: string[] = [];
  for (const d of rule.derivations) {
    const out = compiled(d.when).test(facts);
    trace.push({ rule: d.id, result: out.value, facts: out.used });
    if (out.value === 'unknown') undecided.push(...out.unknown);
    if (out.value !== 'yes') continue;
    if (undecided.length > 0) break;
    return { value: d.value, reason: fill(d.reason, facts), trace };
  }
  if (undecided.length > 0) {
    const why = `${rule.fact} is unknown: ${[...new Set(undecided)].join(', ')} not known.`;
    return { value: 'unknown', reason: rule.otherwiseReason === undefined ? why : `${fill(rule.otherwiseReason, facts)} (${[...new Set(undecided)].join(', ')} not known)`, trace };
  }
  return { value: rule.otherwise, reason: fill(rule.otherwiseReason ?? `${rule.fact}: ${String(rule.otherwise)}`, facts), trace };
}
