// placeholder: replaced by the what-if/edit developer
/**
 * A case's versions (GET /api/cases/:id/versions) and what changed between two of them.
 * App.tsx renders <History caseId /> at #/cases/:id/history.
 */
import { CaseNav } from '../components/CaseNav.js';
import { useTitle } from '../components/Layout.js';

export interface HistoryProps {
  readonly caseId: string;
}

export function History({ caseId }: HistoryProps) {
  useTitle(`History: ${caseId}`);
  return (
    <>
      <h1 tabIndex={-1}>History: {caseId}</h1>
      <CaseNav caseId={caseId} current="history" />
      <p>Not built yet.</p>
    </>
  );
}
