/**
 * A throwaway PostgreSQL database for a test file: created from the maintenance database
 * (ALLPATH_TEST_POSTGRES, default postgres://postgres@127.0.0.1:5432/postgres) under a random
 * name, and dropped after. PostgreSQL that cannot be reached fails the test; it is not skipped.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_ADMIN_URL = process.env['ALLPATH_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Throwaway {
  readonly name: string;
  readonly url: string;
  readonly drop: () => Promise<void>;
}

async function onMaintenance(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new empty database `<prefix>_<random>`. */
export async function throwawayDatabase(prefix: string): Promise<Throwaway> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onMaintenance(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => onMaintenance(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
