/**
 * The soak: `allpath serve` (built, as a child process, restarted over the data directory its
 * first start made with the demo cohort) under a steady, moderate mix of API calls on loopback
 * for 5 minutes, its resident memory sampled every 10 s.
 *
 *   npm run soak [-- --minutes N] [--rate R] [--connections C] [--quick]
 *
 *   --minutes N      how long the load runs (default 5)
 *   --rate R         requests per second over all connections (default 100)
 *   --connections C  connections (default 20)
 *   --quick          30 s, memory sampled every 5 s: a smoke test of the harness, not a soak
 *
 * The mix, per connection and cycle of 19 calls: POST /api/evaluate ×4, GET /api/cases/{id} ×3,
 * GET /api/cases with filters ×3, GET /api/cases/{id}/evaluation ×3, patient-view with full
 * prefetch (each call its own CDS JWT) ×3, POST /api/cases (a new case) ×1, PUT
 * /api/cases/{id} (a new version of that case) ×1, and one bad request (an invalid case, an
 * unknown case, no credentials, or a CDS JWT for another endpoint, in turn), whose expected 4xx
 * is not an error. Errors are 5xx answers, any other unexpected status, timeouts and connection
 * errors.
 *
 * Memory: RSS (VmRSS) every 10 s; growth is the last sample against the first after the warm-up
 * (the first minute, or the first 20% of a run shorter than 5 minutes). The store grows with the
 * cases and versions the soak creates (real data, not a leak): they are counted in the report.
 *
 * Prints a table and the targets (growth < 10% after warm-up, 0 errors), writes bench/soak.json
 * (bench/soak.quick.json with --quick), and exits 0 whatever the numbers; 1 only when the
 * harness itself failed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { patientViewBody } from './http.js';
import { machine, mib, quantile, round, table, targetsTable, type Row, type Target } from './report.js';
import { CdsClientKeys, ROOT, startBenchServer, type BenchServer } from './serve.js';

const GROWTH_TARGET_PCT = 10;

interface Options {
  readonly seconds: number;
  readonly rate: number;
  readonly connections: number;
  readonly sampleEverySeconds: number;
  readonly quick: boolean;
}

function optionsFrom(args: readonly string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const n = Number(args[i + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number`);
    return n;
  };
  const quick = args.includes('--quick');
  return {
    quick,
    seconds: quick ? 30 : Math.round(value('--minutes', 5) * 60),
    rate: value('--rate', 100),
    connections: value('--connections', 20),
    sampleEverySeconds: quick ? 5 : 10,
  };
}

type Context = Record<string, unknown>;

/** Answers by kind and status, and the unexpected ones. */
class Tally {
  readonly byKind = new Map<string, Map<number, number>>();
  unexpected = 0;
  serverErrors = 0;
  responses = 0;

  record(kind: string, status: number, expected: number): void {
    const statuses = this.byKind.get(kind) ?? new Map<number, number>();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    this.byKind.set(kind, statuses);
    this.responses += 1;
    if (status >= 500) this.serverErrors += 1;
    else if (status !== expected) this.unexpected += 1;
  }

  count(kind: string, status?: number): number {
    const statuses = this.byKind.get(kind);
    if (statuses === undefined) return 0;
    return status === undefined ? [...statuses.values()].reduce((a, b) => a + b, 0) : statuses.get(status) ?? 0;
  }
}

