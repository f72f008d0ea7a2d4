import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoCases } from '../../src/demo/index.js';
import { ACTION_IDS, evaluate, type ActionId, type Evaluation } from '../../src/index.js';
import { importRecords, ndjsonRecords, reevaluateAll } from '../../src/registry/index.js';
import type { Store } from '../../src/store/index.js';
import { ACTOR, line, memoryStore, readJson } from './helpers.js';

const AS_OF = '2026-03-02';
let store: Store;

beforeAll(async () => {
  store = await memoryStore();
  const records = [...demoCases(12, 5, AS_OF).map(line), line(readJson('test/fixtures/fhir/relapse.bundle.json'))];
  await importRecords(store, ndjsonRecords(records.join('\n')), ACTOR, { asOf: AS_OF });
});
afterAll(async () => {
  await store.close();
});

/**
 * The evaluation an older knowledge base might have stored: without the recommendation at
 * `index`, and with an alert (action `retiredAlert`) the knowledge no longer gives.
 */
function older(e: Evaluation, index: number, retiredAlert: ActionId): Evaluation {
  const evidence = e.recommendations[0]?.evidence ?? [];
  return {
    ...e,
    knowledgeVersion: 'older',
    recommendations: e.recommendations.filter((_, i) => i !== index),
    alerts: [...e.alerts, { id: 'alert-retired', action: retiredAlert, severity: 'warning', message: 'retired', lay: 'retired', evidence }],
  };
}

describe('reevaluateAll', () => {
  test('with nothing changed in the knowledge it stores nothing new and reports no change', async () => {
    const report = await reevaluateAll(store, ACTOR);
    expect(report.cases).toBe(13);
    expect(report.stored).toBe(0);
    expect(report.changed).toEqual([]);
    expect(report.totals).toEqual({ recommendationsAdded: 0, recommendationsDropped: 0, alertsAdded: 0, alertsDropped: 0 });
  });

  test('a case whose stored evaluation lacks an action the knowledge now gives is reported, and its new evaluation stored', async () => {
    const stored = await store.getCase('demo-0003', ACTOR);
    if (stored === null) throw new Error('demo-0003 not stored');
    const current = evaluate(stored.case);
    // A recommendation whose action no other recommendation names, so that dropping it changes the actions.
    const index = current.recommendations.findIndex((r, _, all) => all.filter((o) => o.action === r.action).length === 1);
    const action = current.recommendations[index]?.action;
    const retired = ACTION_IDS.find((a) => !current.alerts.some((x) => x.action === a)) ?? 'monitor-qtc';
    expect(action).toBeDefined();
    await store.saveEvaluation('demo-0003', stored.version, older(current, index, retired), ACTOR);

    const report = await reevaluateAll(store, ACTOR);
    expect(report.stored).toBe(1);
    expect(report.changed).toEqual([{
      caseId: 'demo-0003', version: stored.version, previousKnowledgeVersion: 'older', knowledgeVersion: current.knowledgeVersion,
      recommendations: { added: [action], dropped: [] },
      alerts: { added: [], dropped: [retired] },
    }]);
    expect(report.totals).toEqual({ recommendationsAdded: 1, recommendationsDropped: 0, alertsAdded: 0, alertsDropped: 1 });
    const latest = await store.latestEvaluation('demo-0003', ACTOR);
    expect(latest?.evaluation.recommendations.map((r) => r.action)).toContain(action);
    expect(latest?.knowledgeVersion).toBe(current.knowledgeVersion);
  });

  test('run again, the registry is up to date: nothing stored, nothing changed', async () => {
    const report = await reevaluateAll(store, ACTOR);
    expect(report.stored).toBe(0);
    expect(report.changed).toEqual([]);
  });

  test('a case read from a FHIR Bundle keeps its ingest report', async () => {
    const ids = (await store.caseIds()).map((c) => c.caseId).filter((id) => !id.startsWith('demo-'));
    expect(ids).toHaveLength(1);
    const latest = await store.latestEvaluation(ids[0] ?? '', ACTOR);
    expect(latest?.evaluation.ingest?.source).toBe('fhir-bundle');
  });

  test('each run is audited once as reevaluate, each stored evaluation as evaluate', async () => {
    const runs = await store.auditLog({ action: 'reevaluate' });
    expect(runs.map((r) => r.detail)).toEqual(expect.arrayContaining(['cases 13, stored 1, changed 1', 'cases 13, stored 0, changed 0']));
    expect((await store.auditLog({ action: 'evaluate', caseId: 'demo-0003' })).length).toBeGreaterThanOrEqual(2);
  });
});
