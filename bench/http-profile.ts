/**
 * Where `allpath serve` spends its CPU under load: starts the built server with `node
 * --cpu-prof`, loads one endpoint with autocannon (a warm-up, then the measured window), stops the
 * server (which writes the profile) and prints, for the measured window only, the self time by
 * area (our dist/ directories, each package, node internals, GC, idle), the time each area is on
 * the stack, and the self time by function. The requests are those of the http section.
 *
 *   npx tsx bench/http-profile.ts [evaluate|patient-view] [--seconds N] [--connections N] [--keep]
 *
 * `--keep` leaves the .cpuprofile in a temp directory (its path is printed) for Chrome DevTools.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { load } from './http-load.js';
import { patientViewBody } from './http.js';
import { CdsClientKeys, ROOT, TokenPool, startBenchServer } from './serve.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  /** µs on the monotonic clock (CLOCK_MONOTONIC, as process.hrtime here). */
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The area a frame belongs to: a dist/ directory, a package, node, or a V8 pseudo-frame. */
function areaOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg !== undefined) return pkg;
  const ours = /\/dist\/([^/]+)\//.exec(url)?.[1];
  if (ours !== undefined) return `dist/${ours}`;
  if (url.startsWith('node:')) return 'node';
  return url.replace(/^file:\/\//, '');
}

/** Self time by node id, of the samples taken within [fromUs, toUs] (monotonic µs). */
function selfTimes(profile: Profile, fromUs: number, toUs: number): Map<number, number> {
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= fromUs && at <= toUs) self.set(id, (self.get(id) ?? 0) + delta);
  });
  return self;
}

export function summarise(profile: Profile, window: { fromUs: number; toUs: number }, top = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = selfTimes(profile, window.fromUs, window.toUs);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (node === undefined) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const key = `${functionName || '(anonymous)'}  ${area}:${lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  // Inclusive: a sample counts for every area on its stack (so the columns add up to more than 100%).
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node !== undefined && node.callFrame.url !== '') seen.add(areaOf(node.callFrame.url, node.callFrame.functionName));
    }
    for (const area of seen) inclusive.set(area, (inclusive.get(area) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${pct(us)}  ${k}`).join('\n');
  return `${(total / 1e6).toFixed(1)} s sampled during the load\n\nself time by area:\n${list(areas)}\n\ntime with the area on the stack:\n${list(inclusive)}\n\nself time by function:\n${list(functions)}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const which = args.find((a) => a === 'evaluate' || a === 'patient-view') ?? 'patient-view';
  const seconds = option('--seconds', 10);
  const connections = option('--connections', 50);
  const dir = mkdtempSync(join(tmpdir(), 'allpath-prof-'));
  const keys = new CdsClientKeys();
  const server = await startBenchServer({ demo: true, restart: true, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] }, keys);
  let request: autocannon.Request;
  let window = { fromUs: 0, toUs: Number.POSITIVE_INFINITY };
  const pvUrl = `${server.url}/cds-services/allpath-patient-view`;
  const pool = new TokenPool(keys, pvUrl);
  try {
    if (which === 'evaluate') {
      request = {
        method: 'POST', path: '/api/evaluate', body: readFileSync(join(ROOT, 'examples/ph-positive-b-all.json'), 'utf8'),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiToken}` },
      };
    } else {
      await pool.fill((seconds + 3) * 1500);
      request = {
        method: 'POST', path: '/cds-services/allpath-patient-view', headers: { 'content-type': 'application/json' },
        body: (await patientViewBody(server)).body,
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${pool.take()}` } }),
      };
    }
    // Warm-up, then the profiled window: only samples taken during the measured load count.
    await load({ url: server.url, connections, seconds: Math.min(3, seconds), requests: [request] });
    const from = process.hrtime.bigint();
    const result = await load({ url: server.url, connections, seconds, requests: [request] });
    window = { fromUs: Number(from / 1000n), toUs: Number(process.hrtime.bigint() / 1000n) };
    console.log(`${which}: ${result.perSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`);
  } finally {
    await server.stop(30_000);
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`no .cpuprofile written in ${dir}`);
  console.log(summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile, window));
  if (args.includes('--keep')) console.log(`\nprofile: ${join(dir, file)}`);
  else rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1]?.endsWith('http-profile.ts') === true) await main();
