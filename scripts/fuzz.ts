/**
 * npm run fuzz [-- --runs N] [--seed S] [--property ID] [--path P] [--out DIR] [--stall-ms MS] [--no-http]
 *
 * The robustness properties of test/robustness/properties.ts (and the HTTP one of
 * api-property.ts), with 100,000 runs in all by default, shared out by each property's share.
 * Reports per property the runs, the inputs accepted (valid) and refused (invalid), the
 * exceptions (0 expected), the slowest input and the wall time. Exit 1 on any failure, with the
 * shrunk counterexample written to DIR (test-results/fuzz by default) and the command that
 * replays it; exit 2 on bad arguments.
 *
 * The properties run in a worker thread so that a hang is caught: when no input finishes for
 * --stall-ms (60 s), the worker is stopped, the input it was on is generated again from the seed
 * and written out, and the remaining properties go on in a new worker.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';

export interface FuzzOptions {
  readonly runs: number;
  readonly seed: number;
  readonly property?: string;
  readonly path?: string;
  readonly out: string;
  readonly stallMs: number;
  readonly http: boolean;
}

/** A property to run: its id, its arbitrary and its share of the runs. */
interface Planned {
  readonly id: string;
  readonly runs: number;
}

interface Reported {
  readonly id: string;
  readonly runs: number;
  readonly valid: number;
  readonly invalid: number;
  readonly exceptions: number;
  readonly slowestMs: number;
  readonly slowest: string;
  readonly wallMs: number;
  /** What failed (an exception, a violation, or a hang), with the file the input was written to. */
  readonly failure?: string;
}

const USAGE = 'usage: npm run fuzz -- [--runs N] [--seed S] [--property ID] [--path P] [--out DIR] [--stall-ms MS] [--no-http]';

function parseArgs(argv: readonly string[]): FuzzOptions | string {
  const opts: { -readonly [K in keyof FuzzOptions]?: FuzzOptions[K] } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const number = () => (value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined);
    switch (flag) {
      case '--runs': opts.runs = number(); i += 1; if (opts.runs === undefined || opts.runs < 1) return `--runs needs a positive whole number\n${USAGE}`; break;
      case '--seed': opts.seed = number(); i += 1; if (opts.seed === undefined) return `--seed needs a whole number\n${USAGE}`; break;
      case '--stall-ms': opts.stallMs = number(); i += 1; if (opts.stallMs === undefined) return `--stall-ms needs a whole number\n${USAGE}`; break;
      case '--property': opts.property = value; i += 1; break;
      case '--path': opts.path = value; i += 1; break;
      case '--out': opts.out = value; i += 1; break;
      case '--no-http': opts.http = false; break;
      default: return `unknown argument ${String(flag)}\n${USAGE}`;
    }
  }
  return {
    runs: opts.runs ?? 100_000,
    seed: opts.seed ?? Math.floor(Math.random() * 2 ** 31),
    out: resolve(opts.out ?? 'test-results/fuzz'),
    stallMs: opts.stallMs ?? 60_000,
    http: opts.http ?? true,
    ...(opts.property === undefined ? {} : { property: opts.property }),
    ...(opts.path === undefined ? {} : { path: opts.path }),
  };
}

/** Every property by id, with its arbitrary and share; the HTTP one last (it needs a server). */
async function catalogue() {
  const { PROPERTIES } = await import('../test/robustness/properties.js');
  const { apiRequest } = await import('../test/robustness/api-property.js');
  return [
    ...PROPERTIES.map((p) => ({ id: p.id, share: p.share, arbitrary: p.arbitrary as fc.Arbitrary<unknown>, async: false })),
    { id: 'api-evaluate', share: 2, arbitrary: apiRequest as fc.Arbitrary<unknown>, async: true },
  ];
}

function plan(all: Awaited<ReturnType<typeof catalogue>>, opts: FuzzOptions): Planned[] | string {
  const chosen = all.filter((p) => (opts.property === undefined ? opts.http || !p.async : p.id === opts.property));
  if (chosen.length === 0) return `unknown property ${String(opts.property)}; known: ${all.map((p) => p.id).join(', ')}`;
  const shares = chosen.reduce((n, p) => n + p.share, 0);
  return chosen.map((p) => ({ id: p.id, runs: Math.max(1, Math.round((opts.runs * p.share) / shares)) }));
}

function replay(id: string, seed: number, path: string): string {
  return `npm run fuzz -- --property ${id} --seed ${seed} --path ${path}`;
}

