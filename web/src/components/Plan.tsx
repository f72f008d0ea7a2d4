/**
 * What the evaluation proposes and flags: alerts (critical first), recommendations grouped by
 * category and ordered by priority, and the missing tests with why they matter.
 */
import type { Alert, Category, Evaluation, MissingTest, Recommendation } from '../../../src/contract/index.js';
import {
  CATEGORY_LABEL, CATEGORY_ORDER, PRIORITY_ORDER, SEVERITY_ORDER, actionLabel,
} from '../words.js';
import { PriorityBadge, SeverityBadge } from './Badges.js';
import { Evidence } from './Evidence.js';
import { TableWrap } from './TableWrap.js';

export const bySeverity = (alerts: readonly Alert[]): Alert[] =>
  [...alerts].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));

export const byPriority = <T extends { priority: Recommendation['priority'] }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority));

/** The recommendations of each category that has any, in the contract's category order. */
export function byCategory(recommendations: readonly Recommendation[]): [Category, Recommendation[]][] {
  return CATEGORY_ORDER
    .map((c): [Category, Recommendation[]] => [c, byPriority(recommendations.filter((r) => r.category === c))])
    .filter(([, rs]) => rs.length > 0);
}

export function Alerts({ alerts }: { readonly alerts: readonly Alert[] }) {
  return (
    <section aria-labelledby="alerts-h" className="section">
      <h2 id="alerts-h">Alerts <span className="count">{alerts.length}</span></h2>
      {alerts.length === 0 ? <p className="muted">No alerts.</p> : (
        <ul className="items">
          {bySeverity(alerts).map((a) => (
            <li key={a.id} className={`item alert alert-${a.severity}`}>
              <div className="item-head">
                <SeverityBadge severity={a.severity} />
                <strong className="item-title">{a.message}</strong>
              </div>
              <p className="rule-id">{a.id} · action {a.action}</p>
              <Evidence evidence={a.evidence} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RecommendationItem({ r }: { readonly r: Recommendation }) {
  return (
    <li className={`item rec rec-${r.priority}`}>
      <div className="item-head">
        <PriorityBadge priority={r.priority} />
        <strong className="item-title">{actionLabel(r.action)}</strong>
      </div>
      <p>{r.rationale}</p>
      {r.agents !== undefined && r.agents.length > 0 ? (
        <p className="agents"><span className="label">Agents:</span> {r.agents.join(', ')}</p>
      ) : null}
      {r.trialSearch === undefined ? null : (
        <p className="trial">
          <span className="label">Trial search:</span> {r.trialSearch.condition}, {r.trialSearch.terms.join(', ')}, age {r.trialSearch.ageYears}.{' '}
          <a href={r.trialSearch.url} target="_blank" rel="noopener noreferrer">
            ClinicalTrials.gov query (API, recruiting)<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      )}
      <p className="rule-id">{r.id}</p>
      <Evidence evidence={r.evidence} />
    </li>
  );
}

export function Recommendations({ recommendations }: { readonly recommendations: readonly Recommendation[] }) {
  const groups = byCategory(recommendations);
  return (
    <section aria-labelledby="recs-h" className="section">
      <h2 id="recs-h">Recommendations <span className="count">{recommendations.length}</span></h2>
      {groups.length === 0 ? <p className="muted">No recommendations.</p> : groups.map(([category, rs]) => (
        <section key={category} aria-labelledby={`recs-${category}`} className="group">
          <h3 id={`recs-${category}`}>{CATEGORY_LABEL[category]}</h3>
          <ul className="items">
            {rs.map((r) => <RecommendationItem key={r.id} r={r} />)}
          </ul>
        </section>
      ))}
    </section>
  );
}

export function Missing({ missing }: { readonly missing: readonly MissingTest[] }) {
  return (
    <section aria-labelledby="missing-h" className="section">
      <h2 id="missing-h">Missing tests <span className="count">{missing.length}</span></h2>
      {missing.length === 0 ? <p className="muted">Nothing missing.</p> : (
        <TableWrap label="Missing tests">
          <table>
            <caption className="visually-hidden">Tests whose results would change the answer, most pressing first</caption>
            <thead>
              <tr><th scope="col">Test</th><th scope="col">Why it matters</th><th scope="col">Priority</th></tr>
            </thead>
            <tbody>
              {byPriority(missing).map((m, i) => (
                <tr key={`${m.action}-${i}`}>
                  <th scope="row">{m.data}</th>
                  <td>
                    {m.impact}
                    {m.awaits.length > 0 ? <p className="rule-id">waiting: {m.awaits.join(', ')}</p> : null}
                    <Evidence evidence={m.evidence} />
                  </td>
                  <td><PriorityBadge priority={m.priority} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

export function Plan({ evaluation }: { readonly evaluation: Evaluation }) {
  return (
    <>
      <Alerts alerts={evaluation.alerts} />
      <Recommendations recommendations={evaluation.recommendations} />
      <Missing missing={evaluation.missing} />
    </>
  );
}
