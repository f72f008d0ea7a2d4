// The registry list on both backends: each case appears once, as its latest version with that
// version's latest evaluation; filters and search narrow it, total counts every match.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ageAt } from '../../src/contract/index.js';
import type { CaseFilter, Store } from '../../src/store/index.js';
import { BACKENDS, type Opened } from './backends.js';
import { actor, evaluated, type Example } from './fixtures.js';

const clerk = actor('clerk', 'req-list');

/** Every example under `<prefix>-<example>`, created in this order (so the last is the newest). */
const EXAMPLES: readonly Example[] = [
  'precursor-b-untreated', 'ph-positive', 'ph-untested', 'relapse', 'febrile-neutropenia', 'burkitt', 't-all',
];

describe.each(BACKENDS)('$name: listCases', (backend) => {
  let opened: Opened;
  let store: Store;
  /** Ids of the listed cases, scoped to this test's cases by searching on the prefix. */
  const ids = async (filter: CaseFilter) => (await store.listCases({ search: 'lst-', ...filter }, clerk)).cases.map((c) => c.caseId);

  beforeAll(async () => {
    opened = await backend.open();
    store = opened.store;
    for (const example of EXAMPLES) {
      const { input, evaluation } = evaluated(example, `lst-${example}`);
      await store.createCase(input, evaluation, clerk);
    }
    // The untreated case relapses: its list row must now be the relapse (version 2).
    const relapsed = evaluated('relapse', 'lst-precursor-b-untreated');
    await store.updateCase('lst-precursor-b-untreated', relapsed.input, relapsed.evaluation, actor('dr-b'));
    // An unrelated case that the search must leave out.
    const other = evaluated('t-all', 'elsewhere');
    await store.createCase(other.input, other.evaluation, clerk);
  }, 60_000);
  afterAll(async () => {
    await opened?.dispose();
  });

  test('each case is listed once, as its latest version, the most recently updated first', async () => {
    const { total, cases } = await store.listCases({ search: 'lst-' }, clerk);
    expect(total).toBe(7);
    expect(cases.map((c) => c.caseId)).toEqual([
      'lst-precursor-b-untreated', 'lst-t-all', 'lst-burkitt', 'lst-febrile-neutropenia', 'lst-relapse', 'lst-ph-untested', 'lst-ph-positive',
    ]);
    expect(cases[0]).toMatchObject({ version: 2, updatedBy: 'dr-b', status: 'recurrent', phase: 'reinduction', synthetic: false });
    const relapse = evaluated('relapse', 'x').evaluation;
    expect(cases[0]).toMatchObject({ subtype: relapse.diagnosis.subtype, philadelphia: relapse.diagnosis.philadelphia, riskGroup: relapse.risk.group, knowledgeVersion: relapse.knowledgeVersion });
    expect(cases[0]?.ageYears).toBe(evaluated('relapse', 'x').input.patient.ageYears);
  });

  test('the age column is the stated age, or the age on asOf from the birth date', async () => {
    const { input } = evaluated('t-all', 'x');
    const { birthDate } = input.patient;
    expect(input.patient.ageYears).toBeUndefined();
    const [row] = (await store.listCases({ search: 'lst-t-all' }, clerk)).cases;
    expect(row?.ageYears).toBe(birthDate === undefined ? 'no birth date' : ageAt(birthDate, input.asOf));
  });

  test('status, subtype, Philadelphia status and phase filter on the latest evaluation', async () => {
    expect((await ids({ status: 'untreated' })).sort()).toEqual(['lst-burkitt', 'lst-ph-positive', 'lst-ph-untested', 'lst-t-all']);
    expect((await ids({ status: 'recurrent' })).sort()).toEqual(['lst-precursor-b-untreated', 'lst-relapse']);
    expect(await ids({ subtype: 'T' })).toEqual(['lst-t-all']);
    expect(await ids({ subtype: 'mature-B-burkitt' })).toEqual(['lst-burkitt']);
    expect(await ids({ philadelphia: 'positive' })).toEqual(['lst-ph-positive']);
    expect(await ids({ phase: 'reinduction' })).toEqual(['lst-precursor-b-untreated', 'lst-relapse']);
    expect(await ids({ status: 'untreated', philadelphia: 'unknown' })).toEqual(['lst-burkitt', 'lst-ph-untested']);
  });

  test('the critical-alerts filter keeps only cases with at least one critical alert', async () => {
    const { cases } = await store.listCases({ search: 'lst-', criticalAlerts: true }, clerk);
    expect(cases.map((c) => c.caseId)).toEqual(['lst-febrile-neutropenia']);
    expect(cases[0]?.criticalAlerts).toBeGreaterThan(0);
    expect(await ids({ criticalAlerts: false })).toHaveLength(7);
  });

  test('search matches part of the case id, ignoring case, with % and _ taken literally', async () => {
    expect(await ids({ search: 'PH-' })).toEqual(['lst-ph-untested', 'lst-ph-positive']);
    expect((await store.listCases({ search: 't-all' }, clerk)).cases.map((c) => c.caseId).sort()).toEqual(['lst-t-all']);
    expect((await store.listCases({ search: 'elsewhere' }, clerk)).total).toBe(1);
    expect((await store.listCases({ search: 'lst%' }, clerk)).total).toBe(0);
    expect((await store.listCases({ search: 'lst_' }, clerk)).total).toBe(0);
  });

  test('limit and offset page the list; total still counts every match', async () => {
    const page1 = await store.listCases({ search: 'lst-', limit: 3 }, clerk);
    const page3 = await store.listCases({ search: 'lst-', limit: 3, offset: 6 }, clerk);
    expect([page1.total, page1.cases.length, page3.total, page3.cases.length]).toEqual([7, 3, 7, 1]);
    expect(page3.cases[0]?.caseId).toBe('lst-ph-positive');
    await expect(store.listCases({ limit: 0 }, clerk)).rejects.toMatchObject({ code: 'invalid' });
    await expect(store.listCases({ offset: -1 }, clerk)).rejects.toMatchObject({ code: 'invalid' });
  });

  test('a re-evaluation of the latest version changes the list; one of an older version does not', async () => {
    const id = 'lst-precursor-b-untreated';
    const older = evaluated('precursor-b-untreated', id).evaluation;
    await store.saveEvaluation(id, 1, { ...older, status: 'refractory' }, clerk);
    expect(await ids({ status: 'refractory' })).toEqual([]);
    const latest = evaluated('relapse', id).evaluation;
    await store.saveEvaluation(id, 2, { ...latest, status: 'refractory' }, clerk);
    expect(await ids({ status: 'refractory' })).toEqual([id]);
    expect(await ids({ status: 'recurrent' })).toEqual(['lst-relapse']);
  });

  test('a list is audited once, without a case id, with the number of cases shown', async () => {
    const reader = actor('lister', 'req-list-audit', 'u-lister');
    const { cases } = await store.listCases({ search: 'lst-', limit: 2 }, reader);
    const [entry] = (await store.auditLog({ action: 'read', limit: 1 }));
    expect(cases).toHaveLength(2);
    expect(entry).toMatchObject({ action: 'read', actor: 'lister', userId: 'u-lister', requestId: 'req-list-audit', caseId: null, detail: 'list 2' });
  });
});