/** Writes a failing input with what reproduces it; returns the file. */
function writeFailure(out: string, id: string, record: Record<string, unknown>, input: unknown): string {
  mkdirSync(out, { recursive: true });
  const file = `${out}/${id}-seed${String(record['seed'])}.json`;
  let text: string;
  try {
    text = JSON.stringify({ ...record, input }, null, 2);
  } catch {
    text = JSON.stringify({ ...record, input: null, note: 'the input is nested too deep to write; replay it with the command' }, null, 2);
  }
  writeFileSync(file, `${text}\n`);
  return file;
}

// Shared with the worker: which planned property, which run, and a counter bumped by every input.
const PROPERTY = 0;
const RUN = 1;
const BEAT = 2;

async function workerMain(): Promise<void> {
  const { opts, planned, shared } = workerData as { opts: FuzzOptions; planned: Planned[]; shared: Int32Array };
  const { PROPERTIES } = await import('../test/robustness/properties.js');
  const { runProperty, runAsyncProperty, describeInput } = await import('../test/robustness/runner.js');
  const onRun = (index: number) => Atomics.store(shared, RUN, index);
  const beat = <T, R>(check: (x: T) => R) => (x: T): R => {
    Atomics.add(shared, BEAT, 1);
    return check(x);
  };
  for (const [n, job] of planned.entries()) {
    Atomics.store(shared, PROPERTY, n);
    const options = { seed: opts.seed, numRuns: job.runs, onRun, ...(opts.path === undefined ? {} : { path: opts.path }) };
    let result;
    if (job.id === 'api-evaluate') {
      const { apiProperty } = await import('../test/robustness/api-property.js');
      const { buildServer, DEFAULT_BODY_LIMIT } = await import('../src/server/index.js');
      const { testStore, authAs } = await import('../test/server/helpers.js');
      const store = await testStore();
      const app = buildServer({ store, auth: { mode: 'off' } });
      const p = apiProperty(app, authAs('viewer'), DEFAULT_BODY_LIMIT);
      result = await runAsyncProperty({ ...p, check: beat((x: Parameters<typeof p.check>[0]) => p.check(x)) }, options);
      await app.close();
      await store.close();
    } else {
      const p = PROPERTIES.find((x) => x.id === job.id);
      if (p === undefined) throw new Error(`no property ${job.id}`);
      result = runProperty({ ...p, check: beat((x: unknown) => p.check(x)) }, options);
    }
    const { stats, failure } = result;
    let failed: string | undefined;
    if (failure !== undefined) {
      const error = failure.error instanceof Error ? `${failure.error.name}: ${failure.error.message}` : String(failure.error);
      const file = writeFailure(opts.out, job.id, {
        property: job.id, kind: failure.kind, seed: failure.seed, path: failure.path, error, replay: replay(job.id, failure.seed, failure.path),
      }, failure.counterexample);
      failed = `${failure.kind}: ${error.slice(0, 300)}\n    input: ${describeInput(failure.counterexample, 300)}\n    written to ${file}\n    replay: ${replay(job.id, failure.seed, failure.path)}`;
    }
    const report: Reported = {
      id: job.id, runs: stats.runs, valid: stats.valid, invalid: stats.invalid, exceptions: stats.exceptions,
      slowestMs: stats.slowestMs, slowest: describeInput(stats.slowestInput, 200), wallMs: stats.wallMs,
      ...(failed === undefined ? {} : { failure: failed }),
    };
    parentPort?.postMessage(report);
  }
}

/** The input run `index` of property `id` was given: the same seed, stopped there without shrinking. */
async function regenerate(id: string, opts: FuzzOptions, index: number): Promise<unknown> {
  const p = (await catalogue()).find((x) => x.id === id);
  if (p === undefined) return undefined;
  let i = 0;
  let found: unknown;
  const pick = (x: unknown) => {
    if (i === index) found = x;
    i += 1;
    return i <= index;
  };
  const params = { seed: opts.seed, numRuns: index + 1, endOnFailure: true };
  if (p.async) await fc.check(fc.asyncProperty(p.arbitrary, async (x) => pick(x)), params);
  else fc.check(fc.property(p.arbitrary, pick), params);
  return found;
}

