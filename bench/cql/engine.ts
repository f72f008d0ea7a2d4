/**
 * The peer engine: the committed ELM of AllpathDiagnosis.cql run by cql-execution over FHIR
 * Bundles loaded into a cql-exec-fhir FHIR 4.0.1 PatientSource, with the value sets expanded from
 * allpath's terminology (terminology.ts) and allpath's asOf as the `AsOf` parameter.
 *
 * `answerOf` reads the derived facts the comparison is about from a patient's defines (every
 * define is returned, so a disagreement can be traced to the intermediate facts); `allpathAnswerOf`
 * reads the same facts from allpath's evaluation.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cql from 'cql-execution';
import cqlfhir from 'cql-exec-fhir';
import type { Evaluation } from '../../src/index.js';
import { codeServiceValueSets } from './terminology.js';

/** The committed ELM (bench/cql/translate.ts writes it). */
export const ELM_FILE = fileURLToPath(new URL('./elm/AllpathDiagnosis.json', import.meta.url));

/** The facts both engines derive, by the names allpath's evaluation gives them. */
export const FIELDS = ['leukemia', 'lineage', 'subtype', 'philadelphia', 'kmt2a', 'status', 'phase'] as const;
export type Field = (typeof FIELDS)[number];
export type Answer = Readonly<Record<Field, string>>;

/** The CQL define each field is read from. */
const DEFINES: Readonly<Record<Field, string>> = {
  leukemia: 'Leukemia', lineage: 'Lineage', subtype: 'Subtype', philadelphia: 'Philadelphia', kmt2a: 'KMT2A',
  status: 'Status', phase: 'Phase',
};

export type Defines = Readonly<Record<string, unknown>>;

export interface PeerEngine {
  /** Every define of every patient in the Bundles (all evaluated for `asOf`), keyed by the Patient's id. */
  run(bundles: readonly unknown[], asOf: string): Promise<Map<string, Defines>>;
  /** Every define of the one patient of a Bundle. */
  evaluate(bundle: unknown, asOf: string): Promise<Defines>;
}

/** Loads the ELM, the value sets and the FHIR model once; each run executes the library over the given Bundles. */
export function peerEngine(elm: unknown = JSON.parse(readFileSync(ELM_FILE, 'utf8'))): PeerEngine {
  const library = new cql.Library(elm);
  const codeService = new cql.CodeService(codeServiceValueSets());
  const executors = new Map<string, InstanceType<typeof cql.Executor>>();
  const executorFor = (asOf: string) => {
    const known = executors.get(asOf);
    if (known !== undefined) return known;
    const made = new cql.Executor(library, codeService, { AsOf: cql.Date.parse(asOf) });
    executors.set(asOf, made);
    return made;
  };
  // One PatientSource, emptied before each run: making one parses the FHIR model info (about 1 MB
  // of XML), which would otherwise be timed as if it were the engine's work on the patient.
  const source = cqlfhir.PatientSource.FHIRv401();
  const run = async (bundles: readonly unknown[], asOf: string): Promise<Map<string, Defines>> => {
    source.reset();
    source.loadBundles([...bundles]);
    const results = await executorFor(asOf).exec(source);
    return new Map(Object.entries(results.patientResults));
  };
  return {
    run,
    async evaluate(bundle, asOf) {
      const [only] = (await run([bundle], asOf)).values();
      if (only === undefined) throw new Error('the Bundle gave no patient result (no Patient resource?)');
      return only;
    },
  };
}

/** The answer of one patient's results. */
export function answerOf(defines: Readonly<Record<string, unknown>>): Answer {
  const read = (field: Field): string => {
    const v = defines[DEFINES[field]];
    return typeof v === 'string' ? v : `not a string: ${JSON.stringify(v)}`;
  };
  return {
    leukemia: read('leukemia'), lineage: read('lineage'), subtype: read('subtype'), philadelphia: read('philadelphia'),
    kmt2a: read('kmt2a'), status: read('status'), phase: read('phase'),
  };
}

/** allpath's answer, read from its evaluation; an unknown phase is written as null there. */
export function allpathAnswerOf(ev: Evaluation): Answer {
  const { leukemia, lineage, subtype, philadelphia, kmt2a } = ev.diagnosis;
  return { leukemia, lineage, subtype, philadelphia, kmt2a, status: ev.status, phase: ev.phase ?? 'unknown' };
}

export interface Disagreement {
  readonly field: Field;
  readonly allpath: string;
  readonly cql: string;
}

/** The fields on which the two answers differ. */
export function disagreements(allpath: Answer, peer: Answer): Disagreement[] {
  return FIELDS.filter((f) => allpath[f] !== peer[f]).map((field) => ({ field, allpath: allpath[field], cql: peer[field] }));
}

/** The id cql-exec-fhir keys a Bundle's results by: its first Patient's id. */
export function patientIdOf(bundle: unknown): string | undefined {
  const entries = (bundle as { entry?: { resource?: { resourceType?: string; id?: string } }[] }).entry ?? [];
  return entries.find((e) => e.resource?.resourceType === 'Patient')?.resource?.id;
}
