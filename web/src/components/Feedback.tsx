/** Waiting, failure and not-found states, worded the same on every screen. */
import { ApiError, errorText } from '../api.js';

export function Loading({ what }: { readonly what: string }) {
  return <p className="loading" role="status">Loading {what}…</p>;
}

export function ErrorBox({ error, onRetry }: { readonly error: unknown; readonly onRetry?: () => void }) {
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="error-box" role="alert">
      <p><strong>{error instanceof ApiError && error.status === 404 ? 'Not found.' : 'That did not work.'}</strong>{' '}
        {issues.length > 0 ? 'The server found these problems:' : errorText(error)}</p>
      {issues.length > 0 ? (
        <ul>
          {issues.map((i, n) => <li key={n}><code>{i.path}</code>: {i.message}</li>)}
        </ul>
      ) : null}
      {onRetry === undefined ? null : <button type="button" onClick={onRetry}>Try again</button>}
    </div>
  );
}
