/**
 * An evaluation as the clinician reads it: the summary cards, then alerts, recommendations and
 * missing tests, then the rule trace. The case page shows it under the timeline; the what-if
 * page may show it for an evaluation that is not stored.
 */
import type { Evaluation } from '../../../src/contract/index.js';
import { Plan } from './Plan.js';
import { DiagnosisCard, RiskCard, StatusCard } from './Summary.js';
import { Trace } from './Trace.js';

export function SummaryCards({ evaluation }: { readonly evaluation: Evaluation }) {
  return (
    <div className="cards">
      <DiagnosisCard evaluation={evaluation} />
      <StatusCard evaluation={evaluation} />
      <RiskCard evaluation={evaluation} />
    </div>
  );
}

export function EvaluationSections({ evaluation }: { readonly evaluation: Evaluation }) {
  return (
    <>
      <SummaryCards evaluation={evaluation} />
      <Plan evaluation={evaluation} />
      <Trace trace={evaluation.trace} />
    </>
  );
}
