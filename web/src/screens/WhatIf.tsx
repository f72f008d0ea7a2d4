// placeholder: replaced by the what-if/edit developer
/**
 * What-if: change a copy of the case and see the evaluation change (POST /api/evaluate, nothing
 * stored). App.tsx renders it at #/cases/:id/whatif as <WhatIf caseId version />.
 */
import { CaseNav } from '../components/CaseNav.js';
import { useTitle } from '../components/Layout.js';

export interface WhatIfProps {
  readonly caseId: string;
  /** The version to start from; the latest when undefined. */
  readonly version?: number | undefined;
}

export function WhatIf({ caseId, version }: WhatIfProps) {
  useTitle(`What if: ${caseId}`);
  return (
    <>
      <h1 tabIndex={-1}>What if: {caseId}</h1>
      <CaseNav caseId={caseId} current="whatif" version={version} />
      <p>Not built yet.</p>
    </>
  );
}
