// placeholder: replaced by the what-if/edit developer
/**
 * Edit a case (PUT /api/cases/:id, a new version) or add one (POST /api/cases). App.tsx renders
 * <EditCase caseId /> at #/cases/:id/edit and <EditCase /> (caseId undefined) at #/cases/new.
 */
import { CaseNav } from '../components/CaseNav.js';
import { useTitle } from '../components/Layout.js';

export interface EditCaseProps {
  /** Undefined for a new case. */
  readonly caseId?: string | undefined;
}

export function EditCase({ caseId }: EditCaseProps) {
  useTitle(caseId === undefined ? 'New case' : `Edit ${caseId}`);
  return (
    <>
      <h1 tabIndex={-1}>{caseId === undefined ? 'New case' : `Edit ${caseId}`}</h1>
      {caseId === undefined ? null : <CaseNav caseId={caseId} current="edit" />}
      <p>Not built yet.</p>
    </>
  );
}
