/** The REST API (/api) against a real listening server. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Evaluation } from '../../src/contract/index.js';
import { DEFAULT_BODY_LIMIT } from '../../src/server/index.js';
import { authAs, EXAMPLES, FIXTURES, listen, readJson, send as sendRaw, type Running, SETUP_TIMEOUT } from './helpers.js';

/** Every /api route but health, login and the API document needs a user: here, a clinician's API token. */
const send: typeof sendRaw = (url, init = {}) => sendRaw(url, { ...init, headers: { ...authAs('clinician'), ...init.headers } });

const PH_POSITIVE = readFileSync(join(EXAMPLES, 'ph-positive-b-all.json'), 'utf8');
const phPositive = JSON.parse(PH_POSITIVE) as Record<string, unknown>;

let server: Running;
beforeAll(async () => {
  server = await listen({ auth: { mode: 'insecure-dev' } });
}, SETUP_TIMEOUT);
afterAll(async () => server.close());

const api = (path: string) => `${server.url}/api${path}`;

describe('GET /api/health', () => {
  test('answers ok with the package and knowledge versions', async () => {
    const r = await send(api('/health'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), knowledgeVersion: expect.any(String) });
  });
});

describe('POST /api/evaluate with a contract case', () => {
  test('returns the evaluation, valid against the Evaluation schema', async () => {
    const r = await send(api('/evaluate'), { body: PH_POSITIVE });
    expect(r.status).toBe(200);
    const e = Evaluation.parse(r.body);
    expect([e.caseId, e.diagnosis.philadelphia]).toEqual(['example-ph-positive-b-all', 'positive']);
    expect(e.recommendations.map((x) => x.action)).toContain('tki');
  });

  test('accepts application/fhir+json as JSON too', async () => {
    const r = await send(api('/evaluate'), { body: PH_POSITIVE, headers: { 'content-type': 'application/fhir+json' } });
    expect(r.status).toBe(200);
  });

  test('accepts ?asOf equal to the case\'s own asOf', async () => {
    expect((await send(api(`/evaluate?asOf=${String(phPositive['asOf'])}`), { body: PH_POSITIVE })).status).toBe(200);
  });

  test('refuses ?asOf that differs from the case\'s asOf (it would silently re-date the case)', async () => {
    const r = await send(api('/evaluate?asOf=2020-01-01'), { body: PH_POSITIVE });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ issues: [{ code: 'as_of_mismatch', path: 'asOf' }] });
  });

  test('?format=fhir returns the evaluation as a FHIR Bundle', async () => {
    const r = await send(api('/evaluate?format=fhir'), { body: PH_POSITIVE });
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^application\/fhir\+json/);
    expect(r.body).toMatchObject({ resourceType: 'Bundle' });
  });

  test('an invalid query is 400 with issues naming the parameters', async () => {
    const r = await send(api('/evaluate?asOf=tomorrow&format=xml'), { body: PH_POSITIVE });
    expect(r.status).toBe(400);
    expect((r.body as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['?asOf', '?format']);
  });
});

describe('POST /api/evaluate with a FHIR Bundle', () => {
  const bundle = readJson(join(FIXTURES, 'ph-positive-b-all.bundle.json'));

  test('evaluates it for ?asOf, with the ingest report', async () => {
    const r = await send(api('/evaluate?asOf=2026-03-01'), { body: bundle, headers: { 'content-type': 'application/fhir+json' } });
    expect(r.status).toBe(200);
    const e = Evaluation.parse(r.body);
    expect([e.asOf, e.diagnosis.subtype, e.diagnosis.philadelphia]).toEqual(['2026-03-01', 'precursor-B', 'positive']);
    expect(e.ingest).toMatchObject({ source: 'fhir-bundle', resources: 8, mapped: 8 });
  });

  test('is evaluated for today when ?asOf is absent', async () => {
    const clock = await listen({ auth: { mode: 'insecure-dev' }, now: () => new Date(2026, 5, 30, 12) });
    try {
      const r = await send(`${clock.url}/api/evaluate`, { body: bundle });
      expect(Evaluation.parse(r.body).asOf).toBe('2026-06-30');
    } finally {
      await clock.close();
    }
  });

  test('?format=fhir answers with the evaluation as a FHIR Bundle', async () => {
    const r = await send(api('/evaluate?asOf=2026-03-01&format=fhir'), { body: bundle });
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^application\/fhir\+json/);
    expect(r.body).toMatchObject({ resourceType: 'Bundle' });
  });

  test('a Bundle that cannot become a case is 400 with an OperationOutcome naming the element', async () => {
    const noPatient = { ...bundle, entry: (bundle['entry'] as { resource: { resourceType: string } }[]).filter((e) => e.resource.resourceType !== 'Patient') };
    const r = await send(api('/evaluate?asOf=2026-03-01'), { body: noPatient });
    expect(r.status).toBe(400);
    expect(r.contentType).toMatch(/^application\/fhir\+json/);
    expect(r.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', expression: ['Patient.birthDate'] }] });
  });
});

