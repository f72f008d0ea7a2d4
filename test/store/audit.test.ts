// The audit log on both backends: every read and write of a case leaves one entry, in the same
// transaction, with the actor and request id and no patient data; the database itself refuses
// to change or remove an entry.
import { describe, expect, test } from 'vitest';
import { AUDIT_ACTIONS, type AuditEntry } from '../../src/store/index.js';
import { BACKENDS, openedFor } from './backends.js';
import { actor, evaluated } from './fixtures.js';

/** The only shapes an audit detail takes: numbers, versions, usernames, token names. */
const DETAIL = /^(version \d+|versions \d+|list \d+|evaluation of version \d+|(version \d+ )?not found|evaluation (of version \d+ )?not found|\S+ as (admin|clinician|viewer)|\S+ (disabled|enabled)|token \S+)$/;

describe.each(BACKENDS)('$name: audit log', (backend) => {
  const live = openedFor(backend);

  const newest = async (caseId: string): Promise<AuditEntry | undefined> => (await live.store.auditLog({ caseId, limit: 1 }))[0];

  test('each read and write of a case is audited with its actor, user id, request id and version', async () => {
    const first = evaluated('precursor-b-untreated', 'aud-1');
    const second = evaluated('relapse', 'aud-1');
    const dr = (requestId: string) => actor('dr-a', requestId, 'u-dr-a');

    await live.store.createCase(first.input, first.evaluation, dr('r-create'));
    expect(await newest('aud-1')).toMatchObject({ action: 'create', actor: 'dr-a', userId: 'u-dr-a', requestId: 'r-create', caseId: 'aud-1', detail: 'version 1' });
    await live.store.updateCase('aud-1', second.input, second.evaluation, dr('r-update'));
    expect(await newest('aud-1')).toMatchObject({ action: 'update', requestId: 'r-update', detail: 'version 2' });
    await live.store.getCase('aud-1', dr('r-get'));
    expect(await newest('aud-1')).toMatchObject({ action: 'read', requestId: 'r-get', detail: 'version 2' });
    await live.store.getCase('aud-1', dr('r-get-1'), 1);
    expect(await newest('aud-1')).toMatchObject({ action: 'read', requestId: 'r-get-1', detail: 'version 1' });
    await live.store.caseVersions('aud-1', dr('r-versions'));
    expect(await newest('aud-1')).toMatchObject({ action: 'read', requestId: 'r-versions', detail: 'versions 2' });
    await live.store.latestEvaluation('aud-1', dr('r-eval'));
    expect(await newest('aud-1')).toMatchObject({ action: 'read', requestId: 'r-eval', detail: 'evaluation of version 2' });
    await live.store.saveEvaluation('aud-1', 1, first.evaluation, actor('reevaluation-job', 'job-9'));
    expect(await newest('aud-1')).toMatchObject({ action: 'evaluate', actor: 'reevaluation-job', userId: null, requestId: 'job-9', detail: 'version 1' });

    const all = await live.store.auditLog({ caseId: 'aud-1' });
    expect(all.map((e) => e.action)).toEqual(['evaluate', 'read', 'read', 'read', 'read', 'update', 'create']);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    for (const e of all) expect(Date.parse(e.at)).not.toBeNaN();
  });

  test('a read of a case that does not exist is audited too', async () => {
    expect(await live.store.getCase('aud-absent', actor('probe', 'r-probe'))).toBeNull();
    expect(await newest('aud-absent')).toMatchObject({ action: 'read', actor: 'probe', requestId: 'r-probe', detail: 'not found' });
  });

  test('auditLog filters by case and by action, newest first, up to the limit', async () => {
    const { input, evaluation } = evaluated('ph-positive', 'aud-2');
    await live.store.createCase(input, evaluation, actor('dr-c'));
    for (let i = 0; i < 3; i += 1) await live.store.getCase('aud-2', actor('dr-c', `r-${i}`));
    const reads = await live.store.auditLog({ caseId: 'aud-2', action: 'read' });
    expect(reads.map((e) => e.requestId)).toEqual(['r-2', 'r-1', 'r-0']);
    expect(await live.store.auditLog({ caseId: 'aud-2', action: 'read', limit: 2 })).toHaveLength(2);
    expect((await live.store.auditLog({ action: 'create' })).every((e) => e.action === 'create')).toBe(true);
  });

  test('live.store.audit appends entries for actions outside case reads and writes; every action is accepted', async () => {
    for (const action of AUDIT_ACTIONS) await live.store.audit(action, actor('auditor', `r-${action}`), 'aud-actions', 'version 1');
    const entries = await live.store.auditLog({ caseId: 'aud-actions', limit: 100 });
    expect(entries.map((e) => e.action).reverse()).toEqual([...AUDIT_ACTIONS]);
    await live.store.audit('login', actor('dr-d', 'r-login', 'u-dr-d'), null);
    expect((await live.store.auditLog({ action: 'login', limit: 1 }))[0]).toMatchObject({ actor: 'dr-d', caseId: null, detail: null });
  });

  test('the database refuses an action outside the list', async () => {
    await expect(live.opened.db.query("INSERT INTO audit_log (actor, action) VALUES ('x', 'delete')")).rejects.toThrow(/check constraint/);
  });

  test('the database refuses UPDATE, DELETE and TRUNCATE of the audit log, even of no rows', async () => {
    await live.store.audit('export', actor('exporter'), null, 'list 1');
    const before = await live.store.auditLog({ limit: 10_000 });
    await expect(live.opened.db.query("UPDATE audit_log SET detail = 'changed'")).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(live.opened.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only: DELETE refused/);
    await expect(live.opened.db.query('DELETE FROM audit_log WHERE false')).rejects.toThrow(/append-only: DELETE refused/);
    await expect(live.opened.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(live.opened.db.transaction(async (tx) => {
      await tx.query("UPDATE audit_log SET actor = 'someone else' WHERE id = $1", [before[0]?.id]);
    })).rejects.toThrow(/append-only/);
    expect(await live.store.auditLog({ limit: 10_000 })).toEqual(before);
  });

  test('no audit detail holds patient data: only versions, counts, usernames and token names', async () => {
    const details = (await live.store.auditLog({ limit: 10_000 })).flatMap((e) => (e.detail === null ? [] : [e.detail]));
    expect(details.length).toBeGreaterThan(10);
    expect(details.filter((d) => !DETAIL.test(d))).toEqual([]);
  });
});
