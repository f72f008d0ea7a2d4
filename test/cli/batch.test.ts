/**
 * `allpath evaluate --batch`: NDJSON in, one line out per non-blank line, in input order; each
 * line the evaluation single-file `evaluate --format json` prints, or the invalid line's issues.
 * The built CLI is spawned as a user runs it; the pipeline's failure and ordering cases run
 * in-process with stand-in worker modules (data: URLs importing the built dist/cli/batch-lines.js).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { batchCommand } from '../../src/cli/batch.js';
import { Utf8Lines } from '../../src/cli/batch-lines.js';
import { runPipeline } from '../../src/cli/batch-pipeline.js';
import type { Io } from '../../src/cli/io.js';
import { demoCases } from '../../src/demo/index.js';
import type { Case } from '../../src/index.js';
import { example, line, readJson } from '../registry/helpers.js';
import { allpath, ROOT } from './run-cli.js';

const SLOW = { timeout: 120_000 };
const AS_OF = '2026-03-01';

const TMP = mkdtempSync(join(tmpdir(), 'allpath-cli-batch-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let files = 0;
function ndjson(lines: readonly string[]): string {
  const path = join(TMP, `in-${++files}.ndjson`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** What single-file `evaluate --format json` prints for this document, as one compact line. */
async function single(document: unknown, args: readonly string[] = []): Promise<string> {
  const path = join(TMP, `single-${++files}.json`);
  writeFileSync(path, JSON.stringify(document));
  const run = await allpath(['evaluate', '--format', 'json', ...args, path]);
  expect(run.code).toBe(0);
  return JSON.stringify(JSON.parse(run.stdout));
}

const outputLines = (stdout: string) => stdout.split('\n').slice(0, -1);

function badUnit(c: Case): Case {
  const labs = (c.labs ?? []).map((l, i) => (i === 0 ? { ...l, unit: 'g/dL' } : l));
  return { ...c, labs: labs.length > 0 ? labs : [{ test: 'wbc', value: 22.5, unit: 'g/dL', date: c.asOf }] };
}

