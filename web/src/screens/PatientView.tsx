/**
 * The same evaluation for the patient: plain language only (the `lay` wording of each
 * recommendation and alert, and fixed plain sentences for the diagnosis, status and risk), large
 * type, printable, and questions to take to the care team. The questions are fixed wording per
 * kind of content (one per recommendation category, per missing test, for alerts); they decide
 * nothing.
 */
import type { Evaluation } from '../../../src/contract/index.js';
import { CaseNav } from '../components/CaseNav.js';
import { ErrorBox, Loading } from '../components/Feedback.js';
import { useTitle } from '../components/Layout.js';
import { byCategory, bySeverity, byPriority } from '../components/Plan.js';
import { useCaseEvaluation } from '../load.js';
import {
  LAY_CATEGORY, LAY_DIAGNOSIS, LAY_PH, LAY_PHASE, LAY_RISK, LAY_STATUS, LAY_SUBTYPE,
  QUESTIONS_ALWAYS, QUESTION_ALERTS, QUESTION_BY_CATEGORY, QUESTION_TRIAL, questionForTest,
} from '../words.js';

const unique = (texts: readonly string[]) => [...new Set(texts)];

/** Questions from what the evaluation contains: presentation rules, no clinical decision. */
export function questionsFor(e: Evaluation): string[] {
  const questions: string[] = [];
  if (e.alerts.some((a) => a.severity !== 'info')) questions.push(QUESTION_ALERTS);
  for (const [category] of byCategory(e.recommendations)) questions.push(QUESTION_BY_CATEGORY[category]);
  if (e.recommendations.some((r) => r.action === 'clinical-trial')) questions.push(QUESTION_TRIAL);
  for (const m of byPriority(e.missing)) questions.push(questionForTest(m.data));
  return unique([...questions, ...QUESTIONS_ALWAYS]);
}

function About({ e }: { readonly e: Evaluation }) {
  const isAll = e.diagnosis.leukemia === 'ALL' || e.diagnosis.leukemia === 'lymphoblastic-lymphoma';
  const lines = [
    LAY_DIAGNOSIS[e.diagnosis.leukemia],
    isAll ? LAY_SUBTYPE[e.diagnosis.subtype] : null,
    isAll ? LAY_PH[e.diagnosis.philadelphia] : null,
  ].filter((l): l is string => l !== null);
  return (
    <section aria-labelledby="pv-about">
      <h2 id="pv-about">About your illness</h2>
      {lines.map((l, i) => <p key={i}>{l}</p>)}
    </section>
  );
}

function Where({ e }: { readonly e: Evaluation }) {
  const lines = [LAY_STATUS[e.status], e.phase === null ? null : LAY_PHASE[e.phase], LAY_RISK[e.risk.group]]
    .filter((l): l is string => l !== null);
  return (
    <section aria-labelledby="pv-where">
      <h2 id="pv-where">Where you are in treatment</h2>
      {lines.map((l, i) => <p key={i}>{l}</p>)}
    </section>
  );
}

export function PatientView({ caseId, version }: { readonly caseId: string; readonly version: number | undefined }) {
  useTitle('Your care summary');
  const loaded = useCaseEvaluation(caseId, version);
  if (loaded.state === 'loading') return <><h1 tabIndex={-1}>Your care summary</h1><Loading what="the summary" /></>;
  if (loaded.state === 'error') return <><h1 tabIndex={-1}>Your care summary</h1><ErrorBox error={loaded.error} onRetry={loaded.reload} /></>;
  const e = loaded.data.evaluation.evaluation;
  const watch = unique(bySeverity(e.alerts).filter((a) => a.severity !== 'info').map((a) => a.lay));
  const groups = byCategory(e.recommendations);
  const tests = unique(byPriority(e.missing).map((m) => m.data));
  return (
    <div className="patient-view">
      <CaseNav caseId={caseId} current="patient" version={version} />
      <h1 tabIndex={-1}>Your care summary</h1>
      <p className="lead">
        This summary uses what your records said on {e.asOf}. It is here to help you talk with your care team. Your doctors
        and nurses decide your treatment with you.
      </p>
      <div className="no-print">
        <button type="button" className="button-primary" onClick={() => window.print()}>Print this summary</button>
      </div>
      <About e={e} />
      <Where e={e} />
      {watch.length > 0 ? (
        <section aria-labelledby="pv-watch" className="pv-watch">
          <h2 id="pv-watch">Things your care team may act on soon</h2>
          <ul>{watch.map((t, i) => <li key={i}>{t}</li>)}</ul>
        </section>
      ) : null}
      {groups.length > 0 ? (
        <section aria-labelledby="pv-plan">
          <h2 id="pv-plan">What your care team may talk with you about</h2>
          {groups.map(([category, rs]) => (
            <section key={category} aria-labelledby={`pv-${category}`}>
              <h3 id={`pv-${category}`}>{LAY_CATEGORY[category]}</h3>
              <ul>{unique(rs.map((r) => r.lay)).map((t, i) => <li key={i}>{t}</li>)}</ul>
            </section>
          ))}
        </section>
      ) : null}
      {tests.length > 0 ? (
        <section aria-labelledby="pv-tests">
          <h2 id="pv-tests">Tests that may still be needed</h2>
          <p>The results of these tests could change the plan:</p>
          <ul>{tests.map((t, i) => <li key={i}>{t}</li>)}</ul>
        </section>
      ) : null}
      <section aria-labelledby="pv-questions" className="pv-questions">
        <h2 id="pv-questions">Questions to ask your care team</h2>
        <ol>{questionsFor(e).map((q, i) => <li key={i}>{q}</li>)}</ol>
        <p className="write-in" aria-hidden="true">My own questions: ______________________________________________</p>
      </section>
    </div>
  );
}
