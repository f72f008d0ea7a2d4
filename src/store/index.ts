/**
 * The registry's store. `openStore()` picks the backend, opens it and brings its schema up to
 * date: PostgreSQL when given a database URL, otherwise PGlite (embedded) in a data directory.
 */
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { createStore } from './store.js';
import type { Store } from './types.js';

export * from './types.js';
export { StoredDataError } from './rows.js';
export { createStore } from './store.js';
export { migrate } from './migrate.js';
export { MIGRATIONS, type Migration } from './migrations/index.js';
export { openPglite } from './pglite.js';
export { openPostgres } from './postgres.js';
export type { Database, Queries, Row } from './database.js';

export const DEFAULT_DATA_DIR = './.allpath-data';

export interface StoreOptions {
  /** postgres://… : use PostgreSQL. */
  readonly databaseUrl?: string;
  /** A directory for PGlite, or `memory://` for a database that lives as long as the process. */
  readonly dataDir?: string;
}

/**
 * Options first, then the environment: `databaseUrl`, else `dataDir`, else DATABASE_URL, else
 * ALLPATH_DATA, else ./.allpath-data. An explicit `dataDir` therefore wins over DATABASE_URL.
 */
function databaseFor(options: StoreOptions, env: NodeJS.ProcessEnv): Promise<Database> | Database {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') return openPostgres(options.databaseUrl);
  if (options.dataDir !== undefined && options.dataDir !== '') return openPglite(options.dataDir);
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '') return openPostgres(url);
  const dir = env.ALLPATH_DATA;
  return openPglite(dir !== undefined && dir !== '' ? dir : DEFAULT_DATA_DIR);
}

/** Opens the store and runs pending migrations; closes it again if they fail. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const store = createStore(await databaseFor(options, process.env));
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
