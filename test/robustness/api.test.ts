/**
 * Generated cases, JSON text and FHIR Bundles through POST /api/evaluate of a built server:
 * 200 with a contract-valid evaluation or 400 with issues naming the input, never a 5xx.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer, DEFAULT_BODY_LIMIT } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { authAs, SETUP_TIMEOUT, testStore } from '../server/helpers.js';
import { apiProperty } from './api-property.js';
import { SEED, RUNS_PER_SHARE } from './property-test.js';
import { failureReport, runAsyncProperty } from './runner.js';

let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  store = await testStore();
  app = buildServer({ store, auth: { mode: 'off' } });
  await app.ready();
}, SETUP_TIMEOUT);
afterAll(async () => {
  await app.close();
  await store.close();
});

describe('POST /api/evaluate on generated input', () => {
  test('answers 200 with a contract-valid evaluation, or 400 with issues naming the input; never 5xx', async () => {
    const p = apiProperty(app, authAs('viewer'), DEFAULT_BODY_LIMIT);
    const numRuns = p.share * RUNS_PER_SHARE;
    const r = await runAsyncProperty(p, { seed: SEED, numRuns });
    if (r.failure !== undefined) expect.fail(failureReport(p.id, r.failure));
    expect(r.stats.runs).toBe(numRuns);
    expect(r.stats.valid).toBeGreaterThan(0);
    expect(r.stats.invalid).toBeGreaterThan(0);
  });
});
