/**
 * Derived facts, decided in knowledge order. Within one fact the derivations form an if-else
 * chain: the first "yes" gives the value, but an earlier "unknown" makes the fact unknown,
 * because that earlier derivation might have applied.
 */
import type { TraceEntry } from '../contract/index.js';
import type { DerivedFactRule } from '../knowledge/format.js';
import type { DerivedKey, DerivedFacts, Facts } from '../knowledge/facts.js';
import { fill } from './explain.js';
import type { CompiledCondition } from './compile.js';

export interface Derived<K extends DerivedKey> {
  /** Every derived fact has 'unknown' among its values. */
  readonly value: DerivedFacts[K] | 'unknown';
  readonly reason: string;
}

/** Decides one derived fact; `when` holds its derivations' conditions compiled, and each
 *  derivation read is appended to `trace`. */
export function decide<K extends DerivedKey>(
  rule: DerivedFactRule<K>, when: readonly CompiledCondition[], facts: Facts, trace: TraceEntry[],
): Derived<K> {
  const undecided: string[] = [];
  for (const [i, d] of rule.derivations.entries()) {
    const condition = when[i];
    if (condition === undefined) throw new RangeError(`derivation ${d.id} was not compiled`);
    const out = condition.test(facts);
    trace.push({ rule: d.id, result: out.value, facts: out.used });
    if (out.value === 'unknown') undecided.push(...out.unknown);
    if (out.value !== 'yes') continue;
    if (undecided.length > 0) break;
    return { value: d.value, reason: fill(d.reason, facts) };
  }
  if (undecided.length > 0) {
    const why = `${rule.fact} is unknown: ${[...new Set(undecided)].join(', ')} not known.`;
    return { value: 'unknown', reason: rule.otherwiseReason === undefined ? why : `${fill(rule.otherwiseReason, facts)} (${[...new Set(undecided)].join(', ')} not known)` };
  }
  return { value: rule.otherwise, reason: fill(rule.otherwiseReason ?? `${rule.fact}: ${String(rule.otherwise)}`, facts) };
}
