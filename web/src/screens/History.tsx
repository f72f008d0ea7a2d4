/**
 * A case's versions (GET /api/cases/:id/versions) and what changed between two of them: the case
 * itself, path by path, and its stored evaluations (GET /api/cases/:id/evaluation?version=N):
 * status, phase, risk and diagnosis, and the recommendations and alerts that appear or disappear.
 */
import { useId, useState } from 'react';
import { api, type CaseVersion, type StoredEvaluation } from '../api.js';
import { CaseNav } from '../components/CaseNav.js';
import { ErrorBox, Loading } from '../components/Feedback.js';
import { useTitle } from '../components/Layout.js';
import { useLoad } from '../load.js';
import { casePath, href } from '../router.js';
import { ChangedItems, HeadlineChanges, MarkBadge } from '../edit/compare.js';
import { diffEvaluations, diffJson, showValue, summarizeDiff, type JsonChange } from '../edit/diff.js';
import '../edit/edit.css';

export interface HistoryProps {
  readonly caseId: string;
}

const when = (iso: string) => new Date(iso).toLocaleString();

export function History({ caseId }: HistoryProps) {
  useTitle(`History: ${caseId}`);
  const loaded = useLoad((signal) => api.versions(caseId, signal), [caseId]);
  return (
    <>
      <h1 tabIndex={-1}>History: {caseId}</h1>
      <CaseNav caseId={caseId} current="history" />
      {loaded.state === 'loading' ? <Loading what="the versions" /> : null}
      {loaded.state === 'error' ? <ErrorBox error={loaded.error} onRetry={loaded.reload} /> : null}
      {loaded.state === 'done' ? <Versions caseId={caseId} versions={loaded.data.versions} /> : null}
    </>
  );
}

function Versions({ caseId, versions }: { readonly caseId: string; readonly versions: readonly CaseVersion[] }) {
  const uid = useId();
  const latest = versions.at(-1)?.version ?? 1;
  const [from, setFrom] = useState(versions.at(-2)?.version ?? latest);
  const [to, setTo] = useState(latest);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  const options = versions.map((v) => <option key={v.version} value={v.version}>Version {v.version}</option>);

  return (
    <>
      <section aria-labelledby={`${uid}-list`} className="section">
        <h2 id={`${uid}-list`}>Versions <span className="count">{versions.length}</span></h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Every version of {caseId}, oldest first</caption>
            <thead>
              <tr><th scope="col">Version</th><th scope="col">Author</th><th scope="col">Saved</th><th scope="col">Open</th></tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version} className={v.version === from || v.version === to ? 'row-chosen' : undefined}>
                  <th scope="row">
                    {v.version}
                    {v.version === latest ? <span className="tag"> latest</span> : null}
                    {v.version === from ? <span className="tag"> compared: from</span> : null}
                    {v.version === to ? <span className="tag"> compared: to</span> : null}
                  </th>
                  <td>{v.author}</td>
                  <td><time dateTime={v.createdAt}>{when(v.createdAt)}</time></td>
                  <td><a href={href(casePath(caseId, undefined, v.version))}>Open version {v.version}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby={`${uid}-cmp`} className="section">
        <h2 id={`${uid}-cmp`}>Compare two versions</h2>
        {versions.length < 2 ? <p className="muted">There is only one version: nothing to compare yet.</p> : (
          <form className="compare-choice" onSubmit={(e) => e.preventDefault()}>
            <div className="field">
              <label htmlFor={`${uid}-from`}>From</label>
              <select id={`${uid}-from`} value={from} onChange={(e) => setFrom(Number(e.target.value))}>{options}</select>
            </div>
            <div className="field">
              <label htmlFor={`${uid}-to`}>To</label>
              <select id={`${uid}-to`} value={to} onChange={(e) => setTo(Number(e.target.value))}>{options}</select>
            </div>
            <button type="button" onClick={() => { setFrom(to); setTo(from); }}>Swap the two</button>
          </form>
        )}
        {a === undefined || b === undefined || versions.length < 2 ? null : from === to
          ? <p className="muted">Choose two different versions.</p>
          : <Comparison caseId={caseId} a={a} b={b} />}
      </section>
    </>
  );
}

const KIND_MARK = { added: 'added', removed: 'removed', changed: 'changed' } as const;

function CaseDiff({ changes, a, b }: { readonly changes: readonly JsonChange[]; readonly a: number; readonly b: number }) {
  if (changes.length === 0) return <p className="muted">The case data is the same in both versions.</p>;
  return (
    <div className="table-wrap">
      <table className="diff-table">
        <caption>Case data: {changes.length} {changes.length === 1 ? 'path differs' : 'paths differ'} from version {a} to version {b}</caption>
        <thead><tr><th scope="col">Path</th><th scope="col">Change</th><th scope="col">Version {a}</th><th scope="col">Version {b}</th></tr></thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.path} className={`diff-${c.kind}`}>
              <th scope="row"><code>{c.path}</code></th>
              <td><MarkBadge mark={KIND_MARK[c.kind]} /></td>
              <td><code className="value">{showValue(c.before)}</code></td>
              <td><code className="value">{showValue(c.after)}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Comparison({ caseId, a, b }: { readonly caseId: string; readonly a: CaseVersion; readonly b: CaseVersion }) {
  const uid = useId();
  const evaluations = useLoad(
    (signal) => Promise.all([api.evaluation(caseId, a.version, signal), api.evaluation(caseId, b.version, signal)]),
    [caseId, a.version, b.version],
  );
  const changes = diffJson(a.case, b.case);
  return (
    <>
      <h3 id={`${uid}-case`}>What changed in the case</h3>
      <CaseDiff changes={changes} a={a.version} b={b.version} />
      <h3 id={`${uid}-eval`}>What changed in the evaluation</h3>
      {evaluations.state === 'loading' ? <Loading what="the stored evaluations" /> : null}
      {evaluations.state === 'error' ? <ErrorBox error={evaluations.error} onRetry={evaluations.reload} /> : null}
      {evaluations.state === 'done' ? <EvaluationComparison uid={uid} a={evaluations.data[0]} b={evaluations.data[1]} /> : null}
    </>
  );
}

function EvaluationComparison({ uid, a, b }: { readonly uid: string; readonly a: StoredEvaluation; readonly b: StoredEvaluation }) {
  const diff = diffEvaluations(a.evaluation, b.evaluation);
  return (
    <>
      <p className="compare-summary" role="status">From version {a.caseVersion} to version {b.caseVersion}: {summarizeDiff(diff)}</p>
      <p className="muted small">
        Stored evaluations: version {a.caseVersion} by knowledge {a.knowledgeVersion} ({when(a.createdAt)}); version {b.caseVersion} by
        knowledge {b.knowledgeVersion} ({when(b.createdAt)}).
        {diff.knowledgeVersion === undefined ? null : ' The knowledge versions differ, so a change may come from the knowledge rather than the case.'}
      </p>
      <HeadlineChanges fields={diff.fields} caption={`Values that change from version ${a.caseVersion} to version ${b.caseVersion}`} />
      <div className="compare-grid">
        <ChangedItems id={`${uid}-recs`} title="Recommendations" change={diff.recommendations} />
        <ChangedItems id={`${uid}-alerts`} title="Alerts" change={diff.alerts} />
      </div>
    </>
  );
}
