/**
 * The pipeline of `evaluate --batch`: NDJSON in, one output line per non-blank input line out, in
 * input order, the per-line work done by a pool of worker threads (a module that calls
 * `serveLines`, see batch-lines.ts).
 *
 * The main thread only cuts the input into chunks of whole lines (bytes, never decoded here),
 * hands each to the least busy worker and writes the answers in order. Memory stays bounded: at
 * most `inFlight` chunks are between being read and being written; reading waits for a slot, and
 * a slot is freed only once its output is written and the output has drained.
 */
import type { Readable, Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { ChunkAnswer, ChunkTask } from './batch-lines.js';

export interface PipelineOptions {
  readonly input: Readable;
  readonly output: Writable;
  /** The worker module: it calls `serveLines` with the per-line work. */
  readonly worker: URL;
  /** Given to each worker's `serveLines` set-up. */
  readonly workerData: unknown;
  readonly workers: number;
  /** A chunk ends after this many lines… */
  readonly chunkLines?: number;
  /** …or at the first line end past this many bytes, whichever comes first. */
  readonly chunkBytes?: number;
  /** Chunks read but not yet written, at most (default: two per worker). */
  readonly inFlight?: number;
  /** Called after each chunk is written, e.g. to move a progress bar. */
  readonly onChunk?: (written: { readonly lines: number; readonly invalid: number }) => void;
}

export interface PipelineReport {
  /** Input lines read, blank ones included. */
  readonly lines: number;
  /** Output lines written: one per non-blank input line. */
  readonly written: number;
  readonly invalid: number;
  /** The first line numbers that were invalid (at most `FIRST_INVALID`). */
  readonly firstInvalid: readonly number[];
}

/** How many invalid line numbers the report keeps. */
export const FIRST_INVALID = 20;

/** Why a batch stopped: the input could not be read, the output not written, or a worker failed (a bug). */
export class BatchError extends Error {
  override readonly name = 'BatchError';
  constructor(
    readonly kind: 'input' | 'output' | 'worker',
    message: string,
    readonly detail: { readonly line?: number; readonly workerStack?: string; readonly cause?: unknown } = {},
  ) {
    super(message, { cause: detail.cause });
  }
}

const DEFAULT_CHUNK_LINES = 128;
const DEFAULT_CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

interface Chunk {
  readonly firstLine: number;
  readonly bytes: Uint8Array;
}

/**
 * The input cut into chunks of whole lines, each copied into its own buffer so it can be
 * transferred. The lines read so far also make a chunk when `idle()` says the workers have
 * nothing to do, so a slow producer (a pipe) gets each line's output without waiting for more.
 */
async function* chunksOf(input: AsyncIterable<Buffer | string>, maxLines: number, maxBytes: number, idle: () => boolean): AsyncGenerator<Chunk> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let lines = 0;
  let firstLine = 1;
  const take = (): Chunk => {
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    const chunk = { firstLine, bytes };
    firstLine += lines;
    parts = [];
    size = 0;
    lines = 0;
    return chunk;
  };
  for await (const data of input) {
    const buffer = typeof data === 'string' ? Buffer.from(data) : data;
    let start = 0;
    let nl = buffer.indexOf(NEWLINE);
    while (nl !== -1) {
      lines += 1;
      const end = nl + 1;
      if (lines >= maxLines || size + end - start >= maxBytes) {
        parts.push(buffer.subarray(start, end));
        size += end - start;
        start = end;
        yield take();
      }
      nl = buffer.indexOf(NEWLINE, end);
    }
    const end = buffer.lastIndexOf(NEWLINE) + 1;
    if (lines > 0 && end > start && idle()) {
      parts.push(buffer.subarray(start, end));
      size += end - start;
      start = end;
      yield take();
    }
    if (start < buffer.length) {
      parts.push(buffer.subarray(start));
      size += buffer.length - start;
    }
  }
  if (size === 0) return;
  // The file's last line without a newline.
  if (parts.at(-1)?.at(-1) !== NEWLINE) lines += 1;
  yield take();
}

type Done = Extract<ChunkAnswer, { type: 'done' }>;

interface Thread {
  readonly worker: Worker;
  readonly pending: Map<number, (done: Done) => void>;
}

/** Worker threads running one module; the first failure of any of them is reported once to `onFailure`. */
class Pool {
  private readonly threads: Thread[];
  private closing = false;
  private failed = false;

  constructor(module: URL, size: number, workerData: unknown, private readonly onFailure: (error: BatchError) => void) {
    this.threads = Array.from({ length: size }, () => this.start(module, workerData));
  }

