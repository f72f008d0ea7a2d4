/**
 * Section `http`: `allpath serve` (the built server, as a child process) under autocannon at 50
 * connections, 10 s per endpoint (`--quick`: 2 s), after a warm-up:
 *
 * - `POST /api/evaluate` with a contract case (examples/ph-positive-b-all.json), as an API token;
 * - `POST /cds-services/allpath-patient-view` with full prefetch (every key discovery lists,
 *   filled from the largest demo record), each request with its own CDS JWT (pre-signed,
 *   EdDSA), as fast as it is answered;
 * - patient-view paced: 50 requests a second, evenly spaced, over 50 keep-alive connections (as
 *   50 clients each calling once a second), which shows the latency of a call that does not
 *   queue behind 49 others.
 *
 * Targets (issue 7): patient-view p99 ≤ 10 ms at 50 connections with 0 errors; the server's
 * resident memory under 200 MB under that load.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { demoCases } from '../src/demo/index.js';
import { caseToBundle, fhirIdOf, prefetchFor } from '../src/fhir/case-bundle.js';
import { today } from '../src/server/evaluate-input.js';
import { DEMO_COUNT, DEMO_SEED } from '../src/server/first-start.js';
import { load, paced, type LoadResult } from './http-load.js';
import { mib, round, type BenchOptions, type Row, type Section, type Target } from './report.js';
import { CdsClientKeys, MemorySampler, ROOT, TokenPool, startBenchServer, type BenchServer } from './serve.js';

const CONNECTIONS = 50;
const P99_TARGET_MS = 10;
const RSS_TARGET_MIB = 200;
/** The paced run: every connection sends one request a second. */
const PACED_RATE = CONNECTIONS;
const PACED = `patient-view at ${PACED_RATE}/s`;

const readText = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/**
 * The patient-view request with full prefetch: the demo case with the largest record (the server
 * seeded the same cohort, for the same day, so the patient is a stored case), written as FHIR by
 * `caseToBundle` and cut into the prefetch a CDS client would send by `prefetchFor`. Throws (a
 * harness failure) when a key discovery lists is missing, so the load never runs on a partial
 * prefetch that would make the server fetch.
 */
export async function patientViewBody(server: BenchServer): Promise<{ body: string; keys: string[]; resources: number; patientId: string }> {
  const discovery = (await (await fetch(`${server.url}/cds-services`)).json()) as { services: { id: string; prefetch?: Record<string, string> }[] };
  const keys = Object.keys(discovery.services.find((s) => s.id === 'allpath-patient-view')?.prefetch ?? {});
  const count = (prefetch: Record<string, unknown>) => Object.values(prefetch).reduce<number>((n, v) => {
    const entries = (v as { entry?: unknown[] } | null)?.entry;
    return n + (Array.isArray(entries) ? entries.length : v === null ? 0 : 1);
  }, 0);
  const records = demoCases(DEMO_COUNT, DEMO_SEED, today(new Date())).map((c) => {
    const patientId = fhirIdOf(c.id);
    const prefetch = prefetchFor(caseToBundle(c), patientId);
    return { patientId, prefetch, resources: count(prefetch) };
  });
  const largest = records.reduce((a, b) => (b.resources > a.resources ? b : a));
  const missing = keys.filter((k) => largest.prefetch[k] === undefined || largest.prefetch[k] === null);
  if (keys.length === 0 || missing.length > 0) throw new Error(`patient-view prefetch lacks ${missing.join(', ') || '(discovery lists none)'}`);
  const request = {
    hook: 'patient-view', hookInstance: randomUUID(),
    context: { userId: 'Practitioner/bench', patientId: largest.patientId },
    prefetch: largest.prefetch,
  };
  return { body: JSON.stringify(request), keys, resources: largest.resources, patientId: largest.patientId };
}

