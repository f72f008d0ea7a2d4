/**
 * One case for the clinician: what the stored evaluation says (diagnosis, status and phase, risk,
 * alerts, recommendations, missing tests, the rule trace) and the course of the case on a
 * timeline, with links to its other pages.
 */
import { CaseHeader } from '../components/CaseHeader.js';
import { CaseNav } from '../components/CaseNav.js';
import { ErrorBox, Loading } from '../components/Feedback.js';
import { useTitle } from '../components/Layout.js';
import { Alerts, Missing, Recommendations } from '../components/Plan.js';
import { SummaryCards } from '../components/EvaluationSections.js';
import { Timeline } from '../components/Timeline.js';
import { Trace } from '../components/Trace.js';
import { useCaseEvaluation } from '../load.js';

export interface CaseViewProps {
  readonly caseId: string;
  readonly version: number | undefined;
}

export function CaseView({ caseId, version }: CaseViewProps) {
  useTitle(`Case ${caseId}`);
  const loaded = useCaseEvaluation(caseId, version);
  if (loaded.state === 'loading') return <><h1 tabIndex={-1}>Case {caseId}</h1><Loading what="the case" /></>;
  if (loaded.state === 'error') return <><h1 tabIndex={-1}>Case {caseId}</h1><ErrorBox error={loaded.error} onRetry={loaded.reload} /></>;
  const { stored, evaluation } = loaded.data;
  const e = evaluation.evaluation;
  const critical = e.alerts.some((a) => a.severity === 'critical');
  return (
    <>
      <CaseHeader title={`Case ${caseId}`} stored={stored} evaluation={evaluation} version={version} />
      <CaseNav caseId={caseId} current={undefined} version={version} />
      {/* A critical alert comes first, before the findings; otherwise after them. */}
      {critical ? <Alerts alerts={e.alerts} /> : null}
      <SummaryCards evaluation={e} />
      {critical ? null : <Alerts alerts={e.alerts} />}
      <Recommendations recommendations={e.recommendations} />
      <Missing missing={e.missing} />
      <Timeline kase={stored.case} />
      <Trace trace={e.trace} />
    </>
  );
}
