// PGlite's memory settings: small shared buffers, and data larger than them still read back whole.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openPglite } from '../../src/store/index.js';
import { PGLITE_SHARED_BUFFERS } from '../../src/store/pglite.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('PGlite runs with 16 MB of shared buffers, not PostgreSQL\'s 128 MB (resident memory of allpath serve)', async () => {
  const db = await openPglite('memory://');
  try {
    expect(PGLITE_SHARED_BUFFERS).toBe('16MB');
    expect(await db.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
  } finally {
    await db.close();
  }
});

test('a table larger than the shared buffers is written, evicted and read back whole, across a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'allpath-pglite-'));
  dirs.push(dir);
  const rows = 1200;
  // ~20 MB of text PostgreSQL cannot compress (random hex), more than the 16 MB of buffers.
  const first = await openPglite(dir);
  try {
    await first.exec('CREATE TABLE big (id int PRIMARY KEY, body text NOT NULL)');
    await first.query(
      `INSERT INTO big SELECT i, string_agg(md5(i::text || ':' || j::text), '') FROM generate_series(1, $1) i, generate_series(1, 512) j GROUP BY i`,
      [rows],
    );
  } finally {
    await first.close();
  }
  const again = await openPglite(dir);
  try {
    const [size] = await again.query("SELECT pg_total_relation_size('big') > 16 * 1024 * 1024 AS larger");
    expect(size).toEqual({ larger: true });
    const [check] = await again.query(
      `SELECT count(*)::int AS n, sum(length(body))::bigint::text AS chars,
              bool_and(body = (SELECT string_agg(md5(big.id::text || ':' || j::text), '' ORDER BY j) FROM generate_series(1, 512) j)) AS intact
       FROM big`,
    );
    expect(check).toEqual({ n: rows, chars: String(rows * 512 * 32), intact: true });
  } finally {
    await again.close();
  }
}, 60_000);
