/**
 * The worker side of `evaluate --batch`: what a worker thread receives (a chunk of whole NDJSON
 * lines as UTF-8 bytes), what it answers (the output lines as UTF-8 bytes), and `serveLines`,
 * which runs a per-line function over each chunk. The work is a parameter: allpath's worker
 * (batch-worker.ts) evaluates each line; the benchmark's baseline only re-serialises it, through
 * this same code.
 *
 * Bytes travel as transferred ArrayBuffers, not strings: nothing is copied between threads, and
 * decoding and encoding happen in the workers, in parallel, not on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';

/** Main thread → worker: lines `firstLine`, `firstLine + 1`, … (1-based), each ended by `\n` except maybe the last. */
export interface ChunkTask {
  readonly seq: number;
  readonly firstLine: number;
  readonly bytes: Uint8Array;
}

/** Worker → main thread. */
export type ChunkAnswer =
  | {
    readonly type: 'done';
    readonly seq: number;
    /** One output line (`\n`-ended) per non-blank input line, in input order. */
    readonly bytes: Uint8Array;
    /** Input lines in the chunk, blank ones included. */
    readonly lines: number;
    /** Output lines: the chunk's non-blank lines. */
    readonly written: number;
    /** Line numbers of the lines that were not valid. */
    readonly invalid: readonly number[];
  }
  | {
    readonly type: 'failed';
    readonly seq: number;
    /** The line whose work threw. */
    readonly line: number;
    readonly message: string;
    readonly stack?: string;
  };

/** One line's output: its JSON text (without the newline) and whether the line was invalid input. */
export interface LineOutput {
  readonly text: string;
  readonly invalid: boolean;
}

/** The per-line work; it may throw only for a bug (the chunk then fails and the batch stops). */
export type LineWork = (line: string, lineNumber: number) => LineOutput;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Output lines as UTF-8, each followed by `\n`, in a buffer of its own (to be transferred),
 * growing as needed. Each text is encoded as soon as it is made, so the strings die young (an
 * evaluation's JSON is ~25 KB, and two-byte: it holds characters past Latin-1 such as ≥), and the
 * bytes stay off the JavaScript heap. Joining the texts first and encoding the joined string
 * measured several times slower (the rope is flattened, then encoded).
 */
export class Utf8Lines {
  private buffer: Uint8Array;
  private at = 0;
  lines = 0;

  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(Math.max(16, capacity));
  }

  push(text: string): void {
    for (;;) {
      const { read, written } = encoder.encodeInto(text, this.buffer.subarray(this.at));
      // Room is needed for the newline too.
      if (read === text.length && this.at + written < this.buffer.length) {
        this.at += written;
        this.buffer[this.at] = 0x0a;
        this.at += 1;
        this.lines += 1;
        return;
      }
      const larger = new Uint8Array(this.buffer.length * 2);
      larger.set(this.buffer.subarray(0, this.at));
      this.buffer = larger;
    }
  }

  /** The bytes so far; the buffer is then handed over, so push no more. */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }
}

/** Runs `work` over a chunk's lines; blank lines are skipped but counted, so line numbers stay right. */
export function workOnChunk(task: ChunkTask, work: LineWork): ChunkAnswer {
  // A leading byte-order mark is dropped by the decoder.
  const lines = decoder.decode(task.bytes).split('\n');
  // A chunk ends with '\n' unless it holds the file's unterminated last line.
  if (lines.at(-1) === '') lines.pop();
  // An evaluation's JSON is about ten times its case's: start at four, grow if needed.
  const out = new Utf8Lines(task.bytes.length * 4);
  const invalid: number[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? '';
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    const lineNumber = task.firstLine + i;
    let output: LineOutput;
    try {
      output = work(line, lineNumber);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      return { type: 'failed', seq: task.seq, line: lineNumber, message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
    }
    if (output.invalid) invalid.push(lineNumber);
    out.push(output.text);
  }
  return { type: 'done', seq: task.seq, bytes: out.bytes(), lines: lines.length, written: out.lines, invalid };
}

/**
 * Makes this worker thread answer chunk tasks with `work`, which `setUp` builds once from the
 * thread's workerData (e.g. the date to evaluate FHIR Bundles for).
 */
export function serveLines(setUp: (data: unknown) => LineWork): void {
  const port = parentPort;
  if (port === null) throw new Error('serveLines runs in a worker thread');
  const work = setUp(workerData);
  port.on('message', (task: ChunkTask) => {
    const answer = workOnChunk(task, work);
    port.postMessage(answer, answer.type === 'done' ? [answer.bytes.buffer as ArrayBuffer] : []);
  });
}
