/**
 * The first start of a registry: a demo cohort (synthetic cases) and an admin whose password is
 * printed once; repeated safely after a crash, and never mixing demo cases into a registry that
 * already holds other cases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { demoCases } from '../../src/demo/index.js';
import { evaluate, type Case } from '../../src/index.js';
import { verifyPassword } from '../../src/registry/index.js';
import { firstStart } from '../../src/server/index.js';
import { openStore, type CaseSummary, type Store } from '../../src/store/index.js';
import { signIn, startServe } from './serve-process.js';

const reader = { userId: null, username: 'test', requestId: null };
const cohort = demoCases(5, 1);
const [firstDemo] = cohort as [Case, ...Case[]];

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function emptyStore(): Promise<Store> {
  store = await openStore({ dataDir: 'memory://' });
  return store;
}

describe('firstStart', () => {
  test('on an empty store: the demo cohort, marked synthetic, then an admin whose password verifies', async () => {
    const s = await emptyStore();
    const start = await firstStart(s, { demo: cohort });
    expect(start.demoCases).toBe(5);
    expect(start.admin?.username).toBe('admin');
    const admin = await s.userByUsername('admin');
    expect(admin?.role).toBe('admin');
    expect(await verifyPassword(start.admin?.password ?? '', admin?.passwordHash ?? '')).toBe(true);
    const { cases } = await s.listCases({}, reader);
    expect(cases.map((c: CaseSummary) => [c.caseId, c.synthetic]).sort()).toEqual(cohort.map((c) => [c.id, true]).sort());
  });

  test('twin: a store with users is not a first start: no admin, no demo', async () => {
    const s = await emptyStore();
    await firstStart(s, { demo: cohort });
    const again = await firstStart(s, { demo: demoCases(8, 1) });
    expect(again).toEqual({ admin: null, demoCases: 0, demoSkipped: null });
    expect(await s.countCases()).toBe(5);
  });

  test('after a crash in the middle of seeding (some demo cases, no users), seeding resumes', async () => {
    const s = await emptyStore();
    for (const c of cohort.slice(0, 2)) await s.createCase(c, evaluate(c), reader, { synthetic: true });
    const start = await firstStart(s, { demo: cohort });
    expect([start.demoCases, start.admin?.username]).toEqual([3, 'admin']);
    expect(await s.countCases()).toBe(5);
  });

  test('a store that already holds other cases gets no demo cohort, but an admin', async () => {
    const s = await emptyStore();
    const real: Case = { ...firstDemo, id: 'imported-1' };
    await s.createCase(real, evaluate(real), reader);
    const start = await firstStart(s, { demo: cohort });
    expect([start.demoCases, start.demoSkipped, start.admin?.username]).toEqual([0, 'the store already holds cases', 'admin']);
    expect(await s.countCases()).toBe(1);
  });

  test('without a demo cohort (--no-demo), only the admin', async () => {
    const s = await emptyStore();
    const start = await firstStart(s, { demo: undefined });
    expect([start.demoCases, start.admin?.username, await s.countCases()]).toEqual([0, 'admin', 0]);
  });
});

describe('allpath serve --cds-off on a fresh data directory (what npm start runs)', () => {
  test('prints the admin password once, seeds 60 synthetic demo cases, serves no CDS Hooks; a restart prints no password and seeds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allpath-first-'));
    try {
      const first = await startServe(['--cds-off'], { ALLPATH_DATA: dir });
      let password = '';
      try {
        expect(first.stdout()).toContain('stored 60 synthetic demo cases');
        expect(first.stdout()).toContain(`PGlite in ${dir}`);
        password = first.password ?? '';
        expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
        const cookie = await signIn(first.url, 'admin', password);
        const list = await (await fetch(`${first.url}/api/cases?limit=500`, { headers: { cookie } })).json() as { total: number; cases: CaseSummary[] };
        expect(list.total).toBe(60);
        expect(list.cases.every((c) => c.synthetic)).toBe(true);
        expect((await fetch(`${first.url}/cds-services`)).status).toBe(404);
        expect(first.stderr()).not.toContain('NOT authenticated');
      } finally {
        first.child.kill('SIGTERM');
      }
      expect((await first.exited).code).toBe(0);

      const second = await startServe(['--cds-off'], { ALLPATH_DATA: dir });
      try {
        expect(second.password).toBeUndefined();
        expect(second.stdout()).not.toContain(password);
        expect(second.stdout()).not.toContain('demo cases');
        const cookie = await signIn(second.url, 'admin', password);
        const list = await (await fetch(`${second.url}/api/cases?limit=1`, { headers: { cookie } })).json() as { total: number };
        expect(list.total).toBe(60);
      } finally {
        second.child.kill('SIGTERM');
      }
      expect((await second.exited).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
