/**
 * The tumor-board report: one printable page with the diagnosis, status, risk, the plan
 * (recommendations by priority), alerts, missing tests and a numbered list of the passages cited.
 */
import type { MouseEvent } from 'react';
import type { Alert, Evaluation, Evidence, MissingTest, Recommendation } from '../../../src/contract/index.js';
import { PriorityBadge, SeverityBadge } from '../components/Badges.js';
import { patientText } from '../components/CaseHeader.js';
import { CaseNav } from '../components/CaseNav.js';
import { passageUrl } from '../components/Evidence.js';
import { ErrorBox, Loading } from '../components/Feedback.js';
import { useTitle } from '../components/Layout.js';
import { byPriority, bySeverity } from '../components/Plan.js';
import { useCaseEvaluation } from '../load.js';
import { useSession } from '../session.js';
import {
  CATEGORY_LABEL, KMT2A_LABEL, LEUKEMIA_LABEL, LINEAGE_LABEL, PHASE_LABEL, PH_LONG, RISK_LABEL, STATUS_LABEL, SUBTYPE_LABEL, actionLabel,
} from '../words.js';

/** Each cited passage once, numbered in the order the report first cites it. */
export class References {
  private readonly index = new Map<string, number>();
  readonly list: Evidence[] = [];

  private static key(e: Evidence): string {
    return `${e.source}\u0000${e.locator}\u0000${e.level ?? ''}`;
  }

  /** The numbers of these passages, adding the new ones. */
  cite(evidence: readonly Evidence[]): number[] {
    return evidence.map((e) => {
      const k = References.key(e);
      let n = this.index.get(k);
      if (n === undefined) {
        this.list.push(e);
        n = this.list.length;
        this.index.set(k, n);
      }
      return n;
    });
  }
}

function Cites({ numbers }: { readonly numbers: readonly number[] }) {
  if (numbers.length === 0) return null;
  return <span className="cites"> [{numbers.map((n, i) => <span key={n}>{i > 0 ? ', ' : ''}<a href={`#ref-${n}`} onClick={(ev) => jump(ev, n)}>{n}</a></span>)}]</span>;
}

