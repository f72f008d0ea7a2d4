/**
 * Every route the server registers, called without credentials and as each role. The routes are
 * enumerated as fastify registers them (an onRoute observer installed before anything else), so a
 * route added later is called here too: it fails this test unless it refuses strangers (401), or
 * it is added to OPEN below on purpose.
 */
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../src/store/index.js';
import { authAs, cdsClient, ISSUER, listen, send, type RunningRegistry, SETUP_TIMEOUT } from './helpers.js';

interface Route {
  readonly method: string;
  readonly url: string;
}

const key = (r: Route) => `${r.method} ${r.url}`;

/** Routes anyone may call: health, sign-in, the API document and its page (no patient data). */
const OPEN = new Set([
  'GET /api/health', 'HEAD /api/health', 'POST /api/login',
  'GET /api/openapi.json', 'HEAD /api/openapi.json',
]);
/** The Swagger UI's own files, all under /api/docs. */
const OPEN_PREFIX = '/api/docs';

/** Routes for admins only. */
const ADMIN = new Set([
  'GET /api/users', 'HEAD /api/users', 'POST /api/users', 'POST /api/users/:username/disable',
  'POST /api/tokens', 'GET /api/audit', 'HEAD /api/audit',
]);

/** Routes that are not GET but change nothing stored, so a viewer may call them. */
const VIEWER_POSTS = new Set(['POST /api/evaluate', 'POST /api/logout']);

/** Outside /api: CDS Hooks discovery and CORS preflights are open; every service call needs the client's JWT. */
const CDS_OPEN = new Set(['GET /cds-services', 'HEAD /cds-services', 'OPTIONS /cds-services', 'OPTIONS /cds-services/*']);

/** The web app's page and its files (no patient data; the app signs in through /api/login). */
const WEB_OPEN = new Set(['GET /', 'HEAD /', 'GET /assets/*', 'HEAD /assets/*']);

type Expected = 'open' | 'read' | 'write' | 'admin';

function expected(r: Route): Expected {
  if (OPEN.has(key(r)) || r.url === OPEN_PREFIX || r.url.startsWith(`${OPEN_PREFIX}/`)) return 'open';
  if (ADMIN.has(key(r))) return 'admin';
  if (r.method === 'GET' || r.method === 'HEAD' || VIEWER_POSTS.has(key(r))) return 'read';
  return 'write';
}

/** A concrete path for a route pattern: parameters and wildcards filled in. */
const pathOf = (url: string) => url.replace(/:\w+/g, 'no-such-thing').replace(/\*/g, 'x');

const routes: Route[] = [];
let server: RunningRegistry;

beforeAll(async () => {
  const client = await cdsClient();
  server = await listen({
    auth: { mode: 'jwt', jwks: client.jwksPath, issuers: [ISSUER] },
    // Enough attempts for this file's calls to /api/login (each without a username).
    loginLimit: { max: 100, windowMs: 60_000 },
    onRoute: (route: RouteOptions) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    },
  });
}, SETUP_TIMEOUT);
afterAll(async () => server.close());

async function call(r: Route, headers: Record<string, string> = {}): Promise<number> {
  const body = r.method === 'GET' || r.method === 'HEAD' || r.method === 'OPTIONS' ? undefined : {};
  const res = await fetch(`${server.url}${pathOf(r.url)}`, {
    method: r.method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await res.arrayBuffer();
  return res.status;
}

const apiRoutes = () => routes.filter((r) => r.url === '/api' || r.url.startsWith('/api/'));

describe('the route list', () => {
  test('is enumerated (the checks below see every route)', () => {
    expect(routes.map(key)).toEqual(expect.arrayContaining([
      'GET /api/cases', 'POST /api/cases', 'PUT /api/cases/:id', 'GET /api/cases/:id/evaluation',
      'POST /api/evaluate', 'POST /cds-services/allpath-patient-view', 'GET /api/docs',
    ]));
    expect(apiRoutes().length).toBeGreaterThan(20);
  });

  test('has every route this test names as open, admin-only or viewer-callable (no stale entries)', () => {
    const all = new Set(routes.map(key));
    expect([...OPEN, ...ADMIN, ...VIEWER_POSTS, ...CDS_OPEN, ...WEB_OPEN].filter((k) => !all.has(k))).toEqual([]);
  });
});

describe('without credentials', () => {
  test('every /api route is 401 except health, sign-in and the API document', async () => {
    const wrong: string[] = [];
    for (const r of apiRoutes()) {
      const status = await call(r);
      const open = expected(r) === 'open';
      if (open ? status === 401 || status === 403 : status !== 401) wrong.push(`${key(r)} → ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  test('every CDS Hooks service and feedback route is 401 without the client\'s JWT; discovery and the web app\'s files are open', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => !apiRoutes().includes(x))) {
      const status = await call(r);
      const open = CDS_OPEN.has(key(r)) || WEB_OPEN.has(key(r));
      if (open ? status === 401 : status !== 401) wrong.push(`${key(r)} → ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  test('a session cookie that was never issued, or a CDS Hooks JWT instead of an API token, is 401', async () => {
    expect((await send(`${server.url}/api/cases`, { headers: { cookie: 'allpath_session=forged' } })).status).toBe(401);
    expect((await send(`${server.url}/api/cases`, { headers: { authorization: 'Bearer eyJhbGciOiJFUzM4NCJ9.e30.sig' } })).status).toBe(401);
    expect((await send(`${server.url}/api/cases`, { headers: { authorization: 'Bearer ap_not-a-token' } })).status).toBe(401);
  });
});

describe.each<[Role, readonly Expected[]]>([
  ['viewer', ['write', 'admin']],
  ['clinician', ['admin']],
  ['admin', []],
])('as %s', (role, refused) => {
  test(`every /api route needing ${refused.length === 0 ? 'nothing more' : refused.join(' or ')} is 403; the others are neither 401 nor 403`, async () => {
    const wrong: string[] = [];
    for (const r of apiRoutes()) {
      // Signing out would end nothing here (a token, no session), but keep the call harmless anyway.
      const status = await call(r, authAs(role));
      const shouldRefuse = refused.includes(expected(r));
      if (shouldRefuse ? status !== 403 : status === 401 || status === 403) wrong.push(`${key(r)} → ${status}`);
    }
    expect(wrong).toEqual([]);
  });
});
