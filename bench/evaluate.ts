/**
 * evaluate(): the latency of one call, case by case, over every case the vignette tests evaluate
 * and over 100,000 generated (demo cohort) cases. Parsing is not timed: evaluate() takes a parsed
 * case. Each call is timed on its own (process.hrtime.bigint, ~40 ns of its own), after a warm-up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, parseCase, type Case } from '../src/index.js';
import { demoCase } from '../src/demo/index.js';
import { mib, quantile, round, type BenchOptions, type Row, type Section, type Target } from './report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function parsed(input: unknown): Case | undefined {
  const p = parseCase(input);
  return p.ok ? p.value : undefined;
}

/** Every case the vignette tests evaluate, recorded by running them (test/support/record-vignette.ts). */
function vignetteCases(): Case[] {
  const dir = mkdtempSync(join(tmpdir(), 'allpath-vignettes-'));
  const out = join(dir, 'cases.ndjson');
  try {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/vignettes'], {
      cwd: ROOT, env: { ...process.env, ALLPATH_RECORD_VIGNETTES: out }, encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`the vignette tests failed while recording cases:\n${run.stdout}\n${run.stderr}`);
    return readFileSync(out, 'utf8').split('\n').filter((l) => l !== '').flatMap((l) => parsed(JSON.parse(l)) ?? []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The example cases shipped beside the code and the shared cases. */
function exampleCases(): Case[] {
  const files = [
    ...readdirSync(join(ROOT, 'examples')).map((f) => join(ROOT, 'examples', f)),
    ...readdirSync(join(ROOT, 'test/fixtures/fhir')).filter((f) => f.endsWith('.case.json')).map((f) => join(ROOT, 'test/fixtures/fhir', f)),
  ];
  return files.flatMap((f) => {
    const doc: unknown = JSON.parse(readFileSync(f, 'utf8'));
    return parsed(doc) ?? [];
  });
}

interface Latency { readonly cases: number; readonly p50: number; readonly p99: number; readonly max: number; readonly mean: number }

/** Times each case once per round, `rounds` times, after `warm` untimed calls per case. */
function measure(cases: readonly Case[], rounds: number, warm: number): Latency {
  for (let w = 0; w < warm; w += 1) for (const c of cases) evaluate(c);
  const times = new Float64Array(cases.length * rounds);
  let k = 0;
  for (let r = 0; r < rounds; r += 1) {
    for (const c of cases) {
      const t0 = process.hrtime.bigint();
      evaluate(c);
      times[k++] = Number(process.hrtime.bigint() - t0) / 1000;
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { cases: cases.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

/** Generated cases, made and parsed in blocks (untimed) so the heap holds one block at a time. */
function measureGenerated(count: number, block: number): Latency & { heapPeak: number } {
  const times: number[] = [];
  let heapPeak = 0;
  const seeds = [1, 2, 3, 4];
  for (let start = 0; start < count; start += block) {
    const cases: Case[] = [];
    for (let i = start; i < Math.min(count, start + block); i += 1) {
      const c = parsed(demoCase(i % 25_000, seeds[Math.floor(i / 25_000) % seeds.length] ?? 1));
      if (c !== undefined) cases.push(c);
    }
    if (start === 0) for (const c of cases) evaluate(c);
    for (const c of cases) {
      const t0 = process.hrtime.bigint();
      evaluate(c);
      times.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  const sorted = times.sort((a, b) => a - b);
  return { cases: sorted.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, heapPeak };
}

/** Bytes allocated per call: the heap's growth over calls too few to fill the young generation. */
function allocatedPerCall(cases: readonly Case[]): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return Number.NaN;
  const sample = cases.slice(0, 200);
  for (const c of sample) evaluate(c);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (const c of sample) evaluate(c);
  return (process.memoryUsage().heapUsed - before) / sample.length;
}

const row = (name: string, l: Latency, extra: Record<string, string | number> = {}): Row => ({
  name,
  values: { cases: l.cases, 'p50 µs': round(l.p50), 'p99 µs': round(l.p99), 'mean µs': round(l.mean), 'max µs': round(l.max), ...extra },
});

export async function run(options: BenchOptions): Promise<Section> {
  const vignettes = [...vignetteCases(), ...exampleCases()];
  const onVignettes = measure(vignettes, options.quick ? 5 : 50, 20);
  const generatedCount = options.quick ? 10_000 : 100_000;
  const onGenerated = measureGenerated(generatedCount, 5_000);
  const allocated = allocatedPerCall(vignettes);
  const targets: Target[] = [
    { name: 'evaluate p50 (generated)', target: 'p50 ≤ 20 µs', measured: `${round(onGenerated.p50)} µs`, met: onGenerated.p50 <= 20 },
    { name: 'evaluate p99 (generated)', target: 'p99 ≤ 100 µs', measured: `${round(onGenerated.p99)} µs`, met: onGenerated.p99 <= 100 },
    { name: 'evaluate p50 (vignettes)', target: 'p50 ≤ 20 µs', measured: `${round(onVignettes.p50)} µs`, met: onVignettes.p50 <= 20 },
    { name: 'evaluate p99 (vignettes)', target: 'p99 ≤ 100 µs', measured: `${round(onVignettes.p99)} µs`, met: onVignettes.p99 <= 100 },
  ];
  return {
    id: 'evaluate',
    title: 'evaluate(): latency of one call on a parsed case (µs)',
    rows: [
      row('vignettes + examples', onVignettes, { rounds: options.quick ? 5 : 50 }),
      row(`generated (demo cohort)`, onGenerated, { 'heap peak MiB': mib(onGenerated.heapPeak) }),
    ],
    targets,
    data: { vignettes: onVignettes, generated: onGenerated, allocatedBytesPerCall: Math.round(allocated) },
    notes: [
      `${vignettes.length} vignette and example cases, each timed in every round; ${onGenerated.cases} generated cases (4 seeds), each timed once.`,
      Number.isNaN(allocated) ? 'allocation per call: run with --expose-gc to measure' : `about ${round(allocated / 1024)} KiB allocated per call (vignettes)`,
    ],
  };
}
