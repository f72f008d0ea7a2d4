/**
 * Signing in and out, sessions, API tokens, users and the sign-in rate limit, against a real
 * server: cookies as a browser keeps them, tokens as a script sends them, the audit log as an
 * admin reads it.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashSecret } from '../../src/server/secrets.js';
import type { AuditEntry, User } from '../../src/store/index.js';
import { authAs, listen, PASSWORD, send, type RunningRegistry, type Sent, SETUP_TIMEOUT } from './helpers.js';

let server: RunningRegistry;
beforeAll(async () => {
  server = await listen({ auth: { mode: 'off' } });
}, SETUP_TIMEOUT);
afterAll(async () => server.close());

const api = (path: string) => `${server.url}/api${path}`;

async function login(username: string, password: string, url = server.url): Promise<Sent & { cookie: string | undefined; setCookie: string }> {
  const r = await send(`${url}/api/login`, { body: { username, password } });
  const setCookie = r.headers.getSetCookie().find((c) => c.startsWith('allpath_session=')) ?? '';
  const value = /^allpath_session=([^;]*)/.exec(setCookie)?.[1];
  return { ...r, setCookie, cookie: value === undefined || value === '' ? undefined : `allpath_session=${value}` };
}

const withCookie = (cookie: string | undefined): { headers: Record<string, string> } => ({ headers: cookie === undefined ? {} : { cookie } });

async function audit(query: string): Promise<AuditEntry[]> {
  return ((await send(api(`/audit?${query}`), { headers: authAs('admin') })).body as { entries: AuditEntry[] }).entries;
}

describe('POST /api/login', () => {
  test('sets an httpOnly, SameSite=Strict session cookie for 12 hours and answers who signed in', async () => {
    const r = await login('clinician', PASSWORD);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ username: 'clinician', role: 'clinician' });
    expect(r.setCookie).toMatch(/; HttpOnly/i);
    expect(r.setCookie).toMatch(/; SameSite=Strict/i);
    expect(r.setCookie).toMatch(/; Path=\//);
    expect(r.setCookie).not.toMatch(/; Secure/i);
    const expires = Date.parse(/Expires=([^;]+)/.exec(r.setCookie)?.[1] ?? '');
    expect(Math.abs(expires - (Date.now() + 12 * 3600_000))).toBeLessThan(60_000);
  });

  test('the cookie works for GET /api/me and the registry', async () => {
    const { cookie } = await login('viewer', PASSWORD);
    const me = await send(api('/me'), withCookie(cookie));
    expect([me.status, me.body]).toEqual([200, { username: 'viewer', role: 'viewer' }]);
    expect((await send(api('/cases'), withCookie(cookie))).status).toBe(200);
  });

  test('only the SHA-256 of the session token is stored', async () => {
    const { cookie } = await login('viewer', PASSWORD);
    const token = decodeURIComponent((cookie ?? '').slice('allpath_session='.length));
    expect(await server.store.sessionByHash(hashSecret(token))).not.toBeNull();
    expect(await server.store.sessionByHash(token)).toBeNull();
  });

  test('is audited as login, with the user and the request id', async () => {
    const r = await login('admin', PASSWORD);
    const [entry] = (await audit('action=login&limit=1'));
    expect(entry).toMatchObject({ action: 'login', actor: 'admin', requestId: r.headers.get('x-request-id') });
  });

  test('a wrong password and an unknown user get the same 401, no cookie, and a failed-login audit entry without the password', async () => {
    const wrong = await login('clinician', 'not-the-password-WRONG-1');
    const unknown = await login('nobody-here', 'not-the-password-WRONG-2');
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ message: 'invalid username or password' });
      expect(r.cookie).toBeUndefined();
    }
    const entries = await audit('action=failed-login&limit=2');
    expect(entries.map((e) => [e.actor, e.detail, e.requestId])).toEqual([
      ['nobody-here', 'unknown user', unknown.headers.get('x-request-id')],
      ['clinician', 'wrong password', wrong.headers.get('x-request-id')],
    ]);
    const all = JSON.stringify(await audit('limit=10000'));
    expect(all).not.toContain('WRONG');
    expect(all).not.toContain(PASSWORD);
  });

  test('a body that is not {username, password} is 400', async () => {
    const r = await send(api('/login'), { body: { username: 'admin' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ issues: [{ path: 'password' }] });
  });
});

describe('POST /api/logout', () => {
  test('ends the session: the cookie is cleared and no longer works; audited as logout', async () => {
    const { cookie } = await login('clinician', PASSWORD);
    const out = await send(api('/logout'), { method: 'POST', ...withCookie(cookie) });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join('\n')).toMatch(/allpath_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await send(api('/me'), withCookie(cookie))).status).toBe(401);
    const [entry] = await audit('action=logout&limit=1');
    expect(entry).toMatchObject({ actor: 'clinician', requestId: out.headers.get('x-request-id') });
  });

  test('without a session is 401', async () => {
    expect((await send(api('/logout'), { method: 'POST' })).status).toBe(401);
  });
});

describe('sessions expire', () => {
  test('12 hours after sign-in the cookie no longer works', async () => {
    let at = Date.now();
    const clocked = await listen({ auth: { mode: 'off' }, now: () => new Date(at) });
    try {
      const { cookie } = await login('viewer', PASSWORD, clocked.url);
      expect((await send(`${clocked.url}/api/me`, withCookie(cookie))).status).toBe(200);
      at += 11.9 * 3600_000;
      expect((await send(`${clocked.url}/api/me`, withCookie(cookie))).status).toBe(200);
      at += 0.2 * 3600_000;
      expect((await send(`${clocked.url}/api/me`, withCookie(cookie))).status).toBe(401);
    } finally {
      await clocked.close();
    }
  });
});

describe('the cookie is Secure', () => {
  test('when the public URL is https', async () => {
    const https = await listen({ auth: { mode: 'off' }, publicUrl: 'https://allpath.example.org' });
    try {
      const r = await login('viewer', PASSWORD, https.url);
      expect(r.status).toBe(200);
      expect(r.setCookie).toMatch(/; Secure/i);
    } finally {
      await https.close();
    }
  });
});

describe('the sign-in rate limit', () => {
  test('after 5 attempts a minute for one username from one address, the next is 429 even with the right password, and audited', async () => {
    const limited = await listen({ auth: { mode: 'off' } });
    try {
      for (let i = 0; i < 5; i += 1) expect((await login('clinician', `wrong-password-${i}`, limited.url)).status).toBe(401);
      const blocked = await login('clinician', PASSWORD, limited.url);
      expect(blocked.status).toBe(429);
      expect(blocked.cookie).toBeUndefined();
      expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
      // Another username from the same address is not held back by it.
      expect((await login('viewer', PASSWORD, limited.url)).status).toBe(200);
      const failed = await limited.store.auditLog({ action: 'failed-login' });
      expect(failed.map((e) => e.detail)).toEqual(['rate limited', ...Array<string>(5).fill('wrong password')]);
      expect(failed[0]).toMatchObject({ actor: 'clinician', requestId: blocked.headers.get('x-request-id') });
    } finally {
      await limited.close();
    }
  });
});

describe('users (admin)', () => {
  test('POST /api/users without a password generates one, shown once; the user can sign in with it', async () => {
    const r = await send(api('/users'), { body: { username: 'nurse.kim', role: 'viewer' }, headers: authAs('admin') });
    expect(r.status).toBe(201);
    const { user, password } = r.body as { user: User; password: string };
    expect(user).toMatchObject({ username: 'nurse.kim', role: 'viewer', disabled: false });
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect((await login('nurse.kim', password)).status).toBe(200);
    const list = await send(api('/users'), { headers: authAs('admin') });
    expect((list.body as { users: User[] }).users.map((u) => u.username)).toContain('nurse.kim');
    expect(JSON.stringify(list.body)).not.toMatch(/password/i);
  });

  test('a taken username is 409; a bad role or a short password is 400', async () => {
    expect((await send(api('/users'), { body: { username: 'clinician', role: 'viewer' }, headers: authAs('admin') })).status).toBe(409);
    const bad = await send(api('/users'), { body: { username: 'x y', role: 'owner', password: 'short' }, headers: authAs('admin') });
    expect(bad.status).toBe(400);
    expect((bad.body as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(['password', 'role', 'username']);
  });

  test('a disabled user cannot sign in, and their session and API token stop working at once', async () => {
    const created = await send(api('/users'), { body: { username: 'dr.gone', role: 'clinician', password: 'a long enough password' }, headers: authAs('admin') });
    expect(created.status).toBe(201);
    const { cookie } = await login('dr.gone', 'a long enough password');
    const tokenReply = await send(api('/tokens'), { body: { name: 'dr.gone script', username: 'dr.gone' }, headers: authAs('admin') });
    const { token } = tokenReply.body as { token: string };
    expect((await send(api('/me'), withCookie(cookie))).status).toBe(200);
    expect((await send(api('/me'), { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    const disabled = await send(api('/users/dr.gone/disable'), { method: 'POST', headers: authAs('admin') });
    expect([disabled.status, (disabled.body as { user: User }).user.disabled]).toEqual([200, true]);

    expect((await send(api('/me'), withCookie(cookie))).status).toBe(401);
    expect((await send(api('/me'), { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    const again = await login('dr.gone', 'a long enough password');
    expect(again.status).toBe(401);
    expect((await audit('action=failed-login&limit=1'))[0]).toMatchObject({ actor: 'dr.gone', detail: 'user disabled' });
    expect((await audit('action=user-disable&limit=1'))[0]).toMatchObject({ actor: 'admin' });
  });

  test('an admin cannot disable themself; an unknown user is 404', async () => {
    expect((await send(api('/users/admin/disable'), { method: 'POST', headers: authAs('admin') })).status).toBe(400);
    expect((await send(api('/users/nobody/disable'), { method: 'POST', headers: authAs('admin') })).status).toBe(404);
  });
});

describe('API tokens', () => {
  test('POST /api/tokens shows an ap_ token once; it acts as its user; only its hash is stored', async () => {
    const r = await send(api('/tokens'), { body: { name: 'nightly export' }, headers: authAs('admin') });
    expect(r.status).toBe(201);
    const { token, username, role } = r.body as { token: string; username: string; role: string };
    expect(token).toMatch(/^ap_[A-Za-z0-9_-]{40,}$/);
    expect([username, role]).toEqual(['admin', 'admin']);
    const me = await send(api('/me'), { headers: { authorization: `Bearer ${token}` } });
    expect(me.body).toEqual({ username: 'admin', role: 'admin' });
    expect(await server.store.apiTokenByHash(hashSecret(token))).toMatchObject({ name: 'nightly export' });
    expect(await server.store.apiTokenByHash(token)).toBeNull();
    expect((await audit('action=token-create&limit=1'))[0]).toMatchObject({ actor: 'admin', requestId: r.headers.get('x-request-id') });
  });

  test('a token for a viewer reads but cannot write', async () => {
    const r = await send(api('/tokens'), { body: { name: 'dashboard', username: 'viewer' }, headers: authAs('admin') });
    const auth = { authorization: `Bearer ${(r.body as { token: string }).token}` };
    expect((await send(api('/cases'), { headers: auth })).status).toBe(200);
    expect((await send(api('/cases'), { body: {}, headers: auth })).status).toBe(403);
  });
});

describe('the log', () => {
  test('never holds a password or a session token', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString()); done(); } });
    const logged = await listen({ auth: { mode: 'off' }, logger: { level: 'trace', stream } });
    try {
      await login('clinician', 'SECRET-WRONG-PASSWORD', logged.url);
      const ok = await login('clinician', PASSWORD, logged.url);
      await send(`${logged.url}/api/me`, withCookie(ok.cookie));
      const text = lines.join('');
      expect(text).not.toContain('SECRET-WRONG-PASSWORD');
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain((ok.cookie ?? 'x').slice('allpath_session='.length));
      expect(text).toContain('/api/login');
    } finally {
      await logged.close();
    }
  });
});