/** Runs `planned` in a worker; resolves with each property's report, and a hang as a failure. */
async function runInWorker(planned: readonly Planned[], opts: FuzzOptions, reports: Reported[]): Promise<void> {
  const shared = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { opts, planned, shared } });
  const started = performance.now();
  let lastBeat = -1;
  let lastChange = performance.now();
  const stalled = await new Promise<{ at: number; run: number } | undefined>((done, fail) => {
    worker.on('message', (r: Reported) => {
      reports.push(r);
      const mark = r.failure === undefined ? 'ok' : 'FAILED';
      console.log(`${r.id}: ${r.runs} runs, ${r.valid} valid, ${r.invalid} invalid, ${r.exceptions} exceptions, slowest ${r.slowestMs.toFixed(1)} ms, ${(r.wallMs / 1000).toFixed(1)} s: ${mark}`);
      if (r.failure !== undefined) console.log(`  ${r.failure}`);
    });
    worker.on('error', fail);
    worker.on('exit', () => done(undefined));
    const timer = setInterval(() => {
      const beat = Atomics.load(shared, BEAT);
      if (beat !== lastBeat) {
        lastBeat = beat;
        lastChange = performance.now();
        return;
      }
      if (performance.now() - lastChange < opts.stallMs) return;
      clearInterval(timer);
      done({ at: Atomics.load(shared, PROPERTY), run: Atomics.load(shared, RUN) });
    }, 250);
    worker.once('exit', () => clearInterval(timer));
  });
  if (stalled === undefined) return;
  await worker.terminate();
  const job = planned[stalled.at];
  if (job === undefined) return;
  const input = await regenerate(job.id, opts, stalled.run);
  const path = String(stalled.run);
  const file = writeFailure(opts.out, job.id, { property: job.id, kind: 'hang', seed: opts.seed, path, error: `no answer in ${opts.stallMs} ms`, replay: replay(job.id, opts.seed, path) }, input);
  const failure = `hang: run ${stalled.run} gave no answer in ${opts.stallMs} ms\n    written to ${file}\n    replay: ${replay(job.id, opts.seed, path)}`;
  console.log(`${job.id}: FAILED\n  ${failure}`);
  reports.push({ id: job.id, runs: stalled.run, valid: 0, invalid: 0, exceptions: 0, slowestMs: opts.stallMs, slowest: '(the hang)', wallMs: performance.now() - started, failure });
  await runInWorker(planned.slice(stalled.at + 1), opts, reports);
}

function summary(reports: readonly Reported[], wallMs: number): string {
  const rows = [['property', 'runs', 'valid', 'invalid', 'exceptions', 'slowest ms', 'wall s', 'result'],
    ...reports.map((r) => [r.id, r.runs, r.valid, r.invalid, r.exceptions, r.slowestMs.toFixed(1), (r.wallMs / 1000).toFixed(1), r.failure === undefined ? 'ok' : 'FAILED'].map(String))];
  const total = (k: 'runs' | 'valid' | 'invalid' | 'exceptions') => String(reports.reduce((n, r) => n + r[k], 0));
  rows.push(['total', total('runs'), total('valid'), total('invalid'), total('exceptions'), '', (wallMs / 1000).toFixed(1), '']);
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  const slowest = [...reports].sort((a, b) => b.slowestMs - a.slowestMs)[0];
  return [
    ...rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ')),
    slowest === undefined ? '' : `slowest input: ${slowest.id}, ${slowest.slowestMs.toFixed(1)} ms: ${slowest.slowest}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    console.error(`fuzz: ${opts}`);
    return 2;
  }
  const planned = plan(await catalogue(), opts);
  if (typeof planned === 'string') {
    console.error(`fuzz: ${planned}`);
    return 2;
  }
  const total = planned.reduce((n, p) => n + p.runs, 0);
  console.log(`allpath fuzz: seed ${opts.seed}, ${total} runs over ${planned.length} properties${opts.path === undefined ? '' : `, replaying path ${opts.path}`}`);
  const started = performance.now();
  const reports: Reported[] = [];
  await runInWorker(planned, opts, reports);
  const wallMs = performance.now() - started;
  console.log(`\n${summary(reports, wallMs)}`);
  const failed = reports.filter((r) => r.failure !== undefined);
  const missing = planned.filter((p) => !reports.some((r) => r.id === p.id));
  if (failed.length > 0 || missing.length > 0) {
    console.log(`\nFAILED: ${[...failed.map((r) => r.id), ...missing.map((p) => `${p.id} (did not finish)`)].join(', ')}; counterexamples in ${opts.out}`);
    return 1;
  }
  console.log(`\nok: ${total} runs, 0 exceptions, wall ${(wallMs / 1000).toFixed(1)} s`);
  return 0;
}

if (isMainThread) process.exitCode = await main();
else await workerMain();