describe('POST /api/evaluate with invalid input', () => {
  test('a case breaking the contract is 400 with every issue and its JSON path', async () => {
    const broken = { ...phPositive, patient: { ageYears: 47, sex: 'F' }, genetcs: [] };
    const r = await send(api('/evaluate'), { body: broken });
    expect(r.status).toBe(400);
    const paths = (r.body as { issues: { path: string; message: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['patient.sex', 'genetcs']));
  });

  test('malformed JSON is 400 with a JSON error that does not quote the body', async () => {
    const r = await send(api('/evaluate'), { body: '{"id": "case-1", "patient": {"name": "Jane Doe"' });
    expect(r.status).toBe(400);
    expect(r.contentType).toMatch(/^application\/json/);
    expect(r.body).toMatchObject({ statusCode: 400, message: 'The body is not valid JSON.' });
    expect(JSON.stringify(r.body)).not.toContain('Jane');
  });

  test('malformed JSON sent as application/fhir+json is answered with an OperationOutcome', async () => {
    const r = await send(api('/evaluate'), { body: '{"resourceType": "Bundle",', headers: { 'content-type': 'application/fhir+json' } });
    expect(r.status).toBe(400);
    expect(r.contentType).toMatch(/^application\/fhir\+json/);
    expect(r.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error' }] });
  });

  test('an empty body is 400', async () => {
    expect((await send(api('/evaluate'), { body: '' })).status).toBe(400);
  });

  test(`a body over the limit (${DEFAULT_BODY_LIMIT} bytes) is 413`, async () => {
    const big = JSON.stringify({ ...phPositive, padding: 'x'.repeat(DEFAULT_BODY_LIMIT) });
    const r = await send(api('/evaluate'), { body: big });
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ statusCode: 413 });
  });

  test('a body that is not JSON is 415', async () => {
    const r = await send(api('/evaluate'), { body: 'id=1', headers: { 'content-type': 'text/plain' } });
    expect(r.status).toBe(415);
  });
});

describe('schemas and the API document', () => {
  test.each(['case', 'evaluation'])('GET /api/schema/%s is the JSON Schema the CLI prints', async (which) => {
    const r = await send(api(`/schema/${which}`));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ $id: `https://allpath.dev/schema/${which}.json`, type: 'object' });
  });

  test('GET /api/openapi.json is an OpenAPI 3.1 document of every route, with the contract schemas', async () => {
    const r = await send(api('/openapi.json'));
    expect(r.status).toBe(200);
    const doc = r.body as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/health', '/api/evaluate', '/api/schema/case', '/api/schema/evaluation',
      '/cds-services', '/cds-services/allpath-patient-view', '/cds-services/allpath-order-sign',
      '/cds-services/allpath-order-select', '/cds-services/allpath-patient-view/feedback',
    ]));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Case', 'Evaluation', 'Issue', 'CdsHooksRequest']));
  });

  test('GET /api/docs is the browsable page', async () => {
    const r = await send(api('/docs'));
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^text\/html/);
  });
});

describe('unknown routes', () => {
  test('are 404 with a JSON error', async () => {
    const r = await send(`${server.url}/nowhere`);
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});

describe('the log', () => {
  test('has method, route, status and duration of each request, and no body, query value or URL', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString()); done(); } });
    const logged = await listen({ auth: { mode: 'insecure-dev' }, logger: { level: 'info', stream } });
    try {
      const patient = { ...phPositive, id: 'case-SECRET-7731' };
      await send(`${logged.url}/api/evaluate?asOf=${String(phPositive['asOf'])}`, { body: patient });
      await send(`${logged.url}/api/evaluate`, { body: { ...patient, patient: { ageYears: 'SECRET-AGE' } } });
      await send(`${logged.url}/api/evaluate`, { body: '{"id":"SECRET-JSON"' });
      await send(`${logged.url}/nowhere?mrn=SECRET-MRN`);
    } finally {
      await logged.close();
    }
    const text = lines.join('');
    expect(text).not.toMatch(/SECRET|2026-03-02|nowhere/);
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l['msg'] === 'request');
    expect(requests.map((l) => [l['method'], l['route'], l['status']])).toEqual([
      ['POST', '/api/evaluate', 200], ['POST', '/api/evaluate', 400], ['POST', '/api/evaluate', 400], ['GET', '(no route)', 404],
    ]);
    for (const l of requests) expect(Object.keys(l).sort()).toEqual(['hostname', 'level', 'method', 'ms', 'msg', 'pid', 'reqId', 'route', 'status', 'time']);
  });
});
