/**
 * CDS Hooks 2.0 services against a real listening server, called as an EHR would: with a signed
 * JWT, prefetch built from a small FHIR record (test/fixtures/server), or no prefetch and a FHIR
 * server to fetch it from (a stub on another port).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Card, CardResponse, DiscoveryResponse } from '../../src/fhir/cds-hooks.js';
import { PREFETCH } from '../../src/server/index.js';
import { createStore, openPglite, type Database } from '../../src/store/index.js';
import {
  addTestUsers, authAs, cdsClient, FIXTURES, hookRequest, ISSUER, listen, readJson, send, stubFhirServer,
  type Client, type Running, type StubFhir, SETUP_TIMEOUT } from './helpers.js';

type Resource = Record<string, unknown>;

const record = readJson(join(FIXTURES, 'ph-positive-b-all.bundle.json'));
const PATIENT_ID = 'allpath-demo-1';
const resources = (record['entry'] as { resource: Resource }[]).map((e) => e.resource);

/** The record with BCR::ABL1 reported absent instead of present: the decisive fact flipped. */
const phNegative = resources.map((r): Resource => (r['id'] === 'bcr-abl1'
  ? { ...r, valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA9634-2', display: 'Absent' }] } }
  : r));

const searchset = (rs: readonly Resource[]) => ({ resourceType: 'Bundle', type: 'searchset', entry: rs.map((resource) => ({ resource })) });

/** The prefetch an EHR would send for the discovery templates. */
function prefetchFor(rs: readonly Resource[]): Record<string, unknown> {
  const ofType = (type: string) => searchset(rs.filter((r) => r['resourceType'] === type));
  return {
    patient: rs.find((r) => r['resourceType'] === 'Patient') ?? null,
    conditions: ofType('Condition'),
    observations: ofType('Observation'),
    medicationRequests: ofType('MedicationRequest'),
    medicationAdministrations: ofType('MedicationAdministration'),
    medicationStatements: ofType('MedicationStatement'),
    procedures: ofType('Procedure'),
  };
}

const imatinibOrder = (id: string): Resource => ({
  resourceType: 'MedicationRequest', id, status: 'draft', intent: 'order',
  medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '282388', display: 'imatinib' }] },
  subject: { reference: `Patient/${PATIENT_ID}` },
});
const acetaminophenOrder: Resource = {
  resourceType: 'MedicationRequest', id: 'rx-apap', status: 'draft', intent: 'order',
  medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '161', display: 'acetaminophen' }] },
  subject: { reference: `Patient/${PATIENT_ID}` },
};
const draftOrders = (...orders: Resource[]) => ({ resourceType: 'Bundle', type: 'collection', entry: orders.map((resource) => ({ resource })) });

let client: Client;
let server: Running;
/** The store's database, to read the feedback table (the Store interface only writes it). */
let db: Database;
const store = () => createStore(db);

beforeAll(async () => {
  client = await cdsClient();
  db = await openPglite('memory://');
  await store().migrate();
  await addTestUsers(store());
  server = await listen({ auth: { mode: 'jwt', jwks: client.jwksPath, issuers: [ISSUER] }, store: store() });
}, SETUP_TIMEOUT);
afterAll(async () => {
  await server.close();
  await db.close();
});

/** POST to a service with a valid token for its URL. */
async function callService(id: string, body: unknown) {
  const url = `${server.url}/cds-services/${id}`;
  return send(url, { body, headers: { authorization: `Bearer ${await client.token(url)}` } });
}

function cardsOf(body: unknown): Card[] {
  return CardResponse.parse(body).cards;
}

const mentionsTki = (c: Card) => /tyrosine kinase inhibitor|\bTKI\b|imatinib/i.test(`${c.summary}\n${c.detail ?? ''}`);

describe('discovery', () => {
  test('lists the three services with their hooks and the prefetch templates', async () => {
    const r = await send(`${server.url}/cds-services`);
    expect(r.status).toBe(200);
    const { services } = DiscoveryResponse.parse(r.body);
    expect(services.map((s) => [s.id, s.hook])).toEqual([
      ['allpath-patient-view', 'patient-view'], ['allpath-order-sign', 'order-sign'], ['allpath-order-select', 'order-select'],
    ]);
    for (const s of services) {
      expect(s.prefetch).toMatchObject({
        patient: 'Patient/{{context.patientId}}',
        conditions: 'Condition?patient={{context.patientId}}',
        observations: 'Observation?patient={{context.patientId}}',
      });
      expect(Object.keys(s.prefetch ?? {})).toEqual(Object.keys(PREFETCH));
    }
  });
});

