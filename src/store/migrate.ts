/**
 * Runs the pending migrations, each in its own transaction, and records each in
 * schema_migrations. Safe to run again (applied versions are skipped) and from several
 * processes at once (an advisory lock makes them take turns).
 */
import type { Database, Queries } from './database.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/** Any fixed number; every allpath process migrating the same database takes this lock. */
const MIGRATION_LOCK = 7_411_900_001;

async function lock(tx: Queries): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK]);
}

export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const [row] = await tx.query('SELECT coalesce(max(version), 0)::int AS version FROM schema_migrations');
    const applied = Number(row?.version ?? 0);
    if (applied > known) {
      throw new Error(`the database schema is at version ${applied}, newer than this allpath knows (${known}): upgrade allpath`);
    }
  });
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      await lock(tx);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    });
  }
}
