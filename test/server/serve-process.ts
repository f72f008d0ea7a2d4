/**
 * `allpath serve` as a child process, as an operator runs it: its URL and first-start password
 * read from stdout, signals sent to it, its exit awaited.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServeProcess {
  readonly url: string;
  /** The first-start admin password, when this start printed one. */
  readonly password: string | undefined;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `node bin/allpath.js serve --port 0 …args` with `env` added to (and overriding) this
 * process's environment; resolves once it prints its URL, rejects if it exits first or takes
 * longer than `timeoutMs`.
 */
export function startServe(args: readonly string[], env: Record<string, string>, timeoutMs = 60_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['bin/allpath.js', 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '', DATABASE_URL: '', ALLPATH_DATA: '', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start in ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    const onData = () => {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      const password = /the password\n\n {4}(\S+)\n/.exec(stdout)?.[1];
      resolve({ url, password, stdout: () => stdout, stderr: () => stderr, child, exited });
    };
    child.stdout?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${String(code ?? signal)}) before listening:\n${stdout}\n${stderr}`));
    });
  });
}

/** Signs in and returns the session cookie. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username}: HTTP ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('allpath_session='));
  if (cookie === undefined) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}