describe('patient-view', () => {
  test('a Ph-positive B-ALL record gets valid cards, one of them offering a TKI', async () => {
    const r = await callService('allpath-patient-view', hookRequest('patient-view', { patientId: PATIENT_ID }, { prefetch: prefetchFor(resources) }));
    expect(r.status).toBe(200);
    const cards = cardsOf(r.body);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.some(mentionsTki)).toBe(true);
  });

  test('the README\'s example request (patient-view.request.json) gets a TKI card', async () => {
    const r = await callService('allpath-patient-view', readJson(join(FIXTURES, 'patient-view.request.json')));
    expect(r.status).toBe(200);
    expect(cardsOf(r.body).some(mentionsTki)).toBe(true);
  });

  test('twin: the same record with BCR::ABL1 absent gets no TKI card', async () => {
    const r = await callService('allpath-patient-view', hookRequest('patient-view', { patientId: PATIENT_ID }, { prefetch: prefetchFor(phNegative) }));
    expect(r.status).toBe(200);
    const cards = cardsOf(r.body);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.some(mentionsTki)).toBe(false);
  });

  test('cards link to the registry\'s case once the patient id names a stored case, and the lookup is audited', async () => {
    const call = () => callService('allpath-patient-view', hookRequest('patient-view', { patientId: PATIENT_ID }, { prefetch: prefetchFor(resources) }));
    const before = cardsOf((await call()).body);
    expect(before.every((c) => c.links === undefined)).toBe(true);

    const created = await send(`${server.url}/api/cases?asOf=2026-03-01`, { body: record, headers: { ...authAs('clinician'), 'content-type': 'application/fhir+json' } });
    expect([created.status, (created.body as { case: { caseId: string } }).case.caseId]).toEqual([201, PATIENT_ID]);

    const after = cardsOf((await call()).body);
    expect(after.length).toBeGreaterThan(0);
    for (const card of after) expect(card.links).toEqual([{ label: 'Open the case in allpath', url: `${server.url}/#/cases/${PATIENT_ID}`, type: 'absolute' }]);
    const audit = await store().auditLog({ caseId: PATIENT_ID, action: 'read' });
    expect(audit.map((e) => e.actor)).toContain(`cds-hooks ${ISSUER}`);
  });

  test('missing prefetch and no fhirServer is 412, naming the missing keys', async () => {
    const { observations: _o, procedures: _p, ...partial } = prefetchFor(resources);
    const r = await callService('allpath-patient-view', hookRequest('patient-view', { patientId: PATIENT_ID }, { prefetch: partial }));
    expect(r.status).toBe(412);
    expect(r.body).toMatchObject({ statusCode: 412, missingPrefetch: ['observations', 'procedures'] });
    expect((r.body as { message: string }).message).toContain('observations, procedures');
  });

  test('a record without a Patient cannot become a case: 422 with the issues', async () => {
    const r = await callService('allpath-patient-view', hookRequest('patient-view', { patientId: PATIENT_ID }, { prefetch: { ...prefetchFor(resources), patient: null } }));
    expect(r.status).toBe(422);
    expect((r.body as { issues: { path: string }[] }).issues[0]?.path).toBe('Patient.birthDate');
  });

  test('a request for another hook is 400', async () => {
    const r = await callService('allpath-patient-view', hookRequest('order-sign', { patientId: PATIENT_ID, draftOrders: draftOrders() }));
    expect(r.status).toBe(400);
  });

  test('a request that breaks CDS Hooks is 400 with issues and their paths', async () => {
    const r = await callService('allpath-patient-view', { hook: 'patient-view', hookInstance: 'not-a-uuid', context: {} });
    expect(r.status).toBe(400);
    const paths = (r.body as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['hookInstance', 'context.patientId']));
  });
});

describe('patient-view with prefetch fetched from the EHR\'s FHIR server', () => {
  let fhir: StubFhir;
  beforeAll(async () => {
    fhir = await stubFhirServer(resources, 2);
  }, SETUP_TIMEOUT);
  afterAll(async () => fhir.close());

  test('fetches every template with the access token, follows search pages, and answers with cards', async () => {
    fhir.seen.length = 0;
    const body = hookRequest('patient-view', { patientId: PATIENT_ID }, {
      fhirServer: fhir.url,
      fhirAuthorization: { access_token: 'stub-token-4711', token_type: 'Bearer', expires_in: 300, scope: 'user/*.read', subject: 'allpath' },
    });
    const r = await callService('allpath-patient-view', body);
    expect(r.status).toBe(200);
    expect(cardsOf(r.body).some(mentionsTki)).toBe(true);
    const paths = fhir.seen.map((s) => s.path);
    expect(paths).toEqual(expect.arrayContaining([
      `/fhir/Patient/${PATIENT_ID}`, `/fhir/Condition?patient=${PATIENT_ID}`, `/fhir/Observation?patient=${PATIENT_ID}`,
      // 6 observations at 2 a page: pages 1 and 2 come from the next links.
      `/fhir/Observation?patient=${PATIENT_ID}&page=1`, `/fhir/Observation?patient=${PATIENT_ID}&page=2`,
      `/fhir/Procedure?patient=${PATIENT_ID}`,
    ]));
    expect(new Set(fhir.seen.map((s) => s.authorization))).toEqual(new Set(['Bearer stub-token-4711']));
  });

  test('fetches only what the prefetch lacks', async () => {
    fhir.seen.length = 0;
    const { observations: _o, ...partial } = prefetchFor(resources);
    const r = await callService('allpath-patient-view', hookRequest('patient-view', { patientId: PATIENT_ID }, { prefetch: partial, fhirServer: fhir.url }));
    expect(r.status).toBe(200);
    expect(fhir.seen.map((s) => s.path.split('?')[0])).toEqual(['/fhir/Observation', '/fhir/Observation', '/fhir/Observation']);
  });

  test('a FHIR server that fails is 502, naming the prefetch key', async () => {
    const r = await callService('allpath-patient-view', hookRequest('patient-view', { patientId: PATIENT_ID }, { fhirServer: 'http://127.0.0.1:1/fhir' }));
    expect(r.status).toBe(502);
    expect((r.body as { message: string }).message).toMatch(/^Could not fetch prefetch "\w+" from the FHIR server/);
  });
});

