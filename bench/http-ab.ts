/**
 * Before/after for a server change on a busy machine: two built trees (each a copy of bin/,
 * dist/ and package.json, with node_modules linked) served side by side, loaded in turn, round
 * after round, so that both see the same drift in what else the machine runs. Reports, per tree
 * and endpoint, the server's CPU time per request (median of the rounds) and req/s.
 *
 *   npx tsx bench/http-ab.ts <before-root> <after-root> [--rounds N] [--seconds N] [--connections N]
 *                            [--kinds me,evaluate,patient-view]
 *
 * A tree for "before": `mkdir /tmp/before && cp -r bin dist package.json /tmp/before && ln -s
 * $PWD/node_modules /tmp/before/node_modules`, taken before rebuilding dist/ with the change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { load } from './http-load.js';
import { patientViewBody } from './http.js';
import { quantile, round } from './report.js';
import { CdsClientKeys, ROOT, startBenchServer, type BenchServer } from './serve.js';

const KINDS = ['me', 'evaluate', 'patient-view'] as const;
type Kind = (typeof KINDS)[number];

async function requestFor(kind: Kind, server: BenchServer, keys: CdsClientKeys): Promise<autocannon.Request> {
  // Signed-in and nothing else: what the access check costs.
  if (kind === 'me') return { method: 'GET', path: '/api/me', headers: { authorization: `Bearer ${server.apiToken}` } };
  if (kind === 'evaluate') {
    return {
      method: 'POST', path: '/api/evaluate', body: readFileSync(join(ROOT, 'examples/ph-positive-b-all.json'), 'utf8'),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiToken}` },
    };
  }
  const aud = `${server.url}/cds-services/allpath-patient-view`;
  return {
    method: 'POST', path: '/cds-services/allpath-patient-view', headers: { 'content-type': 'application/json' },
    body: (await patientViewBody(server)).body,
    // Signed as sent: both trees pay the same bench-side cost.
    setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${keys.token(aud)}` } }),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const roots = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
  if (roots.length !== 2) throw new Error('usage: http-ab.ts <before-root> <after-root> [--rounds N] [--seconds N] [--connections N]');
  const rounds = option('--rounds', 5);
  const seconds = option('--seconds', 3);
  const connections = option('--connections', 8);
  const keys = new CdsClientKeys();
  const servers: BenchServer[] = [];
  try {
    for (const root of roots) servers.push(await startBenchServer({ demo: true, restart: true, root }, keys));
    const named = (args[args.indexOf('--kinds') + 1] ?? '').split(',');
    const kinds = args.includes('--kinds') ? KINDS.filter((k) => named.includes(k)) : KINDS;
    for (const kind of kinds) {
      const requests = await Promise.all(servers.map((s) => requestFor(kind, s, keys)));
      const samples = servers.map(() => ({ cpu: [] as number[], rate: [] as number[] }));
      // One warm-up round, not counted; then the order alternates so neither always goes first.
      for (let r = 0; r <= rounds; r++) {
        const order = r % 2 === 0 ? [0, 1] : [1, 0];
        for (const i of order) {
          const server = servers[i];
          const request = requests[i];
          const sample = samples[i];
          if (server === undefined || request === undefined || sample === undefined) continue;
          const before = server.cpuMs() ?? Number.NaN;
          const result = await load({ url: server.url, connections, seconds, requests: [request] });
          if (result.non2xx + result.errors > 0) throw new Error(`${roots[i] ?? ''} ${kind}: ${result.non2xx} non-2xx, ${result.errors} errors`);
          if (r === 0) continue;
          sample.cpu.push(((server.cpuMs() ?? Number.NaN) - before) / result.requests);
          sample.rate.push(result.perSecond);
        }
      }
      samples.forEach((s, i) => {
        const median = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);
        console.log(`${kind.padEnd(13)} ${(roots[i] ?? '').padEnd(24)} CPU ms/req median ${round(median(s.cpu), 2)} [${s.cpu.map((x) => round(x, 2)).join(' ')}]  req/s median ${median(s.rate)}`);
      });
    }
  } finally {
    for (const s of servers) await s.stop();
  }
}

await main();
