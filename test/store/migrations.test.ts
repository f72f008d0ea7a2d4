// Migrations on both backends, opening a store by options, and PGlite data surviving a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MIGRATIONS, migrate, openStore } from '../../src/store/index.js';
import { BACKENDS, type Opened } from './backends.js';
import { actor, evaluated } from './fixtures.js';

test('migrations are numbered 1, 2, 3, … with no gap and distinct names', () => {
  expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
});

describe.each(BACKENDS)('$name: migrations', (backend) => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await backend.open();
  }, 60_000);
  afterAll(async () => {
    await opened?.dispose();
  });

  test('migrating again, twice, applies nothing and keeps the data', async () => {
    const { input, evaluation } = evaluated('precursor-b-untreated', 'mig-1');
    await opened.store.createCase(input, evaluation, actor('dr'));
    const applied = async () => opened.db.query('SELECT version, name FROM schema_migrations ORDER BY version');
    const before = await applied();
    expect(before).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    await opened.store.migrate();
    await opened.store.migrate();
    expect(await applied()).toEqual(before);
    expect((await opened.store.getCase('mig-1', actor('dr')))?.case).toEqual(input);
  });

  test('migrations running at the same time take turns', async () => {
    await Promise.all([opened.store.migrate(), opened.store.migrate(), opened.store.migrate()]);
    expect((await opened.db.query('SELECT count(*)::int AS n FROM schema_migrations'))[0]).toEqual({ n: MIGRATIONS.length });
  });

  test('a database migrated by a newer allpath is refused, not downgraded', async () => {
    await expect(migrate(opened.db, MIGRATIONS.slice(0, -1))).rejects.toThrow(/newer than this allpath knows/);
  });

  test('openStore picks the backend from its options and migrates', async () => {
    const store = await openStore(opened.url === null ? { dataDir: 'memory://' } : { databaseUrl: opened.url });
    try {
      expect(store.backend).toBe(backend.name);
      expect(await store.countUsers()).toBeGreaterThanOrEqual(0);
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('pglite on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'allpath-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('cases, evaluations and the audit log survive closing and reopening the data directory', async () => {
    const { input, evaluation } = evaluated('ph-positive', 'disk-1');
    const first = await openStore({ dataDir: dir });
    await first.createCase(input, evaluation, actor('dr', 'r-1'));
    await first.close();

    const second = await openStore({ dataDir: dir });
    try {
      expect((await second.getCase('disk-1', actor('dr', 'r-2')))?.case).toEqual(input);
      expect((await second.latestEvaluation('disk-1', actor('dr', 'r-3')))?.evaluation).toEqual(evaluation);
      expect((await second.auditLog({ caseId: 'disk-1' })).map((e) => e.requestId)).toEqual(['r-3', 'r-2', 'r-1']);
    } finally {
      await second.close();
    }
  }, 60_000);
});