/** The calls of one cycle, in order (a case is created before it is changed). */
async function mix(server: BenchServer, keys: CdsClientKeys, tally: Tally): Promise<autocannon.Request[]> {
  const api = { 'content-type': 'application/json', authorization: `Bearer ${server.apiToken}` };
  const read = { authorization: `Bearer ${server.apiToken}` };
  const examples = ['ph-positive-b-all', 'relapsed-b-all', 't-all-untreated']
    .map((name) => JSON.parse(readFileSync(join(ROOT, 'examples', `${name}.json`), 'utf8')) as Record<string, unknown>);
  const demoIds = Array.from({ length: 60 }, (_, i) => `demo-${String(i + 1).padStart(4, '0')}`);
  const pv = await patientViewBody(server);
  const pvUrl = `${server.url}/cds-services/allpath-patient-view`;
  const evaluateBody = JSON.stringify(examples[0]);
  let created = 0;
  let turn = 0;
  const pick = <T>(xs: readonly T[]) => xs[turn++ % xs.length] as T;

  /** `expected`: the status this call should get, or where its setupRequest left it in the context. */
  const call = (kind: string, expected: number | 'from context', request: autocannon.Request): autocannon.Request => ({
    ...request,
    onResponse: (status: number, _body: string, context: object) => {
      const wanted = expected === 'from context' ? (context as Context)['expected'] : expected;
      tally.record(kind, status, typeof wanted === 'number' ? wanted : Number.NaN);
    },
  });
  const evaluate = () => call('evaluate', 200, { method: 'POST', path: '/api/evaluate', headers: api, body: evaluateBody });
  const getCase = () => call('get case', 200, {
    method: 'GET', path: '/api/cases/demo-0001', headers: read,
    setupRequest: (req) => ({ ...req, path: `/api/cases/${pick(demoIds)}` }),
  });
  const filters = ['?status=remission&limit=20', '?ph=positive&limit=20', '?critical=true', '?q=demo-001', '?subtype=T&offset=5&limit=10'];
  const list = () => call('list cases', 200, {
    method: 'GET', path: '/api/cases', headers: read,
    setupRequest: (req) => ({ ...req, path: `/api/cases${pick(filters)}` }),
  });
  const storedEvaluation = () => call('stored evaluation', 200, {
    method: 'GET', path: '/api/cases/demo-0001/evaluation', headers: read,
    setupRequest: (req) => ({ ...req, path: `/api/cases/${pick(demoIds)}/evaluation` }),
  });
  const patientView = () => call('patient-view', 200, {
    method: 'POST', path: '/cds-services/allpath-patient-view', headers: { 'content-type': 'application/json' }, body: pv.body,
    setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${keys.token(pvUrl)}` } }),
  });
  const create = call('create case', 201, {
    method: 'POST', path: '/api/cases', headers: api,
    setupRequest: (req, context) => {
      created += 1;
      const id = `soak-${process.pid}-${created}`;
      (context as Context)['caseId'] = id;
      (context as Context)['example'] = created % examples.length;
      return { ...req, body: JSON.stringify({ ...examples[created % examples.length], id }) };
    },
  });
  const update = call('update case', 200, {
    method: 'PUT', path: '/api/cases/x', headers: api,
    setupRequest: (req, context) => {
      const c = context as Context;
      const id = String(c['caseId']);
      const example = examples[Number(c['example'])] ?? examples[0];
      return { ...req, path: `/api/cases/${encodeURIComponent(id)}`, body: JSON.stringify({ ...example, id, performance: { ecog: 2 } }) };
    },
  });
  const badKinds: readonly { expected: number; request: (req: autocannon.Request) => autocannon.Request }[] = [
    // A case that breaks the contract: 400 with the issues.
    { expected: 400, request: (req) => ({ ...req, method: 'POST', path: '/api/evaluate', headers: api, body: '{"id": "soak-bad", "patient": {"ageYears": -3}}' }) },
    { expected: 404, request: (req) => ({ ...req, method: 'GET', path: '/api/cases/soak-no-such-case', headers: read, body: '' }) },
    { expected: 401, request: (req) => ({ ...req, method: 'GET', path: '/api/cases', headers: {}, body: '' }) },
    // A CDS JWT whose audience is another endpoint.
    {
      expected: 401,
      request: (req) => ({
        ...req, method: 'POST', path: '/cds-services/allpath-patient-view', body: pv.body,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.token(`${server.url}/cds-services/allpath-order-sign`)}` },
      }),
    },
  ];
  let bad = 0;
  const badRequest = call('bad request', 'from context', {
    method: 'GET', path: '/api/health',
    setupRequest: (req, context) => {
      const kind = badKinds[bad++ % badKinds.length] ?? badKinds[0];
      if (kind === undefined) return req;
      (context as Context)['expected'] = kind.expected;
      return kind.request(req);
    },
  });
  return [
    evaluate(), getCase(), list(), patientView(), create, storedEvaluation(),
    evaluate(), getCase(), list(), patientView(), update, storedEvaluation(),
    evaluate(), getCase(), list(), patientView(), storedEvaluation(), badRequest, evaluate(),
  ];
}

async function casesTotal(server: BenchServer): Promise<number> {
  const res = await fetch(`${server.url}/api/cases?limit=1`, { headers: { authorization: `Bearer ${server.apiToken}` } });
  return ((await res.json()) as { total: number }).total;
}

