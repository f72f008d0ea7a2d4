/** `allpath demo`, `import`, `export` and `reevaluate` end to end, on a PGlite store in a temp directory. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { evaluate, parseCase, type Case } from '../../src/index.js';
import { openStore } from '../../src/store/index.js';
import { ACTOR, example, line, readJson } from '../registry/helpers.js';
import { allpath } from './run-cli.js';

// Each run opens an embedded PostgreSQL (PGlite) on disk, and a fresh one is initialised first: seconds each.
const SLOW = { timeout: 120_000 };

const TMP = mkdtempSync(join(tmpdir(), 'allpath-cli-registry-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => join(TMP, `data-${++dirs}`);

function mixedNdjson(): string {
  const ph = example('ph-positive-b-all');
  const badUnit = { ...example('relapsed-b-all'), id: 'bad-unit' };
  badUnit.labs = [{ test: 'wbc', value: 22.5, unit: 'g/dL', date: '2024-10-07' }, ...(badUnit.labs ?? []).slice(1)];
  return [
    line(ph),
    line(example('t-all-untreated')),
    line(badUnit),
    line(readJson('test/fixtures/fhir/ph-negative.bundle.json')),
    line({ ...ph, performance: { ecog: 2 } }),
  ].join('\n');
}

describe('allpath demo', SLOW, () => {
  test('prints the same NDJSON of valid synthetic cases for the same seed and date', async () => {
    const args = ['demo', '--count', '5', '--seed', '3', '--as-of', '2026-03-02'];
    const [a, b] = await Promise.all([allpath(args), allpath(args)]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const cases = a.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Case);
    expect(cases.map((c) => c.id)).toEqual(['demo-0001', 'demo-0002', 'demo-0003', 'demo-0004', 'demo-0005']);
    expect(cases.every((c) => parseCase(c).ok && c.asOf === '2026-03-02')).toBe(true);
  });

  test('--out writes the file and says so on stderr; stdout stays empty', async () => {
    const out = join(TMP, 'demo.ndjson');
    const run = await allpath(['demo', '--count', '7', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('wrote 7 synthetic cases');
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(7);
  });

  test('--load stores the cases in the registry as synthetic', async () => {
    const data = freshDir();
    const run = await allpath(['demo', '--count', '6', '--load', '--data', data]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Loaded 6 synthetic demo cases');
    const store = await openStore({ dataDir: data });
    try {
      const { cases } = await store.listCases({}, ACTOR);
      expect(cases).toHaveLength(6);
      expect(cases.every((c) => c.synthetic)).toBe(true);
    } finally {
      await store.close();
    }
  });

  test.each([['--count', '0'], ['--count', 'many'], ['--as-of', '2026-02-30']])('%s %s is a usage error', async (flag, value) => {
    const run = await allpath(['demo', flag, value]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});

describe('allpath import', SLOW, () => {
  test('imports the valid records, reports the invalid one by line on stderr, and exits 2', async () => {
    const file = join(TMP, 'mixed.ndjson');
    writeFileSync(file, mixedNdjson());
    const data = freshDir();
    const run = await allpath(['import', file, '--as-of', '2026-03-02', '--data', data]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('3 new cases, 1 new version of cases already there, 0 unchanged, 1 invalid record skipped');
    expect(run.stderr).toContain('  line 3:\n    labs[0].unit: expected one of 10*9/L, 10*3/uL, /uL, /mm3 for wbc, found "g/dL"\n');
    expect(run.stderr).toContain('the valid records were imported');

    const exported = await allpath(['export', '--data', data]);
    expect(exported.code).toBe(0);
    const ids = exported.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as Case).id);
    expect(ids).toHaveLength(3);
    expect(ids).toEqual(expect.arrayContaining(['example-ph-positive-b-all', 'example-t-all-untreated']));
    expect(ids).not.toContain('bad-unit');
  });

  test('a file with only valid records exits 0', async () => {
    const file = join(TMP, 'valid.ndjson');
    writeFileSync(file, `${line(example('t-all-untreated'))}\n\n${line(example('relapsed-b-all'))}\n`);
    const run = await allpath(['import', file, '--data', freshDir()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 new cases');
    expect(run.stderr).toBe('');
  });

  test('a directory: one JSON file per record, an invalid one named by its file', async () => {
    const dir = join(TMP, 'records');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-t-all.json'), JSON.stringify(example('t-all-untreated'), null, 2));
    writeFileSync(join(dir, 'b-broken.json'), '{ "id": "x" }');
    writeFileSync(join(dir, 'notes.txt'), 'not a record');
    const run = await allpath(['import', dir, '--data', freshDir()]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('1 new case,');
    expect(run.stderr).toContain('  b-broken.json:\n    asOf: expected');
  });

  test('a path that does not exist is an input error', async () => {
    const run = await allpath(['import', join(TMP, 'nope.ndjson'), '--data', freshDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read');
  });

  test('ALLPATH_DATA stands in for --data', async () => {
    const data = freshDir();
    const file = join(TMP, 'one.ndjson');
    writeFileSync(file, line(example('t-all-untreated')));
    expect((await allpath(['import', file], { env: { ALLPATH_DATA: data, DATABASE_URL: '' } })).code).toBe(0);
    const exported = await allpath(['export', '--data', data]);
    expect(exported.stdout).toContain('"id":"example-t-all-untreated"');
  });
});

describe('allpath export', SLOW, () => {
  test('--out writes NDJSON that imports into another registry as the same cases', async () => {
    const source = freshDir();
    expect((await allpath(['demo', '--count', '5', '--seed', '9', '--load', '--data', source])).code).toBe(0);
    const out = join(TMP, 'export.ndjson');
    const run = await allpath(['export', '--out', out, '--data', source]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('exported 5 cases');
    const target = freshDir();
    const imported = await allpath(['import', out, '--data', target]);
    expect(imported.code).toBe(0);
    const again = await allpath(['export', '--data', target]);
    const sorted = (text: string) => text.trimEnd().split('\n').sort();
    expect(sorted(again.stdout)).toEqual(sorted(readFileSync(out, 'utf8')));
  });

  test('a database URL that cannot be reached is an internal error that does not echo the URL', async () => {
    const run = await allpath(['export', '--database-url', 'postgres://someone:s3cret@127.0.0.1:1/allpath']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot open the registry store (PostgreSQL (--database-url))');
    expect(run.stderr).not.toContain('s3cret');
  });
});

describe('allpath reevaluate', SLOW, () => {
  test('lists the cases whose actions changed since their stored evaluation, with totals', async () => {
    const data = freshDir();
    const file = join(TMP, 'reeval.ndjson');
    writeFileSync(file, line(example('ph-positive-b-all')));
    expect((await allpath(['import', file, '--data', data])).code).toBe(0);

    const unchanged = await allpath(['reevaluate', '--data', data]);
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout).toContain('Re-evaluated 1 cases');
    expect(unchanged.stdout).toContain('0 with changed actions');

    // An evaluation as an older knowledge base might have stored it: without the TKI.
    const current = evaluate(example('ph-positive-b-all'));
    expect(current.recommendations.some((r) => r.action === 'tki')).toBe(true);
    const store = await openStore({ dataDir: data });
    try {
      await store.saveEvaluation(current.caseId, 1, { ...current, recommendations: current.recommendations.filter((r) => r.action !== 'tki') }, ACTOR);
    } finally {
      await store.close();
    }
    const changed = await allpath(['reevaluate', '--data', data]);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('example-ph-positive-b-all (version 1)\n  recommendations: + tki\n');
    expect(changed.stdout).toContain('1 with changed actions, 1 new evaluations stored');
    expect(changed.stdout).toContain('Recommendations: 1 added, 0 dropped');

    const json = await allpath(['reevaluate', '--json', '--data', data]);
    expect(JSON.parse(json.stdout)).toMatchObject({ cases: 1, stored: 0, changed: [] });
  });
});

describe('help', () => {
  test.each(['demo', 'import', 'export', 'reevaluate', 'user', 'user add', 'user list', 'user disable'])('%s --help exits 0 and shows the usage', async (command) => {
    const run = await allpath([...command.split(' '), '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: allpath ${command}`);
  });

  test('import --help names the store options and the exit codes', async () => {
    const run = await allpath(['import', '--help']);
    for (const s of ['--as-of', '--database-url', '--data <dir>', 'Exit codes']) expect(run.stdout).toContain(s);
  });
});
