/**
 * Three-valued logic (Kleene): a fact the case does not state is unknown, never false.
 * `test` evaluates a knowledge condition and reports which facts it read, and which of them
 * were unknown when the answer is unknown (so the missing test can be named).
 */
import type { Condition, Comparison } from '../knowledge/format.js';
import type { Facts } from '../knowledge/facts.js';

export type Tri = 'yes' | 'no' | 'unknown';

export function and(values: readonly Tri[]): Tri {
  if (values.includes('no')) return 'no';
  return values.includes('unknown') ? 'unknown' : 'yes';
}

export function or(values: readonly Tri[]): Tri {
  if (values.includes('yes')) return 'yes';
  return values.includes('unknown') ? 'unknown' : 'no';
}

export function negate(value: Tri): Tri {
  return value === 'yes' ? 'no' : value === 'no' ? 'yes' : 'unknown';
}

export type FactValue = string | number | boolean | null;

export interface Outcome {
  readonly value: Tri;
  /** Facts read, with the value seen (for the trace). */
  readonly used: Readonly<Record<string, FactValue>>;
  /** Facts that were unknown, when `value` is unknown. */
  readonly unknown: readonly string[];
}

function compare(a: number, cmp: Comparison, b: number): boolean {
  switch (cmp) {
    case '>': return a > b;
    case '>=': return a >= b;
    case '<': return a < b;
    case '<=': return a <= b;
  }
}

const bool = (b: boolean): Tri => (b ? 'yes' : 'no');

export function test(condition: Condition, facts: Facts): Outcome {
  const used: Record<string, FactValue> = {};
  const unknown = new Set<string>();

  const leaf = (name: string, seen: FactValue, value: Tri): Tri => {
    used[name] = seen;
    if (value === 'unknown') unknown.add(name);
    return value;
  };

  const run = (c: Condition): Tri => {
    switch (c.op) {
      case 'is': {
        const v = facts[c.fact];
        return leaf(c.fact, v, v === null || v === 'unknown' ? 'unknown' : bool(v === c.value));
      }
      case 'flag': {
        const v = facts[c.fact];
        return leaf(c.fact, v, v === null ? 'unknown' : bool(v));
      }
      case 'compare': {
        const v = facts[c.fact];
        return leaf(c.fact, v, v === null ? 'unknown' : bool(compare(v, c.cmp, c.value)));
      }
      case 'some': {
        const series = facts[c.fact];
        return leaf(c.fact, series.join(', '), bool(series.some((v) => compare(v, c.cmp, c.value))));
      }
      case 'includes': {
        const list: readonly string[] | null = facts[c.fact];
        return leaf(c.fact, list === null ? null : list.join(', '), list === null ? 'unknown' : bool(list.includes(c.item)));
      }
      case 'marker': {
        const v = facts.markers[c.marker];
        return leaf(c.marker, v ?? null, v === undefined ? 'unknown' : bool(v === c.result));
      }
      case 'reported': {
        const v = facts.markers[c.marker];
        return leaf(c.marker, v ?? null, bool(v === c.result));
      }
      case 'genetic': {
        const hits = facts.genetics.filter(
          (g) => c.findings.includes(g.finding) && g.result === c.result
            && (c.methods === 'any' || (g.method !== 'unknown' && c.methods.includes(g.method))),
        );
        const name = `${c.findings.join('|')} ${c.result}${c.methods === 'any' ? '' : ` by ${c.methods.join('|')}`}`;
        return leaf(name, hits.length > 0, bool(hits.length > 0));
      }
      case 'unknown': {
        const v = facts[c.fact];
        used[c.fact] = v;
        return bool(v === null || v === 'unknown');
      }
      case 'all': return and(c.of.map(run));
      case 'any': return or(c.of.map(run));
      case 'not': return negate(run(c.of));
    }
  };

  const value = run(condition);
  return { value, used, unknown: value === 'unknown' ? [...unknown] : [] };
}