async function soak(options: Options): Promise<void> {
  const keys = new CdsClientKeys();
  const server = await startBenchServer({ demo: true, restart: true }, keys);
  try {
    const tally = new Tally();
    const requests = await mix(server, keys, tally);
    const casesBefore = await casesTotal(server);
    const samples: { seconds: number; end: boolean; rssMiB: number; responses: number; errors: number }[] = [];
    let connectionErrors = 0;
    const started = Date.now();
    const sample = (end = false) => {
      const m = server.memory();
      if (m === null) return;
      const s = { seconds: round((Date.now() - started) / 1000, 0), end, rssMiB: mib(m.rss), responses: tally.responses, errors: tally.serverErrors + tally.unexpected + connectionErrors };
      samples.push(s);
      console.log(`t=${String(s.seconds).padStart(4)} s  RSS ${s.rssMiB.toFixed(1).padStart(6)} MiB  responses ${String(s.responses).padStart(7)}  errors ${s.errors}`);
    };
    const latencies: number[] = [];
    console.log(`soak: ${options.seconds} s, ${options.rate} req/s over ${options.connections} connections, RSS every ${options.sampleEverySeconds} s`);
    sample();
    const timer = setInterval(() => sample(), options.sampleEverySeconds * 1000);
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({
        url: server.url, connections: options.connections, overallRate: options.rate, duration: options.seconds, timeout: 10, requests,
      }, (error: unknown, done: autocannon.Result) => (error == null ? resolve(done) : reject(error instanceof Error ? error : new Error(String(error)))));
      instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
      instance.on('reqError', () => (connectionErrors += 1));
    });
    clearInterval(timer);
    sample(true);
    const casesAfter = await casesTotal(server);
    const log = server.log();

    // Growth after warm-up: the first minute, or the first 20% of a shorter run.
    const warmUp = options.seconds >= 300 ? 60 : options.seconds * 0.2;
    const baseline = samples.find((s) => s.seconds >= warmUp) ?? samples[0];
    const last = samples.at(-1);
    const growth = baseline === undefined || last === undefined ? Number.NaN : round((100 * (last.rssMiB - baseline.rssMiB)) / baseline.rssMiB, 1);
    const peak = Math.max(...samples.map((s) => s.rssMiB));
    const errors = tally.serverErrors + tally.unexpected + result.errors;
    latencies.sort((a, b) => a - b);

    const kinds = [...tally.byKind.keys()];
    const byKind: Row[] = kinds.map((kind) => ({
      name: kind,
      values: {
        requests: tally.count(kind),
        statuses: [...(tally.byKind.get(kind) ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(', '),
      },
    }));
    const summary: Row[] = [
      {
        name: 'all requests',
        values: {
          requests: tally.responses, 'req/s': round(tally.responses / result.duration, 0), 'p50 ms': round(quantile(latencies, 0.5), 2),
          'p99 ms': round(quantile(latencies, 0.99), 2), '5xx': tally.serverErrors, unexpected: tally.unexpected,
          timeouts: result.timeouts, 'connection errors': result.errors - result.timeouts,
        },
      },
    ];
    const memory: Row[] = [
      ...samples.map((s) => ({ name: `t = ${s.seconds} s${s.end ? ' (end)' : ''}`, values: { 'RSS MiB': s.rssMiB, responses: s.responses, errors: s.errors } })),
    ];
    const growthRow: Row = {
      name: 'memory',
      values: {
        [`after warm-up (${round(warmUp, 0)} s) MiB`]: baseline?.rssMiB ?? Number.NaN, 'end MiB': last?.rssMiB ?? Number.NaN,
        'peak MiB': peak, 'growth after warm-up %': growth,
        'cases before': casesBefore, 'cases after': casesAfter, 'versions added': tally.count('update case', 200),
      },
    };
    const rows = [...byKind, ...summary, growthRow];
    const targets: Target[] = [
      { name: 'soak RSS growth after warm-up', target: `< ${GROWTH_TARGET_PCT}%`, measured: `${growth}% (${baseline?.rssMiB ?? '?'} -> ${last?.rssMiB ?? '?'} MiB)`, met: growth < GROWTH_TARGET_PCT },
      { name: 'soak errors', target: '0', measured: `${errors} (${tally.serverErrors} 5xx, ${tally.unexpected} unexpected, ${result.timeouts} timeouts, ${result.errors - result.timeouts} connection errors)`, met: errors === 0 },
    ];
    const notes = [
      `${casesAfter - casesBefore} cases created and ${tally.count('update case', 200)} versions added during the soak: the store grows with them (real data, kept on disk by PGlite; its 16 MB of buffers do not grow).`,
      'The load tool runs in this process on the same machine as the server.',
      ...(log.warn + log.error > 0 ? [`the server logged ${log.warn} warnings and ${log.error} errors; the last: ${log.lastErrors.join(' | ')}`] : []),
      ...(options.quick ? ['--quick: 30 s with memory every 5 s; a smoke test of the harness, not a soak.'] : []),
    ];
    console.log(`\n${table(memory)}\n\n${table(byKind)}\n\n${table(summary)}\n\n${table([growthRow])}\n`);
    for (const note of notes) console.log(`note: ${note}`);
    console.log(`\n${targetsTable(targets)}`);
    const out = fileURLToPath(new URL(options.quick ? './soak.quick.json' : './soak.json', import.meta.url));
    writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), options, rows, targets, notes, samples }, null, 2)}\n`);
    console.log(`\nwrote ${out}`);
  } finally {
    await server.stop();
  }
}

try {
  await soak(optionsFrom(process.argv.slice(2)));
} catch (e) {
  console.error(`soak: the harness failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exitCode = 1;
}
