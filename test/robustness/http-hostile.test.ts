/**
 * Hostile HTTP clients against a server in its own process (hostile-server.ts, as `allpath serve`
 * builds it, with short timeouts): malformed JSON, oversized bodies, deep nesting, wrong content
 * types, slowloris headers, a stalled body, a client that hangs up mid-body. Each gets a 4xx or
 * has its connection closed, and after each the process is still running and answers
 * /api/health.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer, DEFAULT_BODY_LIMIT, DEFAULT_TIMEOUTS, type Timeouts } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { authAs, SETUP_TIMEOUT } from '../server/helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Short, so that the timeout tests take seconds; the defaults are 10 s, 30 s, 60 s and 5 s. */
const TIMEOUTS: Timeouts = { headersMs: 1_000, requestMs: 2_000, idleMs: 4_000, keepAliveMs: 1_000 };
const AUTH = authAs('viewer');

let child: ChildProcess;
let url: string;
let port: number;
let stderr = '';

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'test/robustness/hostile-server.ts', JSON.stringify(TIMEOUTS)], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' },
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (found !== undefined) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${String(code)}) before listening:\n${stderr}`)));
  });
  port = Number(new URL(url).port);
}, SETUP_TIMEOUT);

afterAll(async () => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
});

/** The server process is still running and answers its health check. */
async function stillServing(): Promise<void> {
  expect({ exitCode: child.exitCode, signal: child.signalCode, stderr }).toEqual({ exitCode: null, signal: null, stderr: '' });
  const res = await fetch(`${url}/api/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok' });
}

async function post(body: string, contentType = 'application/json', path = '/api/evaluate') {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { ...AUTH, 'content-type': contentType }, body });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: JSON.parse(text) as Record<string, unknown> };
}

/** A raw connection: what it received, the error that ended it (ECONNRESET, EPIPE), and when it closed. */
interface Raw {
  readonly socket: Socket;
  readonly received: () => string;
  readonly error: () => string | undefined;
  readonly closed: Promise<void>;
}

async function raw(): Promise<Raw> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let data = '';
  let error: string | undefined;
  socket.setEncoding('latin1').on('data', (d: string) => (data += d));
  socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, received: () => data, error: () => error, closed };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const headerLines = (lines: readonly string[]) => `${lines.join('\r\n')}\r\n\r\n`;
const requestHead = (extra: readonly string[]) => headerLines([
  'POST /api/evaluate HTTP/1.1', `Host: 127.0.0.1:${port}`, `Authorization: ${AUTH['authorization'] ?? ''}`, 'Content-Type: application/json', ...extra,
]);

