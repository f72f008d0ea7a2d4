import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { demoCases } from '../../src/demo/index.js';
import { exportCases, importRecords, ndjsonRecords } from '../../src/registry/index.js';
import type { Store } from '../../src/store/index.js';
import { ACTOR, example, line, memoryStore, readJson } from './helpers.js';

const AS_OF = '2026-03-02';

let store: Store;
beforeEach(async () => {
  store = await memoryStore();
});
afterEach(async () => {
  await store.close();
});

function mixedNdjson(): string {
  const ph = example('ph-positive-b-all');
  const tAll = example('t-all-untreated');
  const badUnit = { ...example('relapsed-b-all'), id: 'bad-unit' };
  badUnit.labs = [{ test: 'wbc', value: 22.5, unit: 'g/dL', date: '2024-10-07' }, ...(badUnit.labs ?? []).slice(1)];
  const phVersion2 = { ...ph, performance: { ecog: 2 } };
  return [
    line(ph), // 1
    line(tAll), // 2
    line(badUnit), // 3: invalid, a unit the contract does not accept for WBC
    '', // 4: blank, skipped
    line(readJson('test/fixtures/fhir/ph-negative.bundle.json')), // 5: a FHIR Bundle
    line(phVersion2), // 6: a second version of line 1's case
    '{"id": "broken", ', // 7: not JSON
    line({ case: { ...example('relapsed-b-all'), id: 'from-example-document' }, expect: {} }), // 8: an example document
  ].join('\n');
}

describe('importRecords', () => {
  test('imports the valid records of a mixed file and reports each invalid one by line with its message', async () => {
    const report = await importRecords(store, ndjsonRecords(mixedNdjson()), ACTOR, { asOf: AS_OF });
    expect(report.imported).toBe(4);
    expect(report.updated).toBe(1);
    expect(report.invalid.map((i) => i.line)).toEqual([3, 7]);
    expect(report.invalid[0]?.messages).toEqual(['labs[0].unit: expected one of 10*9/L, 10*3/uL, /uL, /mm3 for wbc, found "g/dL"']);
    expect(report.invalid[1]?.messages[0]).toMatch(/^\(root\): expected JSON, found /);
  });

  test('an invalid record stores nothing; the valid ones are evaluated and stored', async () => {
    await importRecords(store, ndjsonRecords(mixedNdjson()), ACTOR, { asOf: AS_OF });
    const ids = (await store.caseIds()).map((c) => c.caseId).sort();
    expect(ids).not.toContain('bad-unit');
    expect(ids).not.toContain('broken');
    expect(ids).toHaveLength(4);
    expect(ids).toEqual(expect.arrayContaining(['example-ph-positive-b-all', 'example-t-all-untreated', 'from-example-document']));
    const evaluation = await store.latestEvaluation('example-t-all-untreated', ACTOR);
    expect(evaluation?.evaluation.diagnosis.subtype).toBe('T');
  });

  test('a case already stored gets a new version, the first kept', async () => {
    await importRecords(store, ndjsonRecords(mixedNdjson()), ACTOR, { asOf: AS_OF });
    const versions = await store.caseVersions('example-ph-positive-b-all', ACTOR);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions.map((v) => v.case.performance?.ecog)).toEqual([1, 2]);
  });

  test('a FHIR Bundle is read for the asOf given and keeps its ingest report', async () => {
    await importRecords(store, ndjsonRecords(mixedNdjson()), ACTOR, { asOf: AS_OF });
    const known = ['example-ph-positive-b-all', 'example-t-all-untreated', 'from-example-document'];
    const bundleCase = (await store.caseIds()).find((c) => !known.includes(c.caseId));
    expect(bundleCase).toBeDefined();
    const stored = await store.getCase(bundleCase?.caseId ?? '', ACTOR);
    expect(stored?.case.asOf).toBe(AS_OF);
    const evaluation = await store.latestEvaluation(bundleCase?.caseId ?? '', ACTOR);
    expect(evaluation?.evaluation.ingest?.source).toBe('fhir-bundle');
    expect(evaluation?.evaluation.diagnosis.philadelphia).toBe('negative');
  });

  test('the import is audited: a create per new case, an update per version, one import entry for the job', async () => {
    await importRecords(store, ndjsonRecords(mixedNdjson()), ACTOR, { asOf: AS_OF });
    expect(await store.auditLog({ action: 'create' })).toHaveLength(4);
    expect(await store.auditLog({ action: 'update' })).toHaveLength(1);
    const [job] = await store.auditLog({ action: 'import' });
    expect(job?.detail).toBe('imported 4, updated 1, unchanged 0, invalid 2');
    expect(job?.actor).toBe('cli:test');
  });

  test('a record the same as the latest version stores nothing: importing a file twice adds no versions', async () => {
    await importRecords(store, ndjsonRecords(mixedNdjson()), ACTOR, { asOf: AS_OF });
    const again = await importRecords(store, ndjsonRecords(mixedNdjson()), ACTOR, { asOf: AS_OF });
    // Line 1 differs from the latest version (line 6 made version 2), so it is a new version; then line 6 is one more.
    expect(again).toMatchObject({ imported: 0, updated: 2, unchanged: 3 });
    expect((await store.caseVersions('example-t-all-untreated', ACTOR)).map((v) => v.version)).toEqual([1]);
  });

  test('demo cases are stored as synthetic, others not unless asked', async () => {
    const records = [...demoCases(2, 1, AS_OF), example('ph-positive-b-all')].map(line).join('\n');
    await importRecords(store, ndjsonRecords(records), ACTOR);
    const { cases } = await store.listCases({}, ACTOR);
    expect(Object.fromEntries(cases.map((c) => [c.caseId, c.synthetic]))).toEqual({
      'demo-0001': true, 'demo-0002': true, 'example-ph-positive-b-all': false,
    });
  });

  test('each record is reported as it is done', async () => {
    const seen: string[] = [];
    await importRecords(store, ndjsonRecords(mixedNdjson()), ACTOR, { asOf: AS_OF, onRecord: (o) => seen.push(`${o.line}:${o.result}`) });
    expect(seen).toEqual(['1:imported', '2:imported', '3:invalid', '5:imported', '6:updated', '7:invalid', '8:imported']);
  });
});

