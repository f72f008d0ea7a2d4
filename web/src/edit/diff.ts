/**
 * Differences between two versions of a case (any JSON, by path) and between two evaluations
 * (which recommendations and alerts appear or disappear; which headline values change). Pure
 * comparison of data that the engine produced: nothing is judged here.
 */
import type { Alert, Evaluation, Recommendation } from '../../../src/contract/index.js';
import { formatPath, type PathKey } from './json-path.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface JsonChange {
  readonly path: string;
  readonly kind: ChangeKind;
  readonly before?: unknown;
  readonly after?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every path where `after` differs from `before`, in document order: a key or array element
 * only in `after` is added, only in `before` removed, and a leaf (or a value whose type changed)
 * that differs is changed. Arrays are compared element by element, by position.
 */
export function diffJson(before: unknown, after: unknown): JsonChange[] {
  const out: JsonChange[] = [];
  walk(before, after, [], out);
  return out;
}

function walk(a: unknown, b: unknown, path: PathKey[], out: JsonChange[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length) out.push({ path: formatPath([...path, i]), kind: 'added', after: b[i] });
      else if (i >= b.length) out.push({ path: formatPath([...path, i]), kind: 'removed', before: a[i] });
      else walk(a[i], b[i], [...path, i], out);
    }
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) {
      if (!(k in b)) out.push({ path: formatPath([...path, k]), kind: 'removed', before: a[k] });
      else if (!(k in a)) out.push({ path: formatPath([...path, k]), kind: 'added', after: b[k] });
      else walk(a[k], b[k], [...path, k], out);
    }
    return;
  }
  if (!Object.is(a, b)) out.push({ path: formatPath(path), kind: 'changed', before: a, after: b });
}

/** A value as one short line for a diff table. */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export interface ListChange<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
  /** Present on both sides (by id), as in `after`. */
  readonly kept: readonly T[];
  /** Present on both sides but different in what `signature` reads (agents, priority, severity), as in `after`. */
  readonly changed: readonly T[];
}

/** Items of `after` whose id is not in `before` (added), and the reverse (removed). */
export function compareById<T extends { readonly id: string }>(
  before: readonly T[], after: readonly T[], signature: (x: T) => string = () => '',
): ListChange<T> {
  const was = new Map(before.map((x) => [x.id, x]));
  const is = new Set(after.map((x) => x.id));
  const kept = after.filter((x) => was.has(x.id));
  return {
    added: after.filter((x) => !was.has(x.id)),
    removed: before.filter((x) => !is.has(x.id)),
    kept,
    changed: kept.filter((x) => {
      const old = was.get(x.id);
      return old !== undefined && signature(old) !== signature(x);
    }),
  };
}

/** What makes a recommendation or an alert with the same id read differently. */
export const recommendationSignature = (r: Recommendation): string => `${r.priority}|${(r.agents ?? []).join(',')}|${r.rationale}`;
export const alertSignature = (a: Alert): string => `${a.severity}|${a.message}`;

/** How an item of one side compares with the other side, for its text label. */
export type Mark = 'added' | 'removed' | 'unchanged';

/** The mark of each id in `side` ('before' marks removals, 'after' marks additions). */
export function marksOf<T extends { readonly id: string }>(before: readonly T[], after: readonly T[], side: 'before' | 'after'): Map<string, Mark> {
  const other = new Set((side === 'before' ? after : before).map((x) => x.id));
  const mine = side === 'before' ? before : after;
  return new Map(mine.map((x) => [x.id, other.has(x.id) ? 'unchanged' : side === 'before' ? 'removed' : 'added']));
}

export interface FieldChange {
  readonly field: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

export interface EvaluationDiff {
  readonly fields: readonly FieldChange[];
  readonly recommendations: ListChange<Recommendation>;
  readonly alerts: ListChange<Alert>;
  readonly knowledgeVersion?: { readonly before: string; readonly after: string };
}

/** The headline values of an evaluation, as the diff compares them. */
const HEADLINE: readonly { readonly field: string; readonly label: string; readonly read: (e: Evaluation) => unknown }[] = [
  { field: 'status', label: 'Status', read: (e) => e.status },
  { field: 'phase', label: 'Phase', read: (e) => e.phase },
  { field: 'risk.group', label: 'Risk group', read: (e) => e.risk.group },
  { field: 'risk.provisional', label: 'Risk provisional', read: (e) => e.risk.provisional },
  { field: 'diagnosis.leukemia', label: 'Leukemia', read: (e) => e.diagnosis.leukemia },
  { field: 'diagnosis.subtype', label: 'Subtype', read: (e) => e.diagnosis.subtype },
  { field: 'diagnosis.philadelphia', label: 'Philadelphia', read: (e) => e.diagnosis.philadelphia },
  { field: 'diagnosis.kmt2a', label: 'KMT2A', read: (e) => e.diagnosis.kmt2a },
];

function shown(value: unknown): string {
  return value === null ? 'none' : String(value);
}

/** What changed from one evaluation to another. */
export function diffEvaluations(before: Evaluation, after: Evaluation): EvaluationDiff {
  const fields = HEADLINE.flatMap(({ field, label, read }) => {
    const a = read(before);
    const b = read(after);
    return Object.is(a, b) ? [] : [{ field, label, before: shown(a), after: shown(b) }];
  });
  return {
    fields,
    recommendations: compareById(before.recommendations, after.recommendations, recommendationSignature),
    alerts: compareById(before.alerts, after.alerts, alertSignature),
    ...(before.knowledgeVersion === after.knowledgeVersion ? {} : { knowledgeVersion: { before: before.knowledgeVersion, after: after.knowledgeVersion } }),
  };
}

/** Whether two evaluations differ in anything the diff shows. */
export function evaluationsDiffer(d: EvaluationDiff): boolean {
  const lists = [d.recommendations, d.alerts];
  return d.fields.length > 0 || lists.some((l) => l.added.length > 0 || l.removed.length > 0 || l.changed.length > 0);
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One sentence for the whole difference, for the live region and the top of the comparison. */
export function summarizeDiff(diff: EvaluationDiff): string {
  const part = (what: string, c: ListChange<{ id: string }>) => {
    const bits = [
      c.added.length > 0 ? `${count(c.added.length, what, `${what}s`)} added` : '',
      c.removed.length > 0 ? `${count(c.removed.length, what, `${what}s`)} removed` : '',
      c.changed.length > 0 ? `${count(c.changed.length, what, `${what}s`)} changed` : '',
    ].filter((b) => b !== '');
    return bits.join(', ');
  };
  const parts = [
    diff.fields.length > 0 ? `${diff.fields.map((f) => `${f.label} ${f.before} → ${f.after}`).join(', ')}` : '',
    part('recommendation', diff.recommendations),
    part('alert', diff.alerts),
  ].filter((p) => p !== '');
  return parts.length === 0 ? 'No difference in status, phase, risk, diagnosis, recommendations or alerts.' : `${parts.join('; ')}.`;
}
