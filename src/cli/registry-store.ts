/**
 * Opening the registry's store from the command line, and the CLI as an actor for the audit log.
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { DEFAULT_DATA_DIR, openStore, type Actor, type Store } from '../store/index.js';
import type { Io } from './io.js';

export const INTERNAL_ERROR = 1;

export interface StoreFlags {
  /** postgres://… ; DATABASE_URL when not given. */
  readonly databaseUrl?: string;
  /** The PGlite directory; ALLPATH_DATA, else ./.allpath-data when not given. */
  readonly data?: string;
  /** The name `allpath serve` uses for --data. */
  readonly dataDir?: string;
}

/** The CLI as an actor: the operating-system user, and a job id that ties this run's audit entries together. */
export function cliActor(): Actor {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers).
    name = process.env['USER'] ?? 'unknown';
  }
  return { userId: null, username: `cli:${name}`, requestId: randomUUID() };
}

/** Where the store is, for messages: never the database URL itself (it may hold a password). */
function storeLabel(flags: StoreFlags): string {
  if ((flags.databaseUrl ?? '') !== '') return 'PostgreSQL (--database-url)';
  const dir = flags.data ?? flags.dataDir;
  if (dir !== undefined) return `PGlite in ${dir}`;
  if ((process.env['DATABASE_URL'] ?? '') !== '') return 'PostgreSQL (DATABASE_URL)';
  return `PGlite in ${process.env['ALLPATH_DATA'] || DEFAULT_DATA_DIR}`;
}

/**
 * Opens the store, runs `work` and closes the store. A store that cannot be opened is an
 * internal error whose message names only the error's class and code.
 */
export async function withStore(flags: StoreFlags, io: Io, work: (store: Store, where: string) => Promise<number>): Promise<number> {
  let store: Store;
  const dir = flags.data ?? flags.dataDir;
  try {
    store = await openStore({
      ...(flags.databaseUrl === undefined ? {} : { databaseUrl: flags.databaseUrl }),
      ...(dir === undefined ? {} : { dataDir: dir }),
    });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const what = `${e instanceof Error ? e.name : 'error'}${typeof code === 'string' ? ` ${code}` : ''}`;
    io.stderr(`allpath: cannot open the registry store (${storeLabel(flags)}): ${what}\n`);
    return INTERNAL_ERROR;
  }
  try {
    return await work(store, storeLabel(flags));
  } finally {
    await store.close();
  }
}