describe('malformed and hostile bodies get a 4xx', () => {
  test('malformed JSON is 400, with a fixed sentence that quotes nothing of the body', async () => {
    const r = await post('{"id": "secret-patient-name", "asOf": ');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The body is not valid JSON.' });
    await stillServing();
  });

  test('malformed JSON sent as FHIR is 400 with an OperationOutcome', async () => {
    const r = await post('{"resourceType": "Bundle", ', 'application/fhir+json');
    expect([r.status, r.contentType]).toEqual([400, 'application/fhir+json; charset=utf-8']);
    expect(r.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'structure' }] });
    await stillServing();
  });

  test('valid JSON with a "__proto__" key is 400 saying so, not "not valid JSON"', async () => {
    const r = await post('{"id":"p","asOf":"2026-03-02","patient":{"ageYears":40,"sex":"male","__proto__":{"admin":true}}}');
    expect(r.status).toBe(400);
    expect(r.body['message']).toBe('The body holds a "__proto__" key (or "constructor" with "prototype"), which is refused.');
    // Twin: the same case without the key is evaluated.
    expect((await post('{"id":"p","asOf":"2026-03-02","patient":{"ageYears":40,"sex":"male"}}')).status).toBe(200);
    await stillServing();
  });

  test('a body that is not JSON (text/plain, a form) is 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const r = await post('{"id": "x"}', type);
      expect([type, r.status]).toEqual([type, 415]);
      expect(r.body['message']).toBe('Unsupported content type: send application/json or application/fhir+json.');
    }
    await stillServing();
  });

  test('100,000 nested [ is 400 naming the root, not a crash', async () => {
    const r = await post(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ issues: [{ code: 'invalid_type', path: '(root)', expected: 'an object', found: 'an array', message: '(root): expected an object, found an array' }] });
    await stillServing();
  });

  test('100,000 nested objects under an unknown key are 400 naming the key', async () => {
    const r = await post(`{"id":"deep","asOf":"2026-03-02","patient":{"ageYears":40,"sex":"male"},"x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ issues: [{ code: 'unknown_field', path: 'x', message: 'x: unknown field' }] });
    await stillServing();
  });

  test('100,000 unclosed [ is 400 (not JSON)', async () => {
    const r = await post('['.repeat(100_000));
    expect([r.status, r.body['message']]).toEqual([400, 'The body is not valid JSON.']);
    await stillServing();
  });

  test('a FHIR Bundle nested 20,000 Bundles deep is 400 with an OperationOutcome, not a stack overflow', async () => {
    let bundle = '{"resourceType":"Patient","id":"p","birthDate":"1980-01-01"}';
    for (let d = 0; d < 20_000; d += 1) bundle = `{"resourceType":"Bundle","entry":[{"resource":${bundle}}]}`;
    const r = await post(bundle, 'application/fhir+json', '/api/evaluate?asOf=2026-03-02');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ expression: ['Patient.birthDate'] }] });
    await stillServing();
  });
});

describe('bodies over the limit', () => {
  test(`a declared Content-Length over ${DEFAULT_BODY_LIMIT} bytes is 413 before any of the body is sent`, async () => {
    const c = await raw();
    c.socket.write(requestHead([`Content-Length: ${DEFAULT_BODY_LIMIT + 1}`]));
    await c.closed;
    expect(c.received()).toMatch(/^HTTP\/1\.1 413 /);
    await stillServing();
  });

  test('a chunked body that never ends is cut off (413) once past the limit: the server does not keep reading', async () => {
    const c = await raw();
    c.socket.write(requestHead(['Transfer-Encoding: chunked']));
    const chunk = `${(64 * 1024).toString(16)}\r\n${'['.repeat(64 * 1024)}\r\n`;
    let sent = 0;
    // Up to 10 times the limit; the answer must come long before.
    while (c.received() === '' && !c.socket.destroyed && sent < 10 * DEFAULT_BODY_LIMIT) {
      if (!c.socket.write(chunk)) await Promise.race([new Promise((r) => c.socket.once('drain', r)), c.closed]);
      sent += 64 * 1024;
    }
    await c.closed;
    // The server answers 413 and closes; while we are still writing, its close may reach us as a
    // reset (ECONNRESET, EPIPE) before the answer does. Either way it stopped reading early.
    expect(c.received() === '' ? c.error() : c.received().slice(0, 12)).toMatch(/^(HTTP\/1\.1 413|ECONNRESET|EPIPE)$/);
    // The limit plus what the socket buffers on both sides hold (about 8 MB in all on loopback), far from 50 MB.
    expect(sent).toBeLessThan(4 * DEFAULT_BODY_LIMIT);
    await stillServing();
  });
});

describe('slow and vanishing clients', () => {
  test('headers sent byte by byte (slowloris) are cut off by the header timeout, while others are served', async () => {
    const c = await raw();
    const head = requestHead(['Content-Length: 2', 'X-Slow: '.padEnd(2_000, 'x')]);
    let i = 0;
    const drip = setInterval(() => {
      if (c.socket.destroyed || i >= head.length) return;
      c.socket.write(head[i] ?? '');
      i += 1;
    }, 20);
    // Meanwhile another client is served.
    await pause(300);
    await stillServing();
    await c.closed;
    clearInterval(drip);
    expect(i).toBeLessThan(head.length);
    expect(c.received()).toMatch(/^(HTTP\/1\.1 408 |$)/);
    await stillServing();
  });

  test('a body that stalls is answered 408 and the connection closed, while others are served', async () => {
    const c = await raw();
    c.socket.write(`${requestHead(['Content-Length: 1000'])}{"id": "stal`);
    await pause(300);
    await stillServing();
    await c.closed;
    expect(c.received()).toMatch(/^HTTP\/1\.1 408 /);
    await stillServing();
  });

  test('a client that hangs up in the middle of its body leaves the server serving', async () => {
    for (let n = 0; n < 20; n += 1) {
      const c = await raw();
      c.socket.write(`${requestHead(['Content-Length: 100000'])}{"id": "gone", "labs": [`);
      c.socket.destroy();
      await c.closed;
    }
    await stillServing();
    // And a whole request afterwards is answered as usual.
    const r = await post('{"id":"after","asOf":"2026-03-02","patient":{"ageYears":40,"sex":"male"}}');
    expect([r.status, r.body['caseId']]).toEqual([200, 'after']);
  });

  test('a connection that opens and says nothing is closed by the header timeout', async () => {
    const c = await raw();
    await c.closed;
    expect(c.received()).toMatch(/^(HTTP\/1\.1 408 |$)/);
    await stillServing();
  });
});

describe('the limits a server gets without options', () => {
  test('headers within 10 s, the whole request within 30 s, idle connections closed after 60 s', async () => {
    const app = buildServer({ store: {} as Store, auth: { mode: 'off' } });
    const { headersTimeout, requestTimeout, keepAliveTimeout } = app.server;
    expect({ headersTimeout, requestTimeout, keepAliveTimeout, idle: app.initialConfig.connectionTimeout }).toEqual({
      headersTimeout: DEFAULT_TIMEOUTS.headersMs, requestTimeout: DEFAULT_TIMEOUTS.requestMs, keepAliveTimeout: DEFAULT_TIMEOUTS.keepAliveMs, idle: DEFAULT_TIMEOUTS.idleMs,
    });
    expect([headersTimeout, requestTimeout]).toEqual([10_000, 30_000]);
    await app.close();
  });
});
