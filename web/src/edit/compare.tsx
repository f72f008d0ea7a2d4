/**
 * Two evaluations compared: the headline values that changed, and each side's alerts and
 * recommendations with a text label on every item that appears, disappears or reads differently
 * (an icon and a word, never colour alone). Display only: the differences come from diff.ts.
 */
import type { Alert, Evaluation, Recommendation } from '../../../src/contract/index.js';
import { PriorityBadge, SeverityBadge } from '../components/Badges.js';
import { Evidence } from '../components/Evidence.js';
import { SEVERITY_ORDER, PRIORITY_ORDER, actionLabel } from '../words.js';
import type { EvaluationDiff, FieldChange, ListChange } from './diff.js';

export type ItemMark = 'added' | 'removed' | 'changed';

const MARK: Readonly<Record<ItemMark, { icon: string; text: string }>> = {
  added: { icon: '+', text: 'Added' },
  removed: { icon: '−', text: 'Removed' },
  changed: { icon: '~', text: 'Changed' },
};

export function MarkBadge({ mark, detail }: { readonly mark: ItemMark; readonly detail?: string }) {
  return (
    <span className={`mark mark-${mark}`}>
      <span aria-hidden="true" className="mark-icon">{MARK[mark].icon}</span>
      {MARK[mark].text}
      {detail === undefined ? null : <span className="visually-hidden"> {detail}</span>}
    </span>
  );
}

/** The mark of each id on one side: removals on the first side, additions and changes on the second. */
function marksFor<T extends { readonly id: string }>(change: ListChange<T>, side: 'before' | 'after'): Map<string, ItemMark> {
  if (side === 'before') return new Map(change.removed.map((x) => [x.id, 'removed']));
  return new Map([
    ...change.added.map((x): [string, ItemMark] => [x.id, 'added']),
    ...change.changed.map((x): [string, ItemMark] => [x.id, 'changed']),
  ]);
}

function AlertItem({ a, mark }: { readonly a: Alert; readonly mark: ItemMark | undefined }) {
  return (
    <li className={`item alert alert-${a.severity}${mark === undefined ? '' : ` marked marked-${mark}`}`}>
      <div className="item-head">
        {mark === undefined ? null : <MarkBadge mark={mark} />}
        <SeverityBadge severity={a.severity} />
        <strong className="item-title">{a.message}</strong>
      </div>
      <p className="rule-id">{a.id}</p>
      <Evidence evidence={a.evidence} />
    </li>
  );
}

function RecommendationItem({ r, mark }: { readonly r: Recommendation; readonly mark: ItemMark | undefined }) {
  return (
    <li className={`item rec rec-${r.priority}${mark === undefined ? '' : ` marked marked-${mark}`}`}>
      <div className="item-head">
        {mark === undefined ? null : <MarkBadge mark={mark} />}
        <PriorityBadge priority={r.priority} />
        <strong className="item-title">{actionLabel(r.action)}</strong>
      </div>
      <p>{r.rationale}</p>
      {r.agents !== undefined && r.agents.length > 0 ? <p className="agents"><span className="label">Agents:</span> {r.agents.join(', ')}</p> : null}
      <p className="rule-id">{r.id}</p>
      <Evidence evidence={r.evidence} />
    </li>
  );
}

const bySeverity = (alerts: readonly Alert[]) => [...alerts].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
const byPriority = (recs: readonly Recommendation[]) => [...recs].sort((a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority));

export interface ColumnProps {
  /** Unique on the page: heading ids are made from it. */
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string | undefined;
  readonly evaluation: Evaluation;
  readonly diff: EvaluationDiff | undefined;
  readonly side: 'before' | 'after';
}

