/**
 * The little the store needs from a database: parameterised queries and transactions. Two
 * adapters implement it (PGlite, node-postgres); the store's SQL is the same for both.
 */

export type Row = Readonly<Record<string, unknown>>;

export interface Queries {
  /** One statement with $1, $2, … parameters. */
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queries {
  readonly backend: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The SQLSTATE of a database error (both drivers put it on `code`), if any. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
