/**
 * The peer engine: allpath and the same diagnosis, Ph, KMT2A, status and phase logic written in
 * CQL (bench/cql/AllpathDiagnosis.cql, run by cql-execution over cql-exec-fhir), on the same FHIR
 * Bundles in one run. Both start from the Bundle: allpath's time is `evaluateFhir` (ingest and the
 * whole evaluation: diagnosis, status, risk, recommendations, alerts, missing tests), the peer's
 * is loading the Bundle into a PatientSource and executing the library for that one patient.
 *
 * Bundles: the 14 FHIR vignettes of test/fixtures/fhir (each for the asOf of its contract twin) and
 * demo-cohort cases written as Bundles by caseToBundle. Each engine is warmed up (allpath on every
 * Bundle once, cql-execution on the first `warm`), then every Bundle is timed on its own
 * (process.hrtime.bigint): allpath `rounds` times (its per-patient time is the mean of its
 * rounds), cql-execution once (tens of milliseconds a patient: one pass over a thousand patients
 * takes about a minute).
 *
 * Agreement: the seven facts of every Bundle (leukemia, lineage, subtype, philadelphia, kmt2a,
 * status, phase) must be equal; every disagreement is listed by Bundle and field. A Bundle that
 * allpath cannot ingest (no case) is listed apart and not compared.
 *
 * What cql-exec-fhir reads differently from allpath's ingest (fullUrl-only references, nested
 * Bundles, duplicate ids, non-date strings, resources that do not fit their FHIR type) is listed
 * in the header of AllpathDiagnosis.cql; caseToBundle and the vignettes write none of it. A CQL
 * runtime error on a Bundle is counted and listed, not thrown.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_AS_OF, demoCases } from '../src/demo/index.js';
import { caseToBundle } from '../src/fhir/case-bundle.js';
import { evaluateFhir } from '../src/fhir/evaluate-fhir.js';
import { ingestBundle } from '../src/fhir/ingest.js';
import { FIELDS, allpathAnswerOf, answerOf, disagreements, peerEngine, type Answer, type Disagreement, type Field } from './cql/engine.js';
import { quantile, round, type BenchOptions, type Row, type Section, type Target } from './report.js';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/fhir/', import.meta.url));
const DEMO_SEED = 2026;
const TARGET_RATIO = 50;

interface Input {
  readonly name: string;
  readonly bundle: unknown;
  readonly asOf: string;
}

/** The vignettes, each for the asOf of its contract twin (`<name>.case.json`). */
function vignettes(): Input[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.bundle.json')).sort().map((f) => {
    const name = f.replace('.bundle.json', '');
    const twin = JSON.parse(readFileSync(join(FIXTURES, `${name}.case.json`), 'utf8')) as { asOf: string };
    return { name: `vignette ${name}`, bundle: JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as unknown, asOf: twin.asOf };
  });
}

function demoBundles(count: number): Input[] {
  return demoCases(count, DEMO_SEED, DEMO_AS_OF).map((c) => ({ name: c.id, bundle: caseToBundle(c), asOf: c.asOf }));
}

const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1000;

interface Timing { readonly mean: number; readonly p50: number; readonly p99: number; readonly max: number }

function summary(perPatient: readonly number[]): Timing {
  const sorted = [...perPatient].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { mean, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN };
}

