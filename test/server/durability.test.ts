/**
 * Durability: a server killed outright (SIGKILL) in the middle of a stream of case creations
 * loses nothing it acknowledged and leaves nothing half-written. On both backends: PGlite in a
 * temporary directory, and PostgreSQL in a throwaway database (allpath_dur_<random>).
 *
 * A case the API answered 201 for must, after a restart on the same store, be there exactly as
 * acknowledged, with its stored evaluation and its 'create' audit entry (same request id). Cases
 * whose answer was lost in the kill may or may not be stored; if one is, it must be whole: a
 * version, an evaluation, an audit entry.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { demoCases } from '../../src/demo/index.js';
import type { Case, Evaluation } from '../../src/index.js';
import { openStore, type AuditEntry, type CaseVersion, type Store } from '../../src/store/index.js';
import { throwawayDatabase, type Throwaway } from './postgres.js';
import { signIn, startServe, type ServeProcess } from './serve-process.js';

/** Cases streamed at the server; it is killed once KILL_AFTER of them are acknowledged. */
const CASES = 200;
const KILL_AFTER = 90;
/** Requests in flight at once. */
const CONCURRENCY = 4;
const TIME_LIMIT = 180_000;

interface Acknowledged {
  readonly id: string;
  readonly requestId: string;
  readonly stored: CaseVersion;
  readonly evaluation: Evaluation;
}

interface Target {
  readonly name: string;
  readonly env: Record<string, string>;
  /** The same store, opened directly (with the server stopped). */
  readonly open: () => Promise<Store>;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
}, 60_000);

async function pgliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'allpath-dur-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return { name: 'PGlite', env: { ALLPATH_DATA: dir }, open: () => openStore({ dataDir: dir }) };
}

async function postgresTarget(): Promise<Target> {
  const db: Throwaway = await throwawayDatabase('allpath_dur');
  cleanups.push(db.drop);
  return { name: 'PostgreSQL', env: { DATABASE_URL: db.url }, open: () => openStore({ databaseUrl: db.url }) };
}

/** POSTs the cases, CONCURRENCY at a time, until the server dies; returns what it acknowledged. */
async function stream(server: ServeProcess, cookie: string, cases: readonly Case[]): Promise<{ acknowledged: Acknowledged[]; failed: number }> {
  const acknowledged: Acknowledged[] = [];
  let failed = 0;
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++] as Case;
      try {
        const res = await fetch(`${server.url}/api/cases`, {
          method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(c),
        });
        const body = await res.json() as { case: CaseVersion; evaluation: Evaluation };
        if (res.status !== 201) throw new Error(`HTTP ${res.status}`);
        acknowledged.push({ id: c.id, requestId: res.headers.get('x-request-id') ?? '', stored: body.case, evaluation: body.evaluation });
      } catch {
        // The connection died with the server: not acknowledged.
        failed += 1;
        if (killed) return;
      }
      if (!killed && acknowledged.length >= KILL_AFTER) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { acknowledged, failed };
}

async function getJson(url: string, cookie: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { headers: { cookie } });
  return { status: res.status, body: await res.json() as unknown };
}

describe.each([
  ['PGlite', pgliteTarget],
  ['PostgreSQL', postgresTarget],
] as const)('durability on %s', (_name, makeTarget) => {
  test(`a server killed (SIGKILL) after ${KILL_AFTER} of ${CASES} acknowledged creations keeps every acknowledged case whole`, async () => {
    const target = await makeTarget();
    const cases = demoCases(CASES, 42).map((c, i) => ({ ...c, id: `dur-${String(i + 1).padStart(4, '0')}` }));

    const first = await startServe(['--cds-off', '--no-demo'], target.env);
    expect(first.password).toMatch(/^\S{20}$/);
    const password = first.password ?? '';
    const { acknowledged, failed } = await stream(first, await signIn(first.url, 'admin', password), cases);
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(CASES);
    // Requests were in flight when it died.
    expect(failed).toBeGreaterThan(0);

    // Restart on the same store: no new admin, the same password signs in.
    const second = await startServe(['--cds-off', '--no-demo'], target.env);
    let listed: string[] = [];
    try {
      expect(second.password).toBeUndefined();
      expect(second.stdout()).not.toContain('first start');
      const cookie = await signIn(second.url, 'admin', password);
      const lost: string[] = [];
      for (const ack of acknowledged) {
        const got = await getJson(`${second.url}/api/cases/${ack.id}`, cookie);
        const evaluation = await getJson(`${second.url}/api/cases/${ack.id}/evaluation`, cookie);
        // The same JSON (jsonb keeps no key order, so compared as values, not as text).
        const same = got.status === 200 && isDeepStrictEqual((got.body as CaseVersion).case, ack.stored.case)
          && (got.body as CaseVersion).version === 1
          && evaluation.status === 200 && isDeepStrictEqual((evaluation.body as { evaluation: Evaluation }).evaluation, ack.evaluation);
        if (!same) lost.push(ack.id);
      }
      expect(lost).toEqual([]);
      const audit = await getJson(`${second.url}/api/audit?action=create&limit=10000`, cookie);
      const creates = new Map((audit.body as { entries: AuditEntry[] }).entries.map((e) => [e.caseId, e]));
      expect(acknowledged.filter((a) => creates.get(a.id)?.requestId !== a.requestId || creates.get(a.id)?.actor !== 'admin').map((a) => a.id)).toEqual([]);
      const list = await getJson(`${second.url}/api/cases?limit=500`, cookie);
      listed = (list.body as { cases: { caseId: string }[] }).cases.map((c) => c.caseId);
      expect(listed).toEqual(expect.arrayContaining(acknowledged.map((a) => a.id)));
    } finally {
      second.child.kill('SIGTERM');
    }
    // Graceful shutdown: exit 0 once the store is closed.
    expect(await second.exited).toEqual({ code: 0, signal: null });

    // Nothing half-written: every case in the store has its version, its evaluation and its audit entry.
    const store = await target.open();
    try {
      const ids = await store.caseIds();
      const reader = { userId: null, username: 'durability-test', requestId: null };
      const broken: string[] = [];
      for (const { caseId, version } of ids) {
        const versions = await store.caseVersions(caseId, reader);
        const evaluation = await store.latestEvaluation(caseId, reader);
        if (version !== 1 || versions.length !== 1 || evaluation === null || evaluation.caseVersion !== 1) broken.push(caseId);
      }
      expect(broken).toEqual([]);
      const creates = await store.auditLog({ action: 'create', limit: 10_000 });
      expect(creates.map((e) => e.caseId).sort()).toEqual(ids.map((c) => c.caseId).sort());
      expect(ids.map((c) => c.caseId).sort()).toEqual([...listed].sort());
      const ackIds = new Set(acknowledged.map((a) => a.id));
      // What the run did, for the record: acknowledged, stored without an answer, refused by the kill.
      console.log(`${target.name}: ${CASES} streamed, ${acknowledged.length} acknowledged, ${ids.length} stored `
        + `(${ids.filter((c) => !ackIds.has(c.caseId)).length} committed but unanswered), ${failed} failed in the kill, `
        + `${CASES - acknowledged.length - failed} never sent; 0 lost, 0 half-written`);
    } finally {
      await store.close();
    }
  }, TIME_LIMIT);
});
