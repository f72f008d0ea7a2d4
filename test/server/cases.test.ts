/**
 * The case registry over HTTP, on both backends (PGlite in memory; PostgreSQL in a throwaway
 * database): create → read → update → versions → stored evaluations, filters, the error paths,
 * and an audit entry for every read and write naming the user and the request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluate, KNOWLEDGE_VERSION, type Case, type Evaluation } from '../../src/index.js';
import { demoCases } from '../../src/demo/index.js';
import { openStore, type AuditEntry, type CaseSummary, type CaseVersion, type Role, type Store } from '../../src/store/index.js';
import { addTestUsers, authAs, EXAMPLES, FIXTURES, listen, readJson, send, type RunningRegistry, type Sent, SETUP_TIMEOUT } from './helpers.js';
import { throwawayDatabase, type Throwaway } from './postgres.js';

const phPositive = JSON.parse(readFileSync(join(EXAMPLES, 'ph-positive-b-all.json'), 'utf8')) as Case;
const bundle = readJson(join(FIXTURES, 'ph-positive-b-all.bundle.json'));

interface Backend {
  readonly name: string;
  readonly open: () => Promise<{ store: Store; dispose: () => Promise<void> }>;
}

const BACKENDS: readonly Backend[] = [
  { name: 'PGlite', open: async () => { const store = await openStore({ dataDir: 'memory://' }); return { store, dispose: () => store.close() }; } },
  {
    name: 'PostgreSQL',
    open: async () => {
      const db: Throwaway = await throwawayDatabase('allpath_server');
      const store = await openStore({ databaseUrl: db.url });
      return { store, dispose: async () => { await store.close(); await db.drop(); } };
    },
  },
];

describe.each(BACKENDS)('the case registry on $name', (backend) => {
  let server: RunningRegistry;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    await addTestUsers(opened.store);
    server = await listen({ auth: { mode: 'off' }, store: opened.store });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await server.close();
    await dispose();
  });

  const api = (path: string) => `${server.url}/api${path}`;
  const as = (role: Role, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    ({ ...init, headers: { ...authAs(role), ...init.headers } });
  const requestId = (r: Sent) => r.headers.get('x-request-id') ?? '';
  /** Audit entries for a case, oldest first. */
  const auditOf = async (caseId: string): Promise<AuditEntry[]> => {
    const r = await send(api(`/audit?caseId=${encodeURIComponent(caseId)}`), as('admin'));
    expect(r.status).toBe(200);
    return [...(r.body as { entries: AuditEntry[] }).entries].reverse();
  };

  describe('create, read, update', () => {
    const id = 'registry-ph-positive';
    const v1: Case = { ...phPositive, id };
    const v2: Case = { ...v1, performance: { ecog: 2 } };
    const calls: { action: string; requestId: string }[] = [];

    test('POST /api/cases stores version 1 with its evaluation: 201, Location, the evaluation', async () => {
      const r = await send(api('/cases'), as('clinician', { body: v1 }));
      expect(r.status).toBe(201);
      expect(r.headers.get('location')).toBe(`/api/cases/${id}`);
      const body = r.body as { case: CaseVersion; evaluation: Evaluation };
      expect(body.case).toMatchObject({ caseId: id, version: 1, author: 'clinician', synthetic: false, case: v1 });
      expect(body.evaluation).toEqual(evaluate(v1));
      calls.push({ action: 'create', requestId: requestId(r) });
    });

    test('a second POST with the same id is 409, and changes nothing', async () => {
      const r = await send(api('/cases'), as('clinician', { body: v2 }));
      expect(r.status).toBe(409);
      const latest = await send(api(`/cases/${id}`), as('viewer'));
      expect((latest.body as CaseVersion).version).toBe(1);
      calls.push({ action: 'read', requestId: requestId(latest) });
    });

    test('PUT /api/cases/:id stores version 2', async () => {
      const r = await send(api(`/cases/${id}`), as('clinician', { method: 'PUT', body: v2 }));
      expect(r.status).toBe(200);
      expect((r.body as { case: CaseVersion }).case).toMatchObject({ caseId: id, version: 2, case: v2 });
      calls.push({ action: 'update', requestId: requestId(r) });
    });

    test('GET /api/cases/:id is the latest version; ?version=1 the first', async () => {
      const latest = await send(api(`/cases/${id}`), as('viewer'));
      expect(latest.body).toMatchObject({ version: 2, case: v2 });
      const first = await send(api(`/cases/${id}?version=1`), as('viewer'));
      expect(first.body).toMatchObject({ version: 1, case: v1 });
      calls.push({ action: 'read', requestId: requestId(latest) }, { action: 'read', requestId: requestId(first) });
    });

    test('GET /api/cases/:id/versions lists versions 1 and 2, oldest first', async () => {
      const r = await send(api(`/cases/${id}/versions`), as('viewer'));
      expect(r.status).toBe(200);
      const { versions } = r.body as { versions: CaseVersion[] };
      expect(versions.map((v) => [v.version, v.case.performance?.ecog])).toEqual([[1, phPositive.performance?.ecog], [2, 2]]);
      calls.push({ action: 'read', requestId: requestId(r) });
    });

    test('GET /api/cases/:id/evaluation is the stored evaluation of the latest version, with the knowledge version', async () => {
      const r = await send(api(`/cases/${id}/evaluation`), as('viewer'));
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ caseId: id, caseVersion: 2, knowledgeVersion: KNOWLEDGE_VERSION, evaluation: evaluate(v2) });
      const first = await send(api(`/cases/${id}/evaluation?version=1`), as('viewer'));
      expect(first.body).toMatchObject({ caseVersion: 1, evaluation: evaluate(v1) });
      calls.push({ action: 'read', requestId: requestId(r) }, { action: 'read', requestId: requestId(first) });
    });

    test('every read and write is audited with the user and the request id, in order', async () => {
      const entries = await auditOf(id);
      expect(entries.map((e) => ({ action: e.action, requestId: e.requestId }))).toEqual(calls);
      for (const e of entries) {
        const role = e.action === 'read' ? 'viewer' : 'clinician';
        expect([e.actor, e.userId]).toEqual([role, expect.any(String)]);
      }
      expect(new Set(calls.map((c) => c.requestId)).size).toBe(calls.length);
    });

    test('an API token names its user: the audit says admin for an admin\'s read', async () => {
      const r = await send(api(`/cases/${id}`), as('admin'));
      const last = (await auditOf(id)).at(-1);
      expect(last).toMatchObject({ action: 'read', actor: 'admin', requestId: requestId(r) });
    });
  });

  describe('refusals', () => {
    test('a case that breaks the contract is 400 with every issue, and nothing is stored', async () => {
      const r = await send(api('/cases'), as('clinician', { body: { ...phPositive, id: 'broken', genetcs: [], patient: { ageYears: 47, sex: 'F' } } }));
      expect(r.status).toBe(400);
      expect((r.body as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['genetcs', 'patient.sex']));
      expect((await send(api('/cases/broken'), as('viewer'))).status).toBe(404);
    });

    test('a FHIR Bundle that cannot become a case is 400 with an OperationOutcome', async () => {
      const noPatient = { ...bundle, entry: (bundle['entry'] as { resource: { resourceType: string } }[]).filter((e) => e.resource.resourceType !== 'Patient') };
      const r = await send(api('/cases?asOf=2026-03-01'), as('clinician', { body: noPatient }));
      expect(r.status).toBe(400);
      expect(r.contentType).toMatch(/^application\/fhir\+json/);
      expect(r.body).toMatchObject({ resourceType: 'OperationOutcome' });
    });

    test('a FHIR Bundle is stored under its Patient\'s id, evaluated for ?asOf, with the ingest report', async () => {
      const r = await send(api('/cases?asOf=2026-03-01'), as('clinician', { body: bundle, headers: { 'content-type': 'application/fhir+json' } }));
      expect(r.status).toBe(201);
      const body = r.body as { case: CaseVersion; evaluation: Evaluation };
      expect([body.case.caseId, body.case.case.asOf, body.evaluation.ingest?.source]).toEqual(['allpath-demo-1', '2026-03-01', 'fhir-bundle']);
      const stored = await send(api('/cases/allpath-demo-1/evaluation'), as('viewer'));
      expect((stored.body as { evaluation: Evaluation }).evaluation.ingest?.source).toBe('fhir-bundle');
    });

    test('PUT of a case that does not exist is 404', async () => {
      const r = await send(api('/cases/nobody'), as('clinician', { method: 'PUT', body: { ...phPositive, id: 'nobody' } }));
      expect(r.status).toBe(404);
    });

    test('PUT whose body names another case is 400 at path id, and stores nothing', async () => {
      const r = await send(api('/cases/registry-ph-positive'), as('clinician', { method: 'PUT', body: { ...phPositive, id: 'someone-else' } }));
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ issues: [{ code: 'id_mismatch', path: 'id' }] });
      expect(((await send(api('/cases/registry-ph-positive'), as('viewer'))).body as CaseVersion).version).toBe(2);
    });

    test('reads of a case or a version that does not exist are 404', async () => {
      for (const path of ['/cases/nobody', '/cases/nobody/versions', '/cases/nobody/evaluation', '/cases/registry-ph-positive?version=9', '/cases/registry-ph-positive/evaluation?version=9']) {
        expect([path, (await send(api(path), as('viewer'))).status]).toEqual([path, 404]);
      }
    });

    test('a version that is not a positive whole number is 400', async () => {
      expect((await send(api('/cases/registry-ph-positive?version=0'), as('viewer'))).status).toBe(400);
      expect((await send(api('/cases/registry-ph-positive?version=two'), as('viewer'))).status).toBe(400);
    });
  });

  describe('GET /api/cases filters', () => {
    const cohort = demoCases(24, 11);
    const evaluations = new Map(cohort.map((c) => [c.id, evaluate(c)]));
    const expectIds = (pick: (e: Evaluation) => boolean) => cohort.filter((c) => pick(evaluations.get(c.id) as Evaluation)).map((c) => c.id).sort();
    const list = async (query: string) => {
      const r = await send(api(`/cases?${query}&limit=500`), as('viewer'));
      expect(r.status).toBe(200);
      const body = r.body as { total: number; cases: CaseSummary[] };
      return { total: body.total, ids: body.cases.map((c) => c.caseId).filter((i) => evaluations.has(i)).sort(), cases: body.cases };
    };

    beforeAll(async () => {
      for (const c of cohort) expect((await send(api('/cases'), as('clinician', { body: c }))).status).toBe(201);
    }, SETUP_TIMEOUT);

    test('status, subtype, ph, phase and critical=true each select what the stored evaluations say', async () => {
      const one = <T>(values: T[]) => values.find((v) => v !== null && v !== undefined);
      const status = one(cohort.map((c) => evaluations.get(c.id)?.status)) ?? 'untreated';
      const subtype = one(cohort.map((c) => evaluations.get(c.id)?.diagnosis.subtype)) ?? 'precursor-B';
      const phase = one(cohort.map((c) => evaluations.get(c.id)?.phase)) ?? 'induction';
      expect((await list(`status=${status}`)).ids).toEqual(expectIds((e) => e.status === status));
      expect((await list(`subtype=${subtype}`)).ids).toEqual(expectIds((e) => e.diagnosis.subtype === subtype));
      expect((await list('ph=positive')).ids).toEqual(expectIds((e) => e.diagnosis.philadelphia === 'positive'));
      expect((await list(`phase=${phase}`)).ids).toEqual(expectIds((e) => e.phase === phase));
      const critical = await list('critical=true');
      expect(critical.ids).toEqual(expectIds((e) => e.alerts.some((a) => a.severity === 'critical')));
      expect(critical.cases.every((c) => c.criticalAlerts > 0)).toBe(true);
    });

    test('the filters are not vacuous: the cohort has cases on both sides of each', () => {
      expect(expectIds((e) => e.diagnosis.philadelphia === 'positive').length).toBeGreaterThan(0);
      expect(expectIds((e) => e.diagnosis.philadelphia !== 'positive').length).toBeGreaterThan(0);
    });

    test('q finds case ids containing the text, case-insensitively', async () => {
      const id = cohort[3]?.id ?? '';
      expect((await list(`q=${id.toUpperCase()}`)).ids).toEqual(cohort.filter((c) => c.id.includes(id)).map((c) => c.id).sort());
    });

    test('limit and offset page through the list; total counts every match', async () => {
      const all = await send(api('/cases?limit=500'), as('viewer'));
      const everything = (all.body as { total: number; cases: CaseSummary[] });
      expect(everything.total).toBe(everything.cases.length);
      const page = await send(api('/cases?limit=5&offset=5'), as('viewer'));
      const body = page.body as { total: number; cases: CaseSummary[] };
      expect(body.total).toBe(everything.total);
      expect(body.cases.map((c) => c.caseId)).toEqual(everything.cases.slice(5, 10).map((c) => c.caseId));
    });

    test('an unknown filter value is 400 naming the parameter', async () => {
      const r = await send(api('/cases?status=cured&ph=maybe'), as('viewer'));
      expect(r.status).toBe(400);
      expect((r.body as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(['?ph', '?status']);
    });

    test('a list is audited as one read', async () => {
      const r = await send(api('/cases?ph=positive'), as('viewer'));
      const log = await send(api('/audit?action=read&limit=5'), as('admin'));
      const entries = (log.body as { entries: AuditEntry[] }).entries;
      expect(entries.filter((e) => e.requestId === requestId(r))).toMatchObject([{ action: 'read', actor: 'viewer', caseId: null }]);
    });
  });
});
