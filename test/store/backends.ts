/**
 * The two backends every store test runs against: PGlite in memory, and PostgreSQL in a fresh
 * database created for this run and dropped after it. CI guarantees PostgreSQL (.ci/run starts
 * it), so an unreachable server fails the PostgreSQL half; it is never skipped.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import {
  createStore, migrate, openPglite, openPostgres, type Database, type Store,
} from '../../src/store/index.js';

/** The maintenance database a throwaway test database is created from. */
export const POSTGRES_ADMIN_URL = process.env.ALLPATH_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Opened {
  readonly db: Database;
  readonly store: Store;
  /** The PostgreSQL URL of the throwaway database (postgres backend only). */
  readonly url: string | null;
  /** Closes the store and drops the throwaway database. */
  readonly dispose: () => Promise<void>;
}

export interface Backend {
  readonly name: 'pglite' | 'postgres';
  readonly open: () => Promise<Opened>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (CI starts it in .ci/run; `
      + 'locally start it, or point ALLPATH_TEST_POSTGRES at a maintenance database)', { cause: error });
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function opened(db: Database, url: string | null, drop: () => Promise<void>): Promise<Opened> {
  await migrate(db);
  const store = createStore(db);
  return { db, store, url, dispose: async () => { await store.close(); await drop(); } };
}

export const BACKENDS: readonly Backend[] = [
  {
    name: 'pglite',
    open: async () => opened(await openPglite('memory://'), null, async () => {}),
  },
  {
    name: 'postgres',
    open: async () => {
      const name = `allpath_test_${randomBytes(6).toString('hex')}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      const url = new URL(POSTGRES_ADMIN_URL);
      url.pathname = `/${name}`;
      return opened(openPostgres(url.toString()), url.toString(), async () => {
        await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      });
    },
  },
];

/**
 * Opens the backend before the suite and disposes of it after. Read `live.store` and
 * `live.opened` inside tests: they are set once `beforeAll` has run.
 */
export function openedFor(backend: Backend): { store: Store; opened: Opened } {
  const live = {} as { store: Store; opened: Opened };
  beforeAll(async () => {
    live.opened = await backend.open();
    live.store = live.opened.store;
  }, 60_000);
  afterAll(async () => {
    await live.opened?.dispose();
  });
  return live;
}
