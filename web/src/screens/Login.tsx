/** Sign in with a username and password (POST /api/login); the session is an HttpOnly cookie. */
import { useState, type FormEvent } from 'react';
import { api, ApiError, errorText, type Me } from '../api.js';
import { useTitle } from '../components/Layout.js';

export interface LoginProps {
  /** Where to go after signing in; the registry when undefined. */
  readonly next: string | undefined;
  readonly onSignedIn: (me: Me) => void;
}

function failure(e: unknown): string {
  if (e instanceof ApiError && e.status === 401) return 'The username or password is not right.';
  if (e instanceof ApiError && e.status === 429) return 'Too many attempts. Wait a minute, then try again.';
  return errorText(e);
}

export function Login({ next, onSignedIn }: LoginProps) {
  useTitle('Sign in');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const me = await api.login(username, password);
      onSignedIn(me);
    } catch (e) {
      setError(failure(e));
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <h1 tabIndex={-1}>Sign in</h1>
      <p className="muted">
        {next === undefined ? 'Sign in to open the case registry.' : 'Sign in to continue where you were going.'}
      </p>
      <form onSubmit={(e) => void submit(e)} className="card form-stack" noValidate={false}>
        <div className="field">
          <label htmlFor="login-username">Username</label>
          <input
            id="login-username" name="username" autoComplete="username" required autoFocus
            value={username} onChange={(e) => setUsername(e.target.value)}
            aria-invalid={error === undefined ? undefined : true}
            aria-describedby={error === undefined ? undefined : 'login-error'}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password" name="password" type="password" autoComplete="current-password" required
            value={password} onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error === undefined ? undefined : true}
            aria-describedby={error === undefined ? undefined : 'login-error'}
          />
        </div>
        {error === undefined ? null : <p id="login-error" className="form-error" role="alert">{error}</p>}
        <button type="submit" className="button-primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </div>
  );
}
