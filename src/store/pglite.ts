/**
 * PGlite: PostgreSQL compiled to WebAssembly, in process. One connection; PGlite queues every
 * query and transaction behind the running transaction, so nothing interleaves.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queries, Row } from './database.js';

function queries(db: PGlite | Transaction): Queries {
  return {
    async query(sql, params = []) {
      const result = await db.query<Row>(sql, [...params]);
      return result.rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
  };
}

/**
 * PostgreSQL's default shared_buffers, 128 MB, lives in PGlite's WebAssembly memory and is
 * resident from the start: most of `allpath serve`'s memory. A registry's working set is a few
 * MB, and pages beyond the buffers are read back from the data directory (through the OS page
 * cache), so 16 MB costs no measurable speed and saves about 120 MB of resident memory.
 */
export const PGLITE_SHARED_BUFFERS = '16MB';

/** `dataDir` is a directory (created when absent) or `memory://` for a throwaway database. */
export async function openPglite(dataDir: string): Promise<Database> {
  const db = await PGlite.create(dataDir, {
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  return {
    backend: 'pglite',
    ...queries(db),
    transaction: (fn) => db.transaction((tx) => fn(queries(tx))),
    close: () => db.close(),
  };
}