describe('order-sign', () => {
  test('imatinib for a Ph-negative B-ALL gets a warning card with a suggestion to remove the order', async () => {
    const body = hookRequest('order-sign', { patientId: PATIENT_ID, draftOrders: draftOrders(imatinibOrder('rx-ima')) }, { prefetch: prefetchFor(phNegative) });
    const r = await callService('allpath-order-sign', body);
    expect(r.status).toBe(200);
    const cards = cardsOf(r.body);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ indicator: 'warning' });
    expect(cards[0]?.summary).toMatch(/imatinib/i);
    expect(cards[0]?.suggestions?.[0]?.actions?.[0]).toMatchObject({ type: 'delete', resourceId: 'MedicationRequest/rx-ima' });
  });

  test('twin: imatinib for the Ph-positive record gets no card', async () => {
    const body = hookRequest('order-sign', { patientId: PATIENT_ID, draftOrders: draftOrders(imatinibOrder('rx-ima')) }, { prefetch: prefetchFor(resources) });
    const r = await callService('allpath-order-sign', body);
    expect(r.status).toBe(200);
    expect(cardsOf(r.body)).toEqual([]);
  });

  test('an order allpath does not check needs no record: no cards, even without prefetch', async () => {
    const r = await callService('allpath-order-sign', hookRequest('order-sign', { patientId: PATIENT_ID, draftOrders: draftOrders(acetaminophenOrder) }));
    expect(r.status).toBe(200);
    expect(cardsOf(r.body)).toEqual([]);
  });
});

describe('order-select', () => {
  const drafts = draftOrders(imatinibOrder('rx-ima'), acetaminophenOrder);

  test('checks the selected imatinib order', async () => {
    const body = hookRequest('order-select', { patientId: PATIENT_ID, draftOrders: drafts, selections: ['MedicationRequest/rx-ima'] }, { prefetch: prefetchFor(phNegative) });
    const r = await callService('allpath-order-select', body);
    expect(r.status).toBe(200);
    expect(cardsOf(r.body).map((c) => c.indicator)).toEqual(['warning']);
  });

  test('twin: imatinib among the drafts but not selected is not checked', async () => {
    const body = hookRequest('order-select', { patientId: PATIENT_ID, draftOrders: drafts, selections: ['MedicationRequest/rx-apap'] }, { prefetch: prefetchFor(phNegative) });
    const r = await callService('allpath-order-select', body);
    expect(r.status).toBe(200);
    expect(cardsOf(r.body)).toEqual([]);
  });
});

describe('feedback', () => {
  test('is accepted (200) and kept in the store, with the client as the actor', async () => {
    const entry = { card: '4e0a3a1e-3283-4575-ab82-028d55fe2719', outcome: 'overridden', outcomeTimestamp: '2026-11-20T10:05:31Z' };
    const r = await callService('allpath-order-sign/feedback', { feedback: [entry] });
    expect(r.status).toBe(200);
    const rows = await db.query('SELECT service_id, feedback, actor FROM feedback ORDER BY id DESC LIMIT 1');
    expect(rows).toEqual([{ service_id: 'allpath-order-sign', feedback: [entry], actor: `cds-hooks ${ISSUER}` }]);
  });

  test('that breaks the spec is 400', async () => {
    const r = await callService('allpath-order-sign/feedback', { feedback: [{ card: 'x', outcome: 'liked' }] });
    expect(r.status).toBe(400);
  });
});

describe('unknown services', () => {
  test('are 404', async () => {
    expect((await callService('no-such-service', hookRequest('patient-view', { patientId: PATIENT_ID }))).status).toBe(404);
  });
});