export async function run(options: BenchOptions): Promise<Section> {
  const demoCount = options.quick ? 100 : 1000;
  const rounds = options.quick ? 5 : 10;
  const warm = options.quick ? 10 : 50;
  const inputs = [...vignettes(), ...demoBundles(demoCount)];
  const engine = peerEngine();

  // allpath: a first, untimed pass (its warm-up) tells which Bundles become a case; then the rounds.
  const allpath = inputs.map((x) => evaluateFhir(x.bundle, { asOf: x.asOf }));
  const notIngested = inputs.flatMap((x, i) => {
    const r = allpath[i];
    return r === undefined || r.ok ? [] : [{ bundle: x.name, issues: r.issues.map((s) => s.message) }];
  });
  const compared = inputs.filter((_, i) => allpath[i]?.ok === true);
  /** Mean µs per Bundle of `work` over `rounds` rounds, each Bundle timed on its own. */
  const perBundle = (work: (x: (typeof compared)[number]) => unknown): number[] => {
    const totals = new Float64Array(compared.length);
    for (let r = 0; r < rounds; r += 1) {
      compared.forEach((x, i) => {
        const t0 = process.hrtime.bigint();
        work(x);
        totals[i] = (totals[i] ?? 0) + since(t0);
      });
    }
    return [...totals].map((t) => t / rounds);
  };
  const allpathTimes = perBundle((x) => evaluateFhir(x.bundle, { asOf: x.asOf }));
  // Of which FHIR ingest alone (Bundle → parsed Case): where allpath's time goes.
  const ingestTimes = perBundle((x) => ingestBundle(x.bundle, { asOf: x.asOf }));

  // cql-execution: warm-up, then one timed pass, one patient per execution.
  for (const x of compared.slice(0, warm)) await engine.evaluate(x.bundle, x.asOf);
  const peerTimes: number[] = [];
  const peerAnswers: (Answer | { error: string })[] = [];
  for (const x of compared) {
    const t0 = process.hrtime.bigint();
    try {
      const defines = await engine.evaluate(x.bundle, x.asOf);
      peerTimes.push(since(t0));
      peerAnswers.push(answerOf(defines));
    } catch (e) {
      peerTimes.push(since(t0));
      peerAnswers.push({ error: e instanceof Error ? e.message.split('\n')[0] ?? 'error' : String(e) });
    }
  }

  // Agreement, field by field.
  const listed: (Disagreement & { bundle: string })[] = [];
  const errors: { bundle: string; error: string }[] = [];
  let agreeing = 0;
  compared.forEach((x, i) => {
    const ours = allpath[inputs.indexOf(x)];
    const theirs = peerAnswers[i];
    if (ours === undefined || !ours.ok || theirs === undefined) return;
    if ('error' in theirs) {
      errors.push({ bundle: x.name, error: theirs.error });
      return;
    }
    const diff = disagreements(allpathAnswerOf(ours.evaluation), theirs);
    if (diff.length === 0) agreeing += 1;
    listed.push(...diff.map((d) => ({ bundle: x.name, ...d })));
  });
  const byField = Object.fromEntries(FIELDS.map((f) => [f, listed.filter((d) => d.field === f).length])) as Record<Field, number>;

  const ours = summary(allpathTimes);
  const ingestOnly = summary(ingestTimes);
  const theirs = summary(peerTimes);
  const ratio = theirs.mean / ours.mean;
  const ratioP50 = theirs.p50 / ours.p50;
  const agreement = compared.length === 0 ? 0 : agreeing / compared.length;
  const timingRow = (name: string, t: Timing, extra: Record<string, string | number>): Row => ({
    name,
    values: { bundles: compared.length, 'mean µs': round(t.mean), 'p50 µs': round(t.p50), 'p99 µs': round(t.p99), 'max µs': round(t.max), ...extra },
  });
  const targets: Target[] = [
    {
      name: 'peer: allpath vs cql-execution per patient',
      target: `allpath ≥ ${TARGET_RATIO}× faster (mean)`,
      measured: `${round(ratio)}× (p50 ${round(ratioP50)}×)`,
      met: ratio >= TARGET_RATIO,
    },
    {
      name: 'peer: allpath and CQL agree',
      target: '100% of bundles, every field',
      measured: `${agreeing}/${compared.length} (${round(agreement * 100, 2)}%)`,
      met: compared.length > 0 && agreeing === compared.length,
    },
  ];
  return {
    id: 'peer',
    title: 'Peer engine: allpath (evaluateFhir) vs the same logic in CQL (cql-execution + cql-exec-fhir), per patient from a FHIR Bundle',
    rows: [
      timingRow('allpath evaluateFhir', ours, { rounds }),
      timingRow('  of which ingest', ingestOnly, { rounds }),
      timingRow('cql-execution', theirs, { rounds: 1 }),
      { name: 'ratio cql / allpath', values: { 'mean µs': round(ratio), 'p50 µs': round(ratioP50) } },
      { name: 'agreement', values: { bundles: compared.length, agree: agreeing, disagreements: listed.length, 'cql errors': errors.length, 'not ingested': notIngested.length } },
    ],
    targets,
    data: {
      bundles: { vignettes: inputs.length - demoCount, demo: demoCount, demoSeed: DEMO_SEED, compared: compared.length },
      rounds, warm,
      allpath: ours, allpathIngest: ingestOnly, cql: theirs, ratio, ratioP50,
      agreement: { agreeing, compared: compared.length, byField, disagreements: listed, cqlErrors: errors, notIngested },
    },
    notes: [
      `${inputs.length - demoCount} vignette Bundles + ${demoCount} demo-cohort cases (seed ${DEMO_SEED}) written by caseToBundle; allpath warmed up on every Bundle, cql-execution on the first ${warm}.`,
      'allpath times ingest and the whole evaluation; the CQL derives only the seven compared facts (diagnosis, Ph, KMT2A, status, phase).',
      ...listed.slice(0, 20).map((d) => `disagreement ${d.bundle} ${d.field}: allpath ${d.allpath}, cql ${d.cql}`),
      ...(listed.length > 20 ? [`… ${listed.length - 20} more disagreements in results.json`] : []),
      ...errors.slice(0, 5).map((e) => `cql error ${e.bundle}: ${e.error}`),
      ...notIngested.slice(0, 5).map((n) => `not ingested by allpath (not compared): ${n.bundle}`),
    ],
  };
}

/** For a quick look without the bench runner: `npx tsx bench/peer.ts [--quick]`. */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const section = await run({ quick: process.argv.includes('--quick') });
  console.log(JSON.stringify({ rows: section.rows, targets: section.targets, notes: section.notes }, null, 2));
}