/** In-page links must not change the hash (the route): scroll to the reference instead. */
function jump(event: MouseEvent, n: number) {
  event.preventDefault();
  const target = document.getElementById(`ref-${n}`);
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

interface Cited {
  readonly plan: { r: Recommendation; cites: number[] }[];
  readonly alerts: { a: Alert; cites: number[] }[];
  readonly missing: { m: MissingTest; cites: number[] }[];
  readonly refs: References;
}

/** The report's items in their order, each with the numbers of the passages it cites. */
function cite(e: Evaluation): Cited {
  const refs = new References();
  const plan = byPriority(e.recommendations).map((r) => ({ r, cites: refs.cite(r.evidence) }));
  const alerts = bySeverity(e.alerts).map((a) => ({ a, cites: refs.cite(a.evidence) }));
  const missing = byPriority(e.missing).map((m) => ({ m, cites: refs.cite(m.evidence) }));
  return { plan, alerts, missing, refs };
}

function Body({ e, cited }: { readonly e: Evaluation; readonly cited: Cited }) {
  const { plan, alerts, missing } = cited;
  const d = e.diagnosis;
  const factors = e.risk.factors.filter((f) => f.present !== false);
  return (
    <>
      <section aria-labelledby="rp-dx" className="report-section">
        <h2 id="rp-dx">Diagnosis</h2>
        <p><strong>{LEUKEMIA_LABEL[d.leukemia]}</strong>: {LINEAGE_LABEL[d.lineage]}, {SUBTYPE_LABEL[d.subtype]}; {PH_LONG[d.philadelphia]}; {KMT2A_LABEL[d.kmt2a]}.</p>
        <ul>{d.reasons.map((r, i) => <li key={i}>{r}</li>)}</ul>
      </section>
      <section aria-labelledby="rp-status" className="report-section">
        <h2 id="rp-status">Status and phase</h2>
        <p><strong>{STATUS_LABEL[e.status]}</strong>; {e.phase === null ? 'no phase due' : `${PHASE_LABEL[e.phase]} due`}.</p>
        <ul>{e.statusReasons.map((r, i) => <li key={i}>{r}</li>)}</ul>
      </section>
      <section aria-labelledby="rp-risk" className="report-section">
        <h2 id="rp-risk">Risk</h2>
        <p><strong>{RISK_LABEL[e.risk.group]}</strong>{e.risk.provisional ? ' (provisional: response factors not yet assessable)' : ''}.</p>
        {factors.length > 0 ? (
          <ul>{factors.map((f) => <li key={f.id}>{f.present === true ? 'Present' : 'Unknown'}: {f.detail}</li>)}</ul>
        ) : <p>No risk factor present or unknown.</p>}
      </section>
      <section aria-labelledby="rp-plan" className="report-section">
        <h2 id="rp-plan">Plan</h2>
        {plan.length === 0 ? <p>No recommendations.</p> : (
          <table className="report-table">
            <caption className="visually-hidden">Recommendations, most pressing first</caption>
            <thead><tr><th scope="col">Priority</th><th scope="col">Category</th><th scope="col">Recommendation</th></tr></thead>
            <tbody>
              {plan.map(({ r, cites }) => (
                <tr key={r.id}>
                  <td><PriorityBadge priority={r.priority} /></td>
                  <td>{CATEGORY_LABEL[r.category]}</td>
                  <td>
                    <strong>{actionLabel(r.action)}</strong>. {r.rationale}
                    {r.agents !== undefined && r.agents.length > 0 ? <> Agents: {r.agents.join(', ')}.</> : null}
                    <Cites numbers={cites} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="rp-alerts" className="report-section">
        <h2 id="rp-alerts">Alerts</h2>
        {alerts.length === 0 ? <p>No alerts.</p> : (
          <ul className="report-list">
            {alerts.map(({ a, cites }) => <li key={a.id}><SeverityBadge severity={a.severity} /> {a.message}<Cites numbers={cites} /></li>)}
          </ul>
        )}
      </section>
      <section aria-labelledby="rp-missing" className="report-section">
        <h2 id="rp-missing">Missing tests</h2>
        {missing.length === 0 ? <p>Nothing missing.</p> : (
          <table className="report-table">
            <caption className="visually-hidden">Tests whose results would change the answer</caption>
            <thead><tr><th scope="col">Priority</th><th scope="col">Test</th><th scope="col">Why it matters</th></tr></thead>
            <tbody>
              {missing.map(({ m, cites }, i) => (
                <tr key={`${m.action}-${i}`}>
                  <td><PriorityBadge priority={m.priority} /></td>
                  <td>{m.data}</td>
                  <td>{m.impact}<Cites numbers={cites} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function ReferenceList({ refs }: { readonly refs: References }) {
  const { sources } = useSession();
  return (
    <section aria-labelledby="rp-refs" className="report-section references">
      <h2 id="rp-refs">References</h2>
      <ol>
        {refs.list.map((e, i) => {
          const s = sources?.[e.source];
          return (
            <li key={i} id={`ref-${i + 1}`} tabIndex={-1}>
              <cite>{s?.title ?? e.source}</cite>{s === undefined ? '' : `. ${s.publisher}`}. <q>{e.locator}</q>
              {e.level === undefined ? '' : `. Level of evidence ${e.level}`}.
              {s?.url == null ? null : <> <a href={passageUrl(s.url, e.locator)} className="url">{s.url}</a></>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function Report({ caseId, version }: { readonly caseId: string; readonly version: number | undefined }) {
  useTitle(`Tumor-board report: ${caseId}`);
  const { me } = useSession();
  const loaded = useCaseEvaluation(caseId, version);
  const title = `Tumor-board report: case ${caseId}`;
  if (loaded.state === 'loading') return <><h1 tabIndex={-1}>{title}</h1><Loading what="the report" /></>;
  if (loaded.state === 'error') return <><h1 tabIndex={-1}>{title}</h1><ErrorBox error={loaded.error} onRetry={loaded.reload} /></>;
  const { stored, evaluation } = loaded.data;
  const e = evaluation.evaluation;
  const c = stored.case;
  const cited = cite(e);
  return (
    <article className="report">
      <CaseNav caseId={caseId} current="report" version={version} />
      <div className="report-head">
        <h1 tabIndex={-1}>{title}</h1>
        <button type="button" className="button-primary no-print" onClick={() => window.print()}>Print / save as PDF</button>
      </div>
      <dl className="meta">
        <div><dt>Patient</dt><dd>{patientText(c)}{stored.synthetic ? ' (synthetic demo case)' : ''}</dd></div>
        <div><dt>As of</dt><dd>{e.asOf}</dd></div>
        <div><dt>Case version</dt><dd>{stored.version}</dd></div>
        <div><dt>Knowledge</dt><dd>{e.knowledgeVersion}</dd></div>
        <div><dt>Prepared</dt><dd>{new Date().toISOString().slice(0, 10)} by {me.username}</dd></div>
      </dl>
      <p className="report-notice">{e.notice}</p>
      <Body e={e} cited={cited} />
      <ReferenceList refs={cited.refs} />
    </article>
  );
}
