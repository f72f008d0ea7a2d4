/**
 * `allpath evaluate --batch <file|->`: every line of an NDJSON file (or stdin) read and evaluated
 * exactly as `evaluate` reads one file (a contract case, or a FHIR Bundle evaluated for --as-of,
 * today by default), by worker threads, streaming, the output in input order:
 *
 * - a valid line gives its evaluation as compact JSON: the object `--format json` prints;
 * - an invalid line gives `{"line": n, "invalid": "case" | "FHIR Bundle", "issues": [...]}`, the
 *   contract's issues (code, path, expected, found, message) as the HTTP API answers them;
 * - a blank line gives nothing, but counts, so line numbers are those of the file.
 *
 * Exit 0 when every line was evaluated, 2 when any was invalid (the others were evaluated) or
 * the input cannot be read, 1 when the output cannot be written or on an internal error (a worker
 * failed); the output is then incomplete.
 * stderr gets line numbers and counts only, never the issues (they may quote patient data),
 * and a progress bar when it is a terminal.
 */
import { Presets, SingleBar } from 'cli-progress';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { today } from '../server/evaluate-input.js';
import { BatchError, FIRST_INVALID, runPipeline, type PipelineReport } from './batch-pipeline.js';
import type { Io } from './io.js';
import { INVALID_INPUT } from './issues.js';

const INTERNAL_ERROR = 1;

export interface BatchOptions {
  /** The date FHIR Bundles are evaluated for (today by default); a contract case's own asOf must agree. */
  readonly asOf?: string;
  /** Worker threads (default: the number of cores). */
  readonly workers?: number;
}

/** What each worker of allpath's batch is given. */
export interface BatchWorkerData {
  readonly asOf?: string;
  readonly today: string;
}

/** What the benchmark's baseline and the tests change: the per-line work and the streams. */
export interface BatchSetup {
  /** The worker module (it calls `serveLines`); default: allpath's, which evaluates each line. */
  readonly worker?: URL;
  readonly stdin?: Readable;
  readonly stdout?: Writable;
}

/** The worker module that evaluates each line. */
export const BATCH_WORKER = new URL('./batch-worker.js', import.meta.url);

const REASONS: Readonly<Record<string, string>> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'a directory' };

const cannotRead = (source: string, code: string | undefined) =>
  `allpath: cannot read ${JSON.stringify(source)}: ${REASONS[code ?? ''] ?? 'unreadable'}\n`;

/** The input stream, or why it cannot be read. */
async function openInput(source: string, stdin: Readable): Promise<Readable | string> {
  if (source === '-') return stdin;
  try {
    const handle = await open(source, 'r');
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      return 'EISDIR';
    }
    return handle.createReadStream({ highWaterMark: 1 << 20 });
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? 'unreadable';
  }
}

/** Lines in a file, blank ones included (for the progress bar's total). */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) lines += 1;
    if (bytes.length > 0) last = bytes[bytes.length - 1] ?? last;
  }
  return last === 0x0a ? lines : lines + 1;
}

/** The progress bar, on a terminal only; without a total (stdin) it counts. */
function progressBar(total: number | null): SingleBar | null {
  if (process.stderr.isTTY !== true) return null;
  const format = total === null
    ? 'evaluating: {value} lines | {invalid} invalid'
    : 'evaluating [{bar}] {value}/{total} lines | {invalid} invalid | eta {eta_formatted}';
  const bar = new SingleBar({ stream: process.stderr, hideCursor: true, etaBuffer: 50, format }, Presets.shades_classic);
  bar.start(total ?? 0, 0, { invalid: 0 });
  return bar;
}

function invalidSummary(report: PipelineReport): string {
  const places = report.firstInvalid.map((n) => `line ${n}`).join(', ');
  const more = report.invalid > FIRST_INVALID ? ', …' : '';
  return `allpath: ${report.invalid} of ${report.written} lines invalid (${places}${more}): `
    + 'each is in the output in its place, as {"line", "invalid", "issues"}; the others were evaluated.\n';
}

export async function batchCommand(source: string, options: BatchOptions, io: Io, setup: BatchSetup = {}): Promise<number> {
  const input = await openInput(source, setup.stdin ?? process.stdin);
  if (typeof input === 'string') {
    io.stderr(cannotRead(source, input));
    return INVALID_INPUT;
  }
  const total = process.stderr.isTTY === true && source !== '-' ? await countLines(source) : null;
  const bar = progressBar(total);
  let invalidSoFar = 0;
  const workerData: BatchWorkerData = { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), today: today() };
  let report: PipelineReport;
  try {
    report = await runPipeline({
      input,
      output: setup.stdout ?? process.stdout,
      worker: setup.worker ?? BATCH_WORKER,
      workerData,
      workers: options.workers ?? availableParallelism(),
      onChunk: (written) => {
        invalidSoFar += written.invalid;
        bar?.increment(written.lines, { invalid: invalidSoFar });
      },
    });
  } catch (e) {
    bar?.stop();
    if (!(e instanceof BatchError)) throw e;
    if (e.kind === 'input') {
      io.stderr(cannotRead(source, (e.cause as NodeJS.ErrnoException | undefined)?.code));
      return INVALID_INPUT;
    }
    // A closed or full output is not a bug, but the output is cut short all the same.
    io.stderr(`allpath: ${e.kind === 'output' ? '' : 'internal error: '}${e.message}; the output is incomplete.\n`);
    if (io.debug) io.stderr(`${e.detail.workerStack ?? e.stack ?? ''}\n`);
    return INTERNAL_ERROR;
  }
  bar?.stop();
  if (report.invalid === 0) return 0;
  io.stderr(invalidSummary(report));
  return INVALID_INPUT;
}
