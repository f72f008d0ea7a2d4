/**
 * `allpath evaluate --batch` against a baseline: 100,000 contract cases (demo cohort, several
 * seeds) and 10,000 FHIR Bundles (demo cases written by caseToBundle), each as an NDJSON file
 * written before any timing. The baseline (batch-baseline.mjs) runs the very same pipeline
 * (reading, chunking, worker threads, ordering, writing) with each line only parsed and
 * serialised again. Each run is one process, timed by wall clock from spawn to exit, stdout to
 * /dev/null; peak RSS is the process's VmHWM (worker threads included), read from /proc every 50 ms.
 *
 * Where the time goes: the same lines on one thread in this process, timed by step (JSON.parse
 * + contract parse + evaluate as evaluateText does it, then JSON.stringify of the evaluation).
 */
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Utf8Lines } from '../src/cli/batch-lines.js';
import { evaluateText } from '../src/cli/evaluate.js';
import { demoCases } from '../src/demo/index.js';
import type { Case } from '../src/index.js';
import { caseToBundle } from '../src/fhir/case-bundle.js';
import { mib, round, type BenchOptions, type Row, type Section, type Target } from './report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const AS_OF = '2026-03-02';
/** Cases per demo seed: 100,000 cases are ten cohorts of 10,000. */
const PER_SEED = 10_000;

interface Input {
  readonly id: 'cases' | 'fhir';
  readonly label: string;
  readonly path: string;
  readonly lines: number;
  readonly bytes: number;
}

/**
 * Writes `count` demo cases from seed `firstSeed` on, 10,000 a seed, one `line(case)` each, to
 * `path`; returns the bytes written. Each seed's cohort numbers its cases from demo-0001, so the
 * seed goes into the id and every case is distinct.
 */
function writeNdjson(path: string, count: number, firstSeed: number, line: (c: Case) => string): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    for (let seed = firstSeed, done = 0; done < count; seed += 1) {
      const cases = demoCases(Math.min(PER_SEED, count - done), seed, AS_OF);
      bytes += writeSync(fd, `${cases.map((c) => line({ ...c, id: `${c.id}-s${seed}` })).join('\n')}\n`);
      done += cases.length;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

function inputs(dir: string, counts: { readonly cases: number; readonly bundles: number }): Input[] {
  const cases = join(dir, 'cases.ndjson');
  const fhir = join(dir, 'bundles.ndjson');
  const caseBytes = writeNdjson(cases, counts.cases, 1, (c) => JSON.stringify(c));
  // Seeds from 101 on: other patients than the contract cases'.
  const fhirBytes = writeNdjson(fhir, counts.bundles, 101, (c) => JSON.stringify(caseToBundle(c)));
  return [
    { id: 'cases', label: 'contract cases', path: cases, lines: counts.cases, bytes: caseBytes },
    { id: 'fhir', label: 'FHIR Bundles', path: fhir, lines: counts.bundles, bytes: fhirBytes },
  ];
}

interface Timed {
  readonly seconds: number;
  readonly peakRss: number;
  readonly code: number | null;
  readonly stderr: string;
}

/** The process's peak resident set so far (VmHWM), in bytes; 0 where /proc is not there. */
function peakRssOf(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}

/** Runs node with `args`, stdout to /dev/null, and times it from spawn to exit. */
function timed(args: readonly string[]): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const devNull = openSync('/dev/null', 'w');
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', devNull, 'pipe'], env: { ...process.env, ALLPATH_DEBUG: '' } });
    closeSync(devNull);
    let stderr = '';
    let peakRss = 0;
    const poll = setInterval(() => {
      if (child.pid !== undefined) peakRss = Math.max(peakRss, peakRssOf(child.pid));
    }, 50);
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => {
      clearInterval(poll);
      reject(e);
    });
    // 'exit', not 'close': the process has ended; VmHWM was last read at most 50 ms before.
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      clearInterval(poll);
      resolve({ seconds, peakRss, code, stderr: stderr.slice(0, 2000) });
    });
  });
}

const ALLPATH = (input: Input) => ['bin/allpath.js', 'evaluate', '--batch', '--as-of', AS_OF, input.path];
const BASELINE = (input: Input) => ['bench/batch-baseline.mjs', input.path];

/**
 * Per line on one thread, over the first `sample` lines (µs): evaluateText, JSON.stringify of the
 * evaluation, its UTF-8 encoding as the worker does it; and the baseline's parse and stringify.
 */
