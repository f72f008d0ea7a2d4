/**
 * Runs a robustness property with fast-check and counts what happened: runs, inputs accepted and
 * refused, exceptions, and the slowest input. Shared by the tests and `npm run fuzz`. Counting
 * stops at the first failure, so the inputs tried while shrinking are not counted.
 */
import fc from 'fast-check';
import { safeStringify } from './mutations.js';
import { SystemThrew, type Verdict } from './properties.js';

export interface RunStats {
  runs: number;
  valid: number;
  invalid: number;
  exceptions: number;
  slowestMs: number;
  slowestInput: unknown;
  wallMs: number;
}

export interface Failure {
  readonly seed: number;
  /** fast-check's replay path of the shrunk counterexample. */
  readonly path: string;
  readonly counterexample: unknown;
  readonly error: unknown;
  readonly kind: 'exception' | 'violation';
}

export interface RunResult {
  readonly stats: RunStats;
  readonly failure?: Failure;
}

export interface RunOptions {
  readonly seed: number;
  readonly numRuns: number;
  /** Replays one counterexample (`--path` of npm run fuzz). */
  readonly path?: string;
  /** Called before each counted run with its index (the fuzz watchdog listens). */
  readonly onRun?: (index: number) => void;
}

interface Counting<T> {
  readonly stats: RunStats;
  readonly measured: (check: (input: T) => Verdict) => (input: T) => void;
  readonly measuredAsync: (check: (input: T) => Promise<Verdict>) => (input: T) => Promise<void>;
}

function counting<T>(onRun?: (index: number) => void): Counting<T> {
  const stats: RunStats = { runs: 0, valid: 0, invalid: 0, exceptions: 0, slowestMs: 0, slowestInput: undefined, wallMs: 0 };
  let failed = false;
  const before = () => {
    if (!failed) onRun?.(stats.runs);
    return performance.now();
  };
  const after = (input: T, started: number, verdict: Verdict | undefined, error: unknown) => {
    if (failed) return;
    const ms = performance.now() - started;
    if (error !== undefined) {
      failed = true;
      if (error instanceof SystemThrew) stats.exceptions += 1;
      return;
    }
    stats.runs += 1;
    if (verdict !== undefined) stats[verdict] += 1;
    if (ms > stats.slowestMs) {
      stats.slowestMs = ms;
      stats.slowestInput = input;
    }
  };
  return {
    stats,
    measured: (check) => (input) => {
      const started = before();
      let verdict: Verdict | undefined;
      try {
        verdict = check(input);
      } catch (e) {
        after(input, started, undefined, e ?? new Error('threw nothing'));
        throw e;
      }
      after(input, started, verdict, undefined);
    },
    measuredAsync: (check) => async (input) => {
      const started = before();
      let verdict: Verdict | undefined;
      try {
        verdict = await check(input);
      } catch (e) {
        after(input, started, undefined, e ?? new Error('threw nothing'));
        throw e;
      }
      after(input, started, verdict, undefined);
    },
  };
}

function parameters(options: RunOptions): fc.Parameters<[unknown]> {
  return { seed: options.seed, numRuns: options.numRuns, ...(options.path === undefined ? {} : { path: options.path }) };
}

function resultOf(details: fc.RunDetails<[unknown]>, stats: RunStats, started: number): RunResult {
  stats.wallMs = performance.now() - started;
  if (!details.failed) return { stats };
  const error = details.errorInstance;
  return {
    stats,
    failure: {
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      counterexample: details.counterexample?.[0],
      error,
      kind: error instanceof SystemThrew ? 'exception' : 'violation',
    },
  };
}

export interface PropertyLike<T> {
  readonly id: string;
  readonly arbitrary: fc.Arbitrary<T>;
  check(input: T): Verdict;
}

export function runProperty<T>(p: PropertyLike<T>, options: RunOptions): RunResult {
  const c = counting<T>(options.onRun);
  const started = performance.now();
  const details = fc.check(fc.property(p.arbitrary, c.measured((x) => p.check(x))), parameters(options) as fc.Parameters<[T]>);
  return resultOf(details as fc.RunDetails<[unknown]>, c.stats, started);
}

export interface AsyncPropertyLike<T> {
  readonly id: string;
  readonly arbitrary: fc.Arbitrary<T>;
  check(input: T): Promise<Verdict>;
}

export async function runAsyncProperty<T>(p: AsyncPropertyLike<T>, options: RunOptions): Promise<RunResult> {
  const c = counting<T>(options.onRun);
  const started = performance.now();
  const details = await fc.check(fc.asyncProperty(p.arbitrary, c.measuredAsync((x) => p.check(x))), parameters(options) as fc.Parameters<[T]>);
  return resultOf(details as fc.RunDetails<[unknown]>, c.stats, started);
}

/** A value for a report: its JSON, cut at `max` characters; a note when it is too deep to print. */
export function describeInput(x: unknown, max = 1500): string {
  const text = typeof x === 'string' ? JSON.stringify(x) : safeStringify(x);
  if (text === undefined) return '(nested too deep to print; replay it with the seed and path)';
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/** The failure of a run, with what reproduces it. */
export function failureReport(id: string, f: Failure): string {
  const error = f.error instanceof Error ? `${f.error.name}: ${f.error.message}` : String(f.error);
  return [
    `property ${id} failed (${f.kind}) with seed ${f.seed}, path "${f.path}"`,
    `  ${error}`,
    `  shrunk input: ${describeInput(f.counterexample)}`,
    `  replay: npm run fuzz -- --property ${id} --seed ${f.seed} --path ${f.path}`,
  ].join('\n');
}
