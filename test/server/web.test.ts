/**
 * The web app's files: index.html at /, hashed files under /assets/, both without signing in and
 * with a strict content security policy; nothing else is served, so /api and unknown paths answer
 * as before. The cited documents' titles at /api/sources, for signed-in users.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SOURCES } from '../../src/index.js';
import { authAs, listen, send, type RunningRegistry, SETUP_TIMEOUT } from './helpers.js';

const PAGE = '<!doctype html><title>allpath</title><script type="module" src="/assets/app-1a2b.js"></script>';
const SCRIPT = 'console.log("allpath");';

function builtApp(): string {
  const root = mkdtempSync(join(tmpdir(), 'allpath-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), PAGE);
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), SCRIPT);
  writeFileSync(join(root, 'assets', '.hidden'), 'secret');
  return root;
}

let server: RunningRegistry;
let unbuilt: RunningRegistry;

beforeAll(async () => {
  server = await listen({ auth: { mode: 'off' }, webRoot: builtApp() });
  unbuilt = await listen({ auth: { mode: 'off' }, webRoot: join(tmpdir(), 'allpath-web-not-built-here') });
}, SETUP_TIMEOUT);
afterAll(async () => {
  await server.close();
  await unbuilt.close();
});

describe('the page at /', () => {
  test('is index.html, without signing in, not cached, same-origin scripts only, not framed', async () => {
    const r = await send(`${server.url}/`);
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^text\/html/);
    expect(r.body).toBe(PAGE);
    expect(r.headers.get('cache-control')).toBe('no-cache');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('says the app is not built, when it is not (404, JSON)', async () => {
    const r = await send(`${unbuilt.url}/`);
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ statusCode: 404, message: expect.stringContaining('npm run build') });
  });
});

describe('files under /assets/', () => {
  test('are served without signing in, cached for good (their names carry their hash)', async () => {
    const r = await send(`${server.url}/assets/app-1a2b.js`);
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/javascript/);
    expect(r.body).toBe(SCRIPT);
    expect(r.headers.get('cache-control')).toMatch(/immutable/);
  });

  test('a missing file or a dot file is 404; a path out of the folder is refused', async () => {
    for (const path of ['/assets/nothing.js', '/assets/.hidden']) {
      expect((await send(`${server.url}${path}`)).status, path).toBe(404);
    }
    for (const path of ['/assets/..%2findex.html', '/assets/..%2f..%2fpackage.json', '/assets/../../package.json']) {
      const r = await send(`${server.url}${path}`);
      expect([403, 404], path).toContain(r.status);
      expect(JSON.stringify(r.body), path).not.toMatch(/doctype|"name"/);
    }
  });
});

describe('everything else', () => {
  test('/api still needs signing in, and unknown paths are still 404 JSON', async () => {
    expect((await send(`${server.url}/api/cases`)).status).toBe(401);
    const r = await send(`${server.url}/index.html`);
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});

describe('GET /api/sources', () => {
  test('names every cited document with its title, publisher and URL, for a signed-in user', async () => {
    const r = await send(`${server.url}/api/sources`, { headers: authAs('viewer') });
    expect(r.status).toBe(200);
    const body = r.body as Record<string, { title: string; url: string | null }>;
    expect(Object.keys(body).sort()).toEqual(Object.keys(SOURCES).sort());
    expect(body['pdq-adult-all-treatment-hp']?.title).toBe(SOURCES['pdq-adult-all-treatment-hp'].title);
  });

  test('is 401 without signing in', async () => {
    expect((await send(`${server.url}/api/sources`)).status).toBe(401);
  });
});