async function oneThread(input: Input, sample: number): Promise<Record<'evaluateUs' | 'stringifyUs' | 'encodeUs' | 'baselineUs' | 'outputBytes', number>> {
  const lines: string[] = [];
  for await (const l of createInterface({ input: createReadStream(input.path), crlfDelay: Infinity })) {
    if (lines.push(l) >= sample) break;
  }
  // Warm up the JIT on a tenth of the sample, untimed.
  for (const l of lines.slice(0, Math.ceil(lines.length / 10))) JSON.stringify(evaluateText(l, AS_OF, AS_OF));
  // Line by line as a worker goes, nothing kept but a chunk's bytes, each step timed on its own.
  let evaluateNs = 0;
  let stringifyNs = 0;
  let encodeNs = 0;
  let outputBytes = 0;
  let utf8 = new Utf8Lines(1 << 22);
  for (const [i, l] of lines.entries()) {
    const t0 = process.hrtime.bigint();
    const r = evaluateText(l, AS_OF, AS_OF);
    const t1 = process.hrtime.bigint();
    const text = JSON.stringify(r.ok ? r.evaluation : r.issues);
    const t2 = process.hrtime.bigint();
    utf8.push(text);
    const t3 = process.hrtime.bigint();
    evaluateNs += Number(t1 - t0);
    stringifyNs += Number(t2 - t1);
    encodeNs += Number(t3 - t2);
    if ((i + 1) % 128 === 0 || i === lines.length - 1) {
      outputBytes += utf8.bytes().length;
      utf8 = new Utf8Lines(1 << 22);
    }
  }
  const t = process.hrtime.bigint();
  for (const l of lines) JSON.stringify(JSON.parse(l));
  const baselineNs = Number(process.hrtime.bigint() - t);
  const per = (ns: number) => round(ns / 1000 / lines.length, 1);
  return {
    evaluateUs: per(evaluateNs), stringifyUs: per(stringifyNs), encodeUs: per(encodeNs), baselineUs: per(baselineNs),
    outputBytes: Math.round(outputBytes / lines.length),
  };
}

export async function run(options: BenchOptions): Promise<Section> {
  const counts = options.quick ? { cases: 5_000, bundles: 500 } : { cases: 100_000, bundles: 10_000 };
  const dir = mkdtempSync(join(tmpdir(), 'allpath-bench-batch-'));
  const rows: Row[] = [];
  const targets: Target[] = [];
  const data: Record<string, unknown> = { workers: availableParallelism(), asOf: AS_OF, output: '/dev/null' };
  try {
    for (const input of inputs(dir, counts)) {
      const baseline = await timed(BASELINE(input));
      const allpath = await timed(ALLPATH(input));
      const rate = (t: Timed) => (t.code === 0 ? round(input.lines / t.seconds, 0) : 0);
      const row = (name: string, t: Timed): Row => ({
        name: `${name}, ${input.label}`,
        values: {
          lines: input.lines, 'input MiB': mib(input.bytes), seconds: round(t.seconds, 2), 'cases/s': rate(t),
          'peak RSS MiB': mib(t.peakRss), exit: t.code ?? 'signal',
        },
      });
      rows.push(row('baseline (parse + stringify)', baseline), row('allpath evaluate --batch', allpath));
      const ratio = rate(baseline) > 0 ? rate(allpath) / rate(baseline) : 0;
      targets.push({
        name: `batch, ${input.label}: allpath / baseline throughput`,
        target: '≥ 50%',
        measured: `${round(100 * ratio, 1)}% (${rate(allpath)} vs ${rate(baseline)} cases/s)`,
        met: ratio >= 0.5,
      });
      const thread = await oneThread(input, options.quick ? 500 : 2_000);
      rows.push({
        name: `one thread, per line, ${input.label}`,
        values: {
          'evaluate µs': thread.evaluateUs, 'stringify µs': thread.stringifyUs, 'encode µs': thread.encodeUs,
          'baseline µs': thread.baselineUs, 'input bytes': Math.round(input.bytes / input.lines), 'output bytes': thread.outputBytes,
        },
      });
      data[input.id] = { lines: input.lines, bytes: input.bytes, baseline, allpath, ratio, oneThread: thread };
      for (const [name, t] of [['baseline', baseline], ['allpath', allpath]] as const) {
        if (t.code !== 0) process.stderr.write(`bench batch: ${name} on ${input.label} exited ${t.code}:\n${t.stderr}\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    id: 'batch',
    title: `evaluate --batch vs a parse-and-serialise baseline through the same pipeline: ${counts.cases} contract cases, ${counts.bundles} FHIR Bundles, ${availableParallelism()} workers`,
    rows,
    targets,
    data,
    notes: [
      'wall clock from spawn to exit (node start-up included), one run each, stdout to /dev/null; peak RSS = VmHWM of the process, worker threads included',
      'one thread: the same lines in the bench process, per line: evaluateText (JSON.parse, contract parse or FHIR ingest, evaluate), JSON.stringify of the evaluation, its UTF-8 encoding (Utf8Lines, as the workers do); baseline = JSON.stringify(JSON.parse(line))',
      ...(options.quick ? ['--quick: 5,000 cases and 500 Bundles instead of 100,000 and 10,000; start-up weighs more'] : []),
    ],
  };
}
