/** PostgreSQL over node-postgres: a connection pool; each transaction holds one connection. */
import pg from 'pg';
import type { Database, Queries, Row } from './database.js';

function queries(client: pg.Pool | pg.PoolClient): Queries {
  return {
    async query(sql, params = []) {
      const result = await client.query<Row>(sql, [...params]);
      return result.rows;
    },
    async exec(sql) {
      // Without parameters node-postgres uses the simple protocol, which takes several statements.
      await client.query(sql);
    },
  };
}

export function openPostgres(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString });
  // An idle connection that drops emits 'error' on the pool, which would end the process when
  // nobody listens; the pool replaces the connection and the next query reports any real outage.
  pool.on('error', () => {});
  return {
    backend: 'postgres',
    ...queries(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(queries(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection is unusable: drop it rather than return it to the pool.
          broken = rollbackError instanceof Error ? rollbackError : new Error('ROLLBACK failed');
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
