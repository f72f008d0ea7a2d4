/** The statement every page carries: allpath supports a decision and orders nothing. */
export const NOTICE = "allpath supports a clinician's decision; it orders nothing.";

export function Notice({ detail }: { readonly detail?: string | undefined }) {
  return (
    <p role="note" className="notice">
      <span className="notice-icon" aria-hidden="true">i</span>
      <strong>{NOTICE}</strong>
      {detail === undefined ? null : <span> {detail}</span>}
    </p>
  );
}