describe('exportCases', () => {
  test('exports the latest version of every case as NDJSON that imports back to the same cases', async () => {
    await importRecords(store, ndjsonRecords(mixedNdjson()), ACTOR, { asOf: AS_OF });
    let ndjson = '';
    const count = await exportCases(store, ACTOR, (text) => {
      ndjson += text;
    });
    expect(count).toBe(4);
    const lines = ndjson.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const ph = lines.map((l) => JSON.parse(l) as { id: string; performance?: { ecog: number } }).find((c) => c.id === 'example-ph-positive-b-all');
    expect(ph?.performance?.ecog).toBe(2);

    const copy = await memoryStore();
    try {
      const report = await importRecords(copy, ndjsonRecords(ndjson), ACTOR);
      expect(report).toEqual({ imported: 4, updated: 0, unchanged: 0, invalid: [] });
      let again = '';
      await exportCases(copy, ACTOR, (text) => {
        again += text;
      });
      const sorted = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(sorted(again)).toEqual(sorted(ndjson));
    } finally {
      await copy.close();
    }
  });

  test('every exported case is audited as an export', async () => {
    await importRecords(store, ndjsonRecords(mixedNdjson()), ACTOR, { asOf: AS_OF });
    await exportCases(store, ACTOR, () => undefined);
    const exports = await store.auditLog({ action: 'export' });
    expect(exports).toHaveLength(4);
    expect(exports.find((e) => e.caseId === 'example-ph-positive-b-all')?.detail).toBe('version 2');
  });
});