describe('allpath evaluate --batch', SLOW, () => {
  test('each output line is what evaluate --format json prints for that line; different cases give different lines', async () => {
    const cases = [example('ph-positive-b-all'), example('t-all-untreated'), example('relapsed-b-all')];
    const run = await allpath(['evaluate', '--batch', ndjson(cases.map(line))]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const out = outputLines(run.stdout);
    expect(out).toEqual(await Promise.all(cases.map((c) => single(c))));
    expect(new Set(out).size).toBe(3);
  });

  test('keeps input order across workers and chunks, with invalid and blank lines in between', async () => {
    const cases = demoCases(300, 7, AS_OF);
    const lines: string[] = cases.map(line);
    // Invalid cases at lines 5, 200 and 300; blank lines before 200 shift its number.
    lines[4] = line(badUnit(cases[4] as Case));
    lines.splice(150, 0, '', '   ');
    lines[199] = line(badUnit(cases[197] as Case));
    lines[299] = '{"id": "truncated"';
    const run = await allpath(['evaluate', '--batch', '--workers', '3', ndjson(lines)]);
    expect(run.code).toBe(2);
    const out = outputLines(run.stdout).map((l) => JSON.parse(l) as { caseId?: string; line?: number });
    const expected = lines.flatMap((text, i) => {
      if (text.trim() === '') return [];
      return [[4, 199, 299].includes(i) ? `invalid line ${i + 1}` : (JSON.parse(text) as Case).id];
    });
    expect(out.map((o) => (o.caseId === undefined ? `invalid line ${o.line}` : o.caseId))).toEqual(expected);
    expect(run.stderr).toContain('3 of 300 lines invalid (line 5, line 200, line 300)');
  });

  test('an invalid line is reported in its place with its line number and the issue paths; the others are evaluated', async () => {
    const ph = example('ph-positive-b-all');
    const run = await allpath(['evaluate', '--batch', ndjson([line(ph), line(badUnit({ ...ph, id: 'bad-unit' })), line(example('t-all-untreated'))])]);
    expect(run.code).toBe(2);
    const [first, second, third] = outputLines(run.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first?.['caseId']).toBe(ph.id);
    expect(second).toMatchObject({ line: 2, invalid: 'case' });
    const issues = second?.['issues'] as { path: string; found: string }[];
    expect(issues.map((i) => i.path)).toContain('labs[0].unit');
    expect(third?.['caseId']).toBe('example-t-all-untreated');
    // stderr names lines, never what they hold.
    expect(run.stderr).toContain('line 2');
    expect(run.stderr).not.toContain('g/dL');
    expect(run.stderr).not.toContain('bad-unit');
  });

  test('a FHIR Bundle line is evaluated for --as-of as evaluate reads a Bundle file', async () => {
    const bundles = [readJson('test/fixtures/fhir/ph-negative.bundle.json'), readJson('test/fixtures/fhir/t-all.bundle.json')];
    const run = await allpath(['evaluate', '--batch', '--as-of', AS_OF, ndjson(bundles.map(line))]);
    expect(run.code).toBe(0);
    const out = outputLines(run.stdout);
    expect(out).toEqual(await Promise.all(bundles.map((b) => single(b, ['--as-of', AS_OF]))));
    expect(JSON.parse(out[0] ?? '{}')).toMatchObject({ asOf: AS_OF, diagnosis: { philadelphia: 'negative' } });
    expect(out[0]).not.toBe(out[1]);
  });

  test('- reads stdin', async () => {
    const cases = [example('t-all-untreated'), example('ph-positive-b-all')];
    const run = await allpath(['evaluate', '--batch', '-'], { stdin: `${cases.map(line).join('\n')}\n` });
    expect(run.code).toBe(0);
    expect(outputLines(run.stdout).map((l) => (JSON.parse(l) as { caseId: string }).caseId)).toEqual(cases.map((c) => c.id));
  });

  test('--format other than json, and --workers without --batch, are usage errors', async () => {
    const path = ndjson([line(example('ph-positive-b-all'))]);
    const text = await allpath(['evaluate', '--batch', '--format', 'text', path]);
    expect([text.code, text.stdout]).toEqual([2, '']);
    expect(text.stderr).toContain('--format text cannot be used with it');
    expect((await allpath(['evaluate', '--batch', '--format', 'json', path])).code).toBe(0);
    expect((await allpath(['evaluate', '--workers', '2', 'examples/ph-positive-b-all.json'])).code).toBe(2);
  });

  test('an unreadable file is invalid input', async () => {
    const run = await allpath(['evaluate', '--batch', join(TMP, 'no-such.ndjson')]);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain('no such file');
  });
});

/** A worker module as a data: URL: `body` is the per-line work, given (line, n). */
function stubWorker(body: string): URL {
  const lines = pathToFileURL(join(ROOT, 'dist/cli/batch-lines.js')).href;
  const code = `import { serveLines } from ${JSON.stringify(lines)};\nserveLines(() => (line, n) => { ${body} });`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

function capture() {
  let stderr = '';
  const io: Io = { stdout: () => {}, stderr: (t) => (stderr += t), stdin: async () => '', colour: false, width: 80, debug: false };
  const stdout = new PassThrough();
  let out = '';
  stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  return { io, stdout, stderr: () => stderr, out: () => out };
}

describe('the batch pipeline', () => {
  test('encodes output lines as UTF-8, growing its buffer for characters past ASCII', () => {
    const texts = ['{"a":"≥ 20%"}', '', '≥'.repeat(1000), 'plain', '😀 – ü'];
    const out = new Utf8Lines(16);
    for (const t of texts) out.push(t);
    expect(Buffer.from(out.bytes()).toString('utf8')).toBe(`${texts.join('\n')}\n`);
    expect(out.lines).toBe(5);
    expect(new Utf8Lines().bytes()).toHaveLength(0);
  });

  test('writes in input order when a later chunk is done first', async () => {
    // Lines 1–2 (the first chunk) take 300 ms; the other chunks come back long before.
    const worker = stubWorker("if (n <= 2) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300); return { text: String(n), invalid: false };");
    const input = new PassThrough();
    input.end(`${Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n')}\n`);
    const output = new PassThrough();
    let out = '';
    output.setEncoding('utf8').on('data', (d: string) => (out += d));
    const report = await runPipeline({ input, output, worker, workerData: null, workers: 3, chunkLines: 2 });
    expect(out).toBe(Array.from({ length: 20 }, (_, i) => `${i + 1}\n`).join(''));
    expect(report).toMatchObject({ lines: 20, written: 20, invalid: 0 });
  });

  test('streams: the lines a slow producer has written are answered before its input ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    const two = new Promise<void>((resolve) => output.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out === 'a\nb\n') resolve();
    }));
    const running = runPipeline({ input, output, worker: stubWorker('return { text: line, invalid: false };'), workerData: null, workers: 2 });
    input.write('a\nb\nc');
    await two;
    input.end('\n\nd');
    expect(await running).toMatchObject({ lines: 5, written: 4 });
    expect(out).toBe('a\nb\nc\nd\n');
  });

  test('a worker that throws ends the batch with exit 1, naming the line', async () => {
    const c = capture();
    const worker = stubWorker("if (n === 3) throw new Error('boom'); return { text: '{}', invalid: false };");
    const code = await batchCommand(ndjson(['{}', '{}', '{}', '{}']), { workers: 2 }, c.io, { worker, stdout: c.stdout });
    expect(code).toBe(1);
    expect(c.stderr()).toContain('internal error: the work on line 3 failed: boom');
  });

  test('a worker thread that dies ends the batch with exit 1, even while stdin is still open', async () => {
    const c = capture();
    const stdin = new PassThrough();
    stdin.write('{}\n'.repeat(10));
    const worker = stubWorker('process.exit(7);');
    const code = await batchCommand('-', { workers: 2 }, c.io, { worker, stdin, stdout: c.stdout });
    expect(code).toBe(1);
    expect(c.stderr()).toContain('a worker thread stopped (exit code 7)');
  });

  test('an output that cannot be written (a closed pipe) ends the batch with exit 1', async () => {
    const c = capture();
    const closed = new Writable({ write: (_chunk, _encoding, callback) => callback(Object.assign(new Error('closed'), { code: 'EPIPE' })) });
    const worker = stubWorker("return { text: '{}', invalid: false };");
    const code = await batchCommand(ndjson(Array.from({ length: 500 }, () => '{}')), { workers: 2 }, c.io, { worker, stdout: closed });
    expect(code).toBe(1);
    expect(c.stderr()).toBe('allpath: cannot write the output (EPIPE); the output is incomplete.\n');
  });

  test('a worker module that cannot load ends the batch with exit 1', async () => {
    const c = capture();
    const worker = new URL('data:text/javascript,throw new Error("cannot start")');
    const code = await batchCommand(ndjson(['{}']), { workers: 1 }, c.io, { worker, stdout: c.stdout });
    expect(code).toBe(1);
    expect(c.stderr()).toContain('cannot start');
  });
});
