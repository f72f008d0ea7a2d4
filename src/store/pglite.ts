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

/** `dataDir` is a directory (created when absent) or `memory://` for a throwaway database. */
export async function openPglite(dataDir: string): Promise<Database> {
  const db = await PGlite.create(dataDir);
  return {
    backend: 'pglite',
    ...queries(db),
    transaction: (fn) => db.transaction((tx) => fn(queries(tx))),
    close: () => db.close(),
  };
}