  private start(module: URL, workerData: unknown): Thread {
    const worker = new Worker(module, { workerData });
    const thread: Thread = { worker, pending: new Map() };
    worker.on('message', (answer: ChunkAnswer) => {
      if (answer.type === 'failed') {
        this.fail(new BatchError('worker', `the work on line ${answer.line} failed: ${answer.message}`, {
          line: answer.line, ...(answer.stack === undefined ? {} : { workerStack: answer.stack }),
        }));
        return;
      }
      const resolve = thread.pending.get(answer.seq);
      thread.pending.delete(answer.seq);
      resolve?.(answer);
    });
    worker.on('error', (e) => this.fail(new BatchError('worker', `a worker thread failed: ${e.message}`, { cause: e })));
    worker.on('messageerror', (e) => this.fail(new BatchError('worker', `a worker thread's answer could not be read: ${e.message}`, { cause: e })));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new BatchError('worker', `a worker thread stopped (exit code ${code})`));
    });
    return thread;
  }

  private fail(error: BatchError): void {
    if (this.failed || this.closing) return;
    this.failed = true;
    this.onFailure(error);
  }

  /** The chunk's answer; never settles if the pool fails (the failure is reported instead). */
  run(task: ChunkTask): Promise<Done> {
    const thread = this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return new Promise((resolve) => {
      thread.pending.set(task.seq, resolve);
      thread.worker.postMessage(task, [task.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}

function drained(output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      output.off('drain', done);
      output.off('close', done);
      resolve();
    };
    // On an error the output closes too; the error itself is reported by the pipeline's listener.
    output.on('drain', done);
    output.on('close', done);
  });
}

export async function runPipeline(o: PipelineOptions): Promise<PipelineReport> {
  const inFlight = Math.max(1, o.inFlight ?? 2 * o.workers);
  let failure: BatchError | null = null;
  /** Chunks read and not yet written. */
  let outstanding = 0;
  /** The reader, when it waits for a slot or for the last chunks. */
  let wake: (() => void) | null = null;
  const ready = new Map<number, Done>();
  let nextToWrite = 0;
  let writing = false;
  let lines = 0;
  let written = 0;
  let invalid = 0;
  const firstInvalid: number[] = [];

  const stop = (error: BatchError) => {
    failure ??= error;
    wake?.();
    // Unblocks a reader waiting for more input (e.g. stdin still open).
    o.input.destroy();
  };
  const onOutputError = (e: NodeJS.ErrnoException) =>
    stop(new BatchError('output', `cannot write the output${e.code === undefined ? '' : ` (${e.code})`}`, { cause: e }));
  o.output.on('error', onOutputError);

  const writeReady = async (): Promise<void> => {
    if (writing) return;
    writing = true;
    for (let done = ready.get(nextToWrite); done !== undefined && failure === null; done = ready.get(nextToWrite)) {
      ready.delete(nextToWrite);
      nextToWrite += 1;
      if (done.bytes.length > 0 && !o.output.write(done.bytes)) await drained(o.output);
      lines += done.lines;
      written += done.written;
      invalid += done.invalid.length;
      firstInvalid.push(...done.invalid.slice(0, FIRST_INVALID - firstInvalid.length));
      outstanding -= 1;
      o.onChunk?.({ lines: done.lines, invalid: done.invalid.length });
      wake?.();
    }
    writing = false;
  };

  const waitUntil = async (free: () => boolean) => {
    while (!free() && failure === null) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  };

  const pool = new Pool(o.worker, Math.max(1, o.workers), o.workerData, stop);
  try {
    let seq = 0;
    for await (const chunk of chunksOf(o.input, o.chunkLines ?? DEFAULT_CHUNK_LINES, o.chunkBytes ?? DEFAULT_CHUNK_BYTES, () => outstanding === 0)) {
      await waitUntil(() => outstanding < inFlight);
      if (failure !== null) break;
      outstanding += 1;
      const task: ChunkTask = { seq, firstLine: chunk.firstLine, bytes: chunk.bytes };
      seq += 1;
      pool.run(task).then((done) => {
        ready.set(done.seq, done);
        return writeReady();
      }).catch((e: unknown) => stop(new BatchError('output', 'cannot write the output', { cause: e })));
    }
    await waitUntil(() => outstanding === 0);
  } catch (e) {
    // Reading failed, unless the input was destroyed because of an earlier failure.
    const code = (e as NodeJS.ErrnoException).code;
    failure ??= new BatchError('input', `cannot read the input${code === undefined ? '' : ` (${code})`}`, { cause: e });
  } finally {
    o.output.off('error', onOutputError);
    await pool.close();
  }
  if (failure !== null) throw failure;
  return { lines, written, invalid, firstInvalid };
}

