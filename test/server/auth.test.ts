/**
 * CDS Hooks 2.0 authentication against a real listening server: a JWT signed by the client's key
 * (JWK Set in a file), `iss` on the allow-list, `aud` = the endpoint URL, `exp`, `iat`, `jti`
 * present and a `jti` used once. Discovery stays open.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cdsClient, hookRequest, listen, send, ISSUER, type Client, type Running, SETUP_TIMEOUT } from './helpers.js';

let client: Client;
let server: Running;
let endpoint: string;
/** A body that fails validation, so a request that gets past auth answers 400, not 401. */
const body = { hook: 'patient-view' };

beforeAll(async () => {
  client = await cdsClient();
  server = await listen({ auth: { mode: 'jwt', jwks: client.jwksPath, issuers: [ISSUER] } });
  endpoint = `${server.url}/cds-services/allpath-patient-view`;
}, SETUP_TIMEOUT);
afterAll(async () => server.close());

async function call(authorization?: string) {
  return send(endpoint, { body, headers: authorization === undefined ? {} : { authorization } });
}

describe('a service call', () => {
  test('with a valid token gets past authentication (here to the body check)', async () => {
    const r = await call(`Bearer ${await client.token(endpoint)}`);
    expect(r.status).toBe(400);
  });

  test('without a token is refused with 401 and a reason', async () => {
    const r = await call();
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ statusCode: 401, message: 'missing bearer token' });
  });

  test.each([
    ['signed by a key the client did not publish', async () => client.token(endpoint, {}, client.strangerKey), "signature does not verify with the client's keys"],
    ['from an issuer not on the allow-list', async () => client.token(endpoint, { iss: 'https://evil.example.org' }), 'issuer not allowed'],
    ['for another endpoint (aud)', async () => client.token(`${server.url}/cds-services/allpath-order-sign`), 'audience is not this service endpoint'],
    ['expired', async () => client.token(endpoint, { iat: Math.floor(Date.now() / 1000) - 900, exp: Math.floor(Date.now() / 1000) - 600 }), 'token expired'],
    ['without exp', async () => client.token(endpoint, { exp: undefined }), 'token lacks the "exp" claim'],
    ['without jti', async () => client.token(endpoint, { jti: undefined }), 'token lacks the "jti" claim'],
    ['living for a day', async () => client.token(endpoint, { exp: Math.floor(Date.now() / 1000) + 86_400 }), 'token lives too long (exp more than 3600 s ahead)'],
    ['that is not a JWT', async () => 'garbage-token-xyz', 'malformed token'],
  ])('with a token %s is refused with 401', async (_what, make, reason) => {
    const token = await make();
    const r = await call(`Bearer ${token}`);
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ message: reason });
    // Nothing of the token comes back.
    expect(JSON.stringify(r.body)).not.toContain(token.split('.')[1] ?? token);
  });

  test('with a replayed token (same jti) is refused the second time', async () => {
    const token = await client.token(endpoint);
    expect((await call(`Bearer ${token}`)).status).toBe(400);
    const again = await call(`Bearer ${token}`);
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ message: 'token replayed (jti already used)' });
  });

  test('401 names the scheme in WWW-Authenticate', async () => {
    const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  test('is authenticated before its body is read: an unauthenticated malformed body is 401, not 400', async () => {
    const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hook":' });
    expect(res.status).toBe(401);
  });

  test('to feedback accepts a token for the feedback URL', async () => {
    const url = `${endpoint}/feedback`;
    const r = await send(url, { body: { feedback: [] }, headers: { authorization: `Bearer ${await client.token(url)}` } });
    expect(r.status).toBe(200);
  });

  test('to feedback without a token is refused', async () => {
    expect((await send(`${endpoint}/feedback`, { body: { feedback: [] } })).status).toBe(401);
  });
});

describe('discovery', () => {
  test('needs no token', async () => {
    const r = await send(`${server.url}/cds-services`);
    expect(r.status).toBe(200);
  });
});

describe('browser-based clients (CORS)', () => {
  test('a preflight needs no token and allows POST with Authorization', async () => {
    const res = await fetch(endpoint, { method: 'OPTIONS', headers: { origin: 'https://sandbox.cds-hooks.org', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  test('answers, refusals included, are readable from another origin', async () => {
    const res = await fetch(endpoint, { method: 'POST', headers: { origin: 'https://sandbox.cds-hooks.org', 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('with --public-url', () => {
  let behindProxy: Running;
  const publicUrl = 'https://allpath.example.org';
  beforeAll(async () => {
    behindProxy = await listen({ auth: { mode: 'jwt', jwks: client.jwksPath, issuers: [ISSUER] }, publicUrl });
  }, SETUP_TIMEOUT);
  afterAll(async () => behindProxy.close());

  test('aud must be the public URL of the endpoint, not the address the server listens on', async () => {
    const path = '/cds-services/allpath-patient-view';
    const local = await send(`${behindProxy.url}${path}`, { body, headers: { authorization: `Bearer ${await client.token(`${behindProxy.url}${path}`)}` } });
    expect(local.status).toBe(401);
    const pub = await send(`${behindProxy.url}${path}`, { body, headers: { authorization: `Bearer ${await client.token(`${publicUrl}${path}`)}` } });
    expect(pub.status).toBe(400);
  });
});

describe('a JWK Set served over HTTP', () => {
  test('is fetched from the URL given as jwks', async () => {
    const { createServer } = await import('node:http');
    const jwksServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(client.jwks)));
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as { port: number };
    const remote = await listen({ auth: { mode: 'jwt', jwks: `http://127.0.0.1:${port}/jwks.json`, issuers: [ISSUER] } });
    try {
      const url = `${remote.url}/cds-services/allpath-patient-view`;
      expect((await send(url, { body, headers: { authorization: `Bearer ${await client.token(url)}` } })).status).toBe(400);
      expect((await send(url, { body, headers: { authorization: `Bearer ${await client.token(url, {}, client.strangerKey)}` } })).status).toBe(401);
    } finally {
      await remote.close();
      jwksServer.close();
    }
  });
});