/** One request by fetch, to know the load is measuring answers and not refusals. */
async function check(url: string, init: RequestInit, what: string): Promise<void> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${what}: HTTP ${res.status} before the load (${text.slice(0, 200)})`);
}

interface Endpoint {
  readonly name: string;
  readonly request: () => autocannon.Request;
}

export async function run(options: BenchOptions): Promise<Section> {
  const seconds = options.quick ? 2 : 10;
  const warmSeconds = options.quick ? 1 : 3;
  const keys = new CdsClientKeys();
  const server = await startBenchServer({ demo: true, restart: true }, keys);
  const notes: string[] = [
    `autocannon runs in the bench process on the same machine as the server: load tool and server share its ${cpus().length} cores, so req/s is a floor and latency includes the load tool's own scheduling.`,
    `${CONNECTIONS} connections closed-loop: every connection sends its next request when the last is answered, so the server is saturated and latency is mostly queueing (by Little's law, mean latency ≈ connections / req/s): a p99 of ${P99_TARGET_MS} ms at ${CONNECTIONS} such connections needs well over ${(CONNECTIONS * 1000) / P99_TARGET_MS} req/s. The paced run (50 requests a second, evenly spaced, as 50 clients calling once a second each) shows the latency of a call that does not queue behind the others.`,
    'Latency quantiles are of 2xx answers, each timed in the bench to the µs; errors are connection errors and timeouts; non-2xx are counted apart.',
    'server CPU ms/req: the CPU time (user + system, from /proc) the server used during the run divided by its requests; it depends much less than latency on what else the machine runs (though contention still inflates it).',
    'The measured server is a restart over the data directory its first start made (initdb, demo seeding, the admin): a server as it runs after its first day. The first start\'s RSS once listening is reported apart.',
  ];
  try {
    const startMemory = server.memory();
    const patientView = await patientViewBody(server);
    const evaluateBody = readText('examples/ph-positive-b-all.json');
    const evaluateUrl = `${server.url}/api/evaluate`;
    const pvUrl = `${server.url}/cds-services/allpath-patient-view`;
    const api = { 'content-type': 'application/json', authorization: `Bearer ${server.apiToken}` };
    await check(evaluateUrl, { method: 'POST', headers: api, body: evaluateBody }, 'POST /api/evaluate');
    await check(pvUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.token(pvUrl)}` }, body: patientView.body }, 'patient-view');
    notes.push(`patient-view prefetch: all ${patientView.keys.length} keys discovery lists (${patientView.keys.join(', ')}), filled with ${patientView.resources} resources (${Math.round(patientView.body.length / 1024)} KiB): the largest record of the demo cohort (${patientView.patientId}), written by caseToBundle and prefetchFor; the patient is a stored case, so each call also looks up its version (audited) to link the cards.`);

    const pool = new TokenPool(keys, pvUrl);
    const endpoints: readonly Endpoint[] = [
      { name: 'POST /api/evaluate', request: () => ({ method: 'POST', path: '/api/evaluate', headers: api, body: evaluateBody }) },
      {
        name: 'patient-view',
        request: () => ({
          method: 'POST', path: '/cds-services/allpath-patient-view', headers: { 'content-type': 'application/json' }, body: patientView.body,
          setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${pool.take()}` } }),
        }),
      },
    ];

    const sampler = new MemorySampler(server.memory, 250);
    const results: { name: string; result: LoadResult; peakRss: number; cpuMsPerRequest: number }[] = [];
    /** A closed-loop autocannon run, or with `rate` an evenly paced one. */
    const measure = async (name: string, endpoint: Endpoint, rate?: number) => {
      const from = sampler.samples.length;
      const cpuBefore = server.cpuMs() ?? Number.NaN;
      const result = rate === undefined
        ? await load({ url: server.url, connections: CONNECTIONS, seconds, requests: [endpoint.request()] })
        : await paced({
          url: server.url, connections: CONNECTIONS, seconds, rate,
          request: () => {
            const r = endpoint.request();
            const built = typeof r.setupRequest === 'function' ? r.setupRequest(r, {}) : r;
            return { method: built.method ?? 'GET', path: built.path ?? '/', headers: { ...(built.headers as Record<string, string>) }, ...(typeof built.body === 'string' ? { body: built.body } : {}) };
          },
        });
      const cpuMsPerRequest = ((server.cpuMs() ?? Number.NaN) - cpuBefore) / Math.max(1, result.requests);
      sampler.sample();
      results.push({ name, result, cpuMsPerRequest, peakRss: Math.max(...sampler.samples.slice(from).map((s) => s.rss)) });
      return result;
    };

    let signedLate = 0;
    for (const endpoint of endpoints) {
      // Warm-up: the same load, briefly; its rate sizes the pool of pre-signed tokens.
      if (endpoint.name === 'patient-view') await pool.fill(2000);
      const warm = await load({ url: server.url, connections: CONNECTIONS, seconds: warmSeconds, requests: [endpoint.request()] });
      if (endpoint.name === 'patient-view') {
        pool.clear();
        await pool.fill(Math.ceil(warm.perSecond * seconds * 1.5) + 2000);
      }
      const late = pool.signedLate;
      const result = await measure(endpoint.name, endpoint);
      signedLate += pool.signedLate - late;
      if (endpoint.name === 'patient-view') {
        pool.clear();
        await pool.fill(PACED_RATE * seconds + 1000);
        const latePaced = pool.signedLate;
        await measure(PACED, endpoint, PACED_RATE);
        signedLate += pool.signedLate - latePaced;
      }
    }
    sampler.stop();
    const endMemory = server.memory();
    const log = server.log();
    if (signedLate > 0) notes.push(`${signedLate} CDS tokens were signed during a measured run (the pre-signed pool ran out).`);
    if (log.warn + log.error > 0) notes.push(`the server logged ${log.warn} warnings and ${log.error} errors; the last: ${log.lastErrors.join(' | ')}`);

    const rows: Row[] = results.map(({ name, result: r, peakRss, cpuMsPerRequest }) => ({
      name,
      values: {
        'req/s': r.perSecond, 'p50 ms': r.p50, 'p90 ms': r.p90, 'p99 ms': r.p99, 'max ms': r.max,
        'server CPU ms/req': round(cpuMsPerRequest, 2), requests: r.requests, errors: r.errors, timeouts: r.timeouts, 'non-2xx': r.non2xx, 'peak RSS MiB': mib(peakRss),
      },
    }));
    const peakUnderLoad = sampler.peakRss;
    rows.push({
      name: 'server memory',
      values: {
        'first start RSS MiB': mib(server.firstStartMemory?.rss ?? Number.NaN),
        'RSS at start MiB': mib(startMemory?.rss ?? Number.NaN),
        'peak RSS under load MiB': mib(peakUnderLoad),
        'RSS at end MiB': mib(endMemory?.rss ?? Number.NaN),
        'VmHWM MiB': mib(endMemory?.hwm ?? Number.NaN),
      },
    });

    const pv = results.find((r) => r.name === 'patient-view')?.result;
    const targets: Target[] = [];
    if (pv !== undefined) {
      const failed = pv.errors + pv.non2xx;
      targets.push({
        name: `patient-view p99 at ${CONNECTIONS} connections, 0 errors`,
        target: `p99 ≤ ${P99_TARGET_MS} ms, 0 errors`,
        measured: `p99 ${pv.p99} ms, ${pv.errors} errors, ${pv.non2xx} non-2xx`,
        met: pv.p99 <= P99_TARGET_MS && failed === 0,
      });
    }
    const pacedResult = results.find((r) => r.name === PACED)?.result;
    if (pacedResult !== undefined) {
      targets.push({
        name: `patient-view p99, ${CONNECTIONS} clients at 1 request/s each (evenly paced)`,
        target: `p99 ≤ ${P99_TARGET_MS} ms, 0 errors`,
        measured: `p99 ${pacedResult.p99} ms, ${pacedResult.errors} errors, ${pacedResult.non2xx} non-2xx`,
        met: pacedResult.p99 <= P99_TARGET_MS && pacedResult.errors + pacedResult.non2xx === 0,
      });
    }
    targets.push({
      name: 'allpath serve RSS under load',
      target: `< ${RSS_TARGET_MIB} MB`,
      measured: `${mib(peakUnderLoad)} MiB peak (VmHWM since start ${mib(endMemory?.hwm ?? Number.NaN)} MiB)`,
      met: mib(peakUnderLoad) < RSS_TARGET_MIB,
    });
    if (options.quick) notes.push(`--quick: ${seconds} s per run instead of 10 s.`);

    return {
      id: 'http',
      title: `HTTP under autocannon: ${CONNECTIONS} connections, ${seconds} s per run after ${warmSeconds} s of warm-up`,
      rows, targets, notes,
      data: { results, memory: sampler.samples, log: { info: log.info, warn: log.warn, error: log.error } },
    };
  } finally {
    await server.stop();
  }
}