/** One side of a comparison: alerts, then recommendations, each marked against the other side. */
export function EvaluationColumn({ id, title, subtitle, evaluation, diff, side }: ColumnProps) {
  const alertMarks = diff === undefined ? new Map<string, ItemMark>() : marksFor(diff.alerts, side);
  const recMarks = diff === undefined ? new Map<string, ItemMark>() : marksFor(diff.recommendations, side);
  return (
    <section className="compare-column" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {subtitle === undefined ? null : <p className="muted small">{subtitle}</p>}
      <h3 id={`${id}-alerts`}>Alerts <span className="count">{evaluation.alerts.length}</span></h3>
      {evaluation.alerts.length === 0 ? <p className="muted">No alerts.</p> : (
        <ul className="items" aria-labelledby={`${id}-alerts`}>
          {bySeverity(evaluation.alerts).map((a) => <AlertItem key={a.id} a={a} mark={alertMarks.get(a.id)} />)}
        </ul>
      )}
      <h3 id={`${id}-recs`}>Recommendations <span className="count">{evaluation.recommendations.length}</span></h3>
      {evaluation.recommendations.length === 0 ? <p className="muted">No recommendations.</p> : (
        <ul className="items" aria-labelledby={`${id}-recs`}>
          {byPriority(evaluation.recommendations).map((r) => <RecommendationItem key={r.id} r={r} mark={recMarks.get(r.id)} />)}
        </ul>
      )}
    </section>
  );
}

/** The headline values (status, phase, risk, diagnosis) that differ, as a table. */
export function HeadlineChanges({ fields, caption }: { readonly fields: readonly FieldChange[]; readonly caption: string }) {
  if (fields.length === 0) return <p className="muted">Status, phase, risk group and diagnosis are the same.</p>;
  return (
    <div className="table-wrap">
      <table className="compact">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Value</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{f.label} <span className="rule-id">{f.field}</span></th>
              <td>{f.before}</td>
              <td><strong>{f.after}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every item that appears, disappears or changes, one line each, above the two columns. */
export function ChangesAtAGlance({ diff, caption }: { readonly diff: EvaluationDiff; readonly caption: string }) {
  const line = (kind: string, mark: ItemMark, id: string, title: string) => ({ kind, mark, id, title });
  const rows = [
    ...diff.alerts.added.map((a) => line('Alert', 'added', a.id, a.message)),
    ...diff.alerts.removed.map((a) => line('Alert', 'removed', a.id, a.message)),
    ...diff.alerts.changed.map((a) => line('Alert', 'changed', a.id, a.message)),
    ...diff.recommendations.added.map((r) => line('Recommendation', 'added', r.id, actionLabel(r.action))),
    ...diff.recommendations.removed.map((r) => line('Recommendation', 'removed', r.id, actionLabel(r.action))),
    ...diff.recommendations.changed.map((r) => line('Recommendation', 'changed', r.id, actionLabel(r.action))),
  ];
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="compact">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Change</th><th scope="col">Kind</th><th scope="col">Item</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.kind}-${r.mark}-${r.id}`}>
              <td className="nowrap"><MarkBadge mark={r.mark} /></td>
              <td>{r.kind}</td>
              <th scope="row">{r.title} <span className="rule-id">{r.id}</span></th>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A list of items that appeared, disappeared or changed, for the version history. */
export function ChangedItems({ id, title, change }: {
  readonly id: string; readonly title: string; readonly change: ListChange<Recommendation> | ListChange<Alert>;
}) {
  const rows: { item: Recommendation | Alert; mark: ItemMark }[] = [
    ...change.added.map((item) => ({ item, mark: 'added' as const })),
    ...change.removed.map((item) => ({ item, mark: 'removed' as const })),
    ...change.changed.map((item) => ({ item, mark: 'changed' as const })),
  ];
  return (
    <section aria-labelledby={`${id}-h`} className="section">
      <h4 id={`${id}-h`}>{title} <span className="count">{rows.length}</span></h4>
      {rows.length === 0 ? <p className="muted">No change.</p> : (
        <ul className="items">
          {rows.map(({ item, mark }) => (
            'message' in item
              ? <AlertItem key={`${mark}-${item.id}`} a={item} mark={mark} />
              : <RecommendationItem key={`${mark}-${item.id}`} r={item} mark={mark} />
          ))}
        </ul>
      )}
    </section>
  );
}
