// The registry's cases on both backends: versions are added, never overwritten; each version
// keeps the evaluation it was stored with; the list reads each case's latest evaluation of its
// latest version; concurrent updates never share or skip a version number.
import { describe, expect, test } from 'vitest';
import { StoreError, StoredDataError } from '../../src/store/index.js';
import { BACKENDS, openedFor } from './backends.js';
import { actor, evaluated } from './fixtures.js';

const alice = actor('alice', 'req-1', null);

describe.each(BACKENDS)('$name: cases', (backend) => {
  const live = openedFor(backend);

  test('a case is created as version 1 and an update adds version 2, keeping both', async () => {
    const first = evaluated('precursor-b-untreated', 'v-1');
    const second = evaluated('relapse', 'v-1');
    const created = await live.store.createCase(first.input, first.evaluation, alice, { synthetic: true });
    expect(created).toMatchObject({ caseId: 'v-1', version: 1, author: 'alice', synthetic: true });
    const updated = await live.store.updateCase('v-1', second.input, second.evaluation, actor('bob'));
    expect(updated).toMatchObject({ caseId: 'v-1', version: 2, author: 'bob', synthetic: true });

    expect((await live.store.getCase('v-1', alice))?.case).toEqual(second.input);
    expect((await live.store.getCase('v-1', alice, 1))?.case).toEqual(first.input);
    const versions = await live.store.caseVersions('v-1', alice);
    expect(versions.map((v) => [v.version, v.author, v.case])).toEqual([[1, 'alice', first.input], [2, 'bob', second.input]]);
    expect(await live.store.getCase('v-1', alice, 3)).toBeNull();
    expect(await live.store.getCase('absent', alice)).toBeNull();
    expect(await live.store.caseVersions('absent', alice)).toEqual([]);
  });

  test('a stored case and evaluation come back with the contract\'s key order (jsonb keeps none)', async () => {
    const { input, evaluation } = evaluated('ph-positive', 'order-1');
    await live.store.createCase(input, evaluation, alice);
    const stored = await live.store.getCase('order-1', alice);
    const storedEvaluation = (await live.store.latestEvaluation('order-1', alice))?.evaluation;
    expect(stored?.case).toEqual(input);
    expect(storedEvaluation).toEqual(evaluation);
    // Objects with fixed fields come back in schema order; records (markers, trace facts) may not.
    expect(Object.keys(stored?.case ?? {})).toEqual(Object.keys(input));
    expect(Object.keys(stored?.case.labs?.[0] ?? {})).toEqual(Object.keys(input.labs?.[0] ?? {}));
    expect(Object.keys(storedEvaluation ?? {})).toEqual(Object.keys(evaluation));
    expect(Object.keys(storedEvaluation?.diagnosis ?? {})).toEqual(Object.keys(evaluation.diagnosis));
    expect(Object.keys(storedEvaluation?.recommendations[0] ?? {})).toEqual(Object.keys(evaluation.recommendations[0] ?? {}));
  });

  test('each version keeps its evaluation with the case version and the knowledge version', async () => {
    const first = evaluated('precursor-b-untreated', 'ev-1');
    const second = evaluated('ph-positive', 'ev-1');
    await live.store.createCase(first.input, first.evaluation, alice);
    await live.store.updateCase('ev-1', second.input, second.evaluation, alice);

    const latest = await live.store.latestEvaluation('ev-1', alice);
    expect(latest).toMatchObject({ caseId: 'ev-1', caseVersion: 2, knowledgeVersion: second.evaluation.knowledgeVersion });
    expect(latest?.evaluation).toEqual(second.evaluation);
    const ofFirst = await live.store.latestEvaluation('ev-1', alice, 1);
    expect(ofFirst?.caseVersion).toBe(1);
    expect(ofFirst?.evaluation).toEqual(first.evaluation);

    // Re-evaluating version 1 under other knowledge adds an evaluation to version 1 only.
    const again = { ...first.evaluation, knowledgeVersion: 'knowledge-next' };
    const saved = await live.store.saveEvaluation('ev-1', 1, again, alice);
    expect(saved).toMatchObject({ caseId: 'ev-1', caseVersion: 1, knowledgeVersion: 'knowledge-next' });
    expect((await live.store.latestEvaluation('ev-1', alice, 1))?.knowledgeVersion).toBe('knowledge-next');
    expect((await live.store.latestEvaluation('ev-1', alice))?.knowledgeVersion).toBe(second.evaluation.knowledgeVersion);
    expect(await live.store.latestEvaluation('absent', alice)).toBeNull();
  });

  test('a stored case that no longer matches the contract is refused, naming the path, not the value', async () => {
    const { input, evaluation } = evaluated('precursor-b-untreated', 'stale-1');
    await live.store.createCase(input, evaluation, alice);
    await live.opened.db.query(`UPDATE case_versions SET case_data = jsonb_set(case_data, '{patient,ageYears}', '"forty-two"') WHERE case_id = 'stale-1'`);
    const error = await live.store.getCase('stale-1', alice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredDataError);
    expect(String(error)).toMatch(/case stale-1 version 1 .*patient\.ageYears/);
    expect(String(error)).not.toMatch(/forty-two/);
  });

  test('creating an existing case id is a conflict and changes nothing', async () => {
    const { input, evaluation } = evaluated('precursor-b-untreated', 'dup-1');
    await live.store.createCase(input, evaluation, alice);
    const other = evaluated('t-all', 'dup-1');
    const error = await live.store.createCase(other.input, other.evaluation, alice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'conflict' });
    expect((await live.store.caseVersions('dup-1', alice)).map((v) => v.case)).toEqual([input]);
    expect((await live.store.auditLog({ caseId: 'dup-1', action: 'create' })).length).toBe(1);
  });

  test('updating, or re-evaluating, a case that does not exist is not-found', async () => {
    const { input, evaluation } = evaluated('precursor-b-untreated', 'nf-1');
    await expect(live.store.updateCase('nf-1', input, evaluation, alice)).rejects.toMatchObject({ code: 'not-found' });
    await expect(live.store.saveEvaluation('nf-1', 1, evaluation, alice)).rejects.toMatchObject({ code: 'not-found' });
    await live.store.createCase(input, evaluation, alice);
    await expect(live.store.saveEvaluation('nf-1', 2, evaluation, alice)).rejects.toMatchObject({ code: 'not-found' });
    expect(await live.store.countCases()).toBeGreaterThan(0);
  });

  test('a case or evaluation under another id than the one written to is invalid', async () => {
    const { input, evaluation } = evaluated('precursor-b-untreated', 'id-1');
    await live.store.createCase(input, evaluation, alice);
    const other = evaluated('precursor-b-untreated', 'id-2');
    await expect(live.store.updateCase('id-1', other.input, evaluation, alice)).rejects.toMatchObject({ code: 'invalid' });
    await expect(live.store.updateCase('id-1', input, other.evaluation, alice)).rejects.toMatchObject({ code: 'invalid' });
    await expect(live.store.saveEvaluation('id-1', 1, other.evaluation, alice)).rejects.toMatchObject({ code: 'invalid' });
    await expect(live.store.createCase(other.input, evaluation, alice)).rejects.toMatchObject({ code: 'invalid' });
  });

  test('a write that fails half-way leaves no version, evaluation or audit entry behind', async () => {
    const { input, evaluation } = evaluated('precursor-b-untreated', 'atomic-1');
    await live.store.createCase(input, evaluation, alice);
    // The evaluation insert, which comes after the version insert, fails for this case only.
    await live.opened.db.exec(`
      CREATE FUNCTION refuse_atomic() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.case_id = 'atomic-1' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_atomic BEFORE INSERT ON evaluations FOR EACH ROW EXECUTE FUNCTION refuse_atomic();`);
    try {
      await expect(live.store.updateCase('atomic-1', input, evaluation, alice)).rejects.toThrow(/refused for the test/);
    } finally {
      await live.opened.db.exec('DROP TRIGGER refuse_atomic ON evaluations; DROP FUNCTION refuse_atomic();');
    }
    expect((await live.store.caseVersions('atomic-1', alice)).map((v) => v.version)).toEqual([1]);
    expect(await live.store.auditLog({ caseId: 'atomic-1', action: 'update' })).toEqual([]);
    expect((await live.store.caseIds()).find((c) => c.caseId === 'atomic-1')).toEqual({ caseId: 'atomic-1', version: 1 });
    // The lock and the numbering recover: the next update is version 2.
    expect((await live.store.updateCase('atomic-1', input, evaluation, alice)).version).toBe(2);
  });

  test('10 concurrent updates of one case live.store versions 2 to 11, none shared or skipped', async () => {
    const { input, evaluation } = evaluated('precursor-b-untreated', 'race-1');
    await live.store.createCase(input, evaluation, alice);
    const updates = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      live.store.updateCase('race-1', input, evaluation, actor(`writer-${i}`))));
    expect(updates.map((u) => u.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const versions = await live.store.caseVersions('race-1', alice);
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // Each writer's version holds that writer as author.
    for (const u of updates) expect(versions[u.version - 1]?.author).toBe(u.author);
    expect((await live.store.getCase('race-1', alice))?.version).toBe(11);
  });

  test('5 concurrent creations of one id: one succeeds, four are conflicts', async () => {
    const { input, evaluation } = evaluated('precursor-b-untreated', 'race-2');
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => live.store.createCase(input, evaluation, alice)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(reasons).toHaveLength(4);
    for (const reason of reasons) expect(reason).toMatchObject({ code: 'conflict' });
    expect((await live.store.caseVersions('race-2', alice)).map((v) => v.version)).toEqual([1]);
  });

  test('caseIds lists each case with its latest version; countCases counts them', async () => {
    const { input, evaluation } = evaluated('precursor-b-untreated', 'ids-1');
    await live.store.createCase(input, evaluation, alice);
    await live.store.updateCase('ids-1', input, evaluation, alice);
    const ids = await live.store.caseIds();
    expect(ids).toContainEqual({ caseId: 'ids-1', version: 2 });
    expect(ids.map((c) => c.caseId)).toEqual([...ids.map((c) => c.caseId)].sort());
    expect(await live.store.countCases()).toBe(ids.length);
  });
});
