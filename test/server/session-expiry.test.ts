// A session cookie works until its 12 hours are up, by the server's clock, and not a moment after.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listen, PASSWORD, send, SETUP_TIMEOUT, type RunningRegistry } from './helpers.js';

const START = Date.parse('2026-03-02T08:00:00.000Z');
let clock = START;
let server: RunningRegistry;
beforeAll(async () => {
  server = await listen({ auth: { mode: 'off' }, now: () => new Date(clock) });
}, SETUP_TIMEOUT);
afterAll(async () => server.close());

test('a session is honoured 1 s before its 12 hours end and refused 1 s after, as an expired session', async () => {
  clock = START;
  const login = await send(`${server.url}/api/login`, { body: { username: 'viewer', password: PASSWORD } });
  const cookie = /^(allpath_session=[^;]+)/.exec(login.headers.getSetCookie().find((c) => c.startsWith('allpath_session=')) ?? '')?.[1];
  expect([login.status, typeof cookie]).toEqual([200, 'string']);
  const me = async () => send(`${server.url}/api/me`, { headers: { cookie: cookie ?? '' } });

  clock = START + 12 * 3600_000 - 1000;
  expect([(await me()).status, (await me()).body]).toEqual([200, { username: 'viewer', role: 'viewer' }]);
  clock = START + 12 * 3600_000 + 1000;
  const late = await me();
  expect([late.status, (late.body as { message?: string }).message]).toEqual([401, 'session expired; sign in again']);
});
