/**
 * The peer engine: the committed ELM of AllpathDiagnosis.cql run by cql-execution over FHIR
 * Bundles loaded into a cql-exec-fhir FHIR 4.0.1 PatientSource, with the value sets expanded from
 * allpath's terminology (terminology.ts) and allpath's asOf as the `AsOf` parameter.
 *
 * `answersOf` reads the derived facts the comparison is about; `cqlDefines` returns every define
 * of one patient, for explaining a disagreement.
 */
import { readFileSync } from 'node:fs';
import cql from 'cql-execution';
import cqlfhir from 'cql-exec-fhir';
import { ELM_FILE } from './translate.js';
import { codeServiceValueSets } from './terminology.js';

/** The facts both engines derive, by the names allpath's evaluation gives them. */
export const FIELDS = ['leukemia', 'lineage', 'subtype', 'philadelphia', 'kmt2a', 'status', 'phase'] as const;
export type Field = (typeof FIELDS)[number];
export type Answer = Readonly<Record<Field, string>>;

/** The CQL define each field is read from. */
const DEFINES: Readonly<Record<Field, string>> = {
  leukemia: 'Leukemia', lineage: 'Lineage', subtype: 'Subtype', philadelphia: 'Philadelphia', kmt2a: 'KMT2A',
  status: 'Status', phase: 'Phase',
};

export interface PeerEngine {
  /** Every define of every patient in the Bundles, keyed by the Patient's id. */
  run(bundles: readonly unknown[], asOf: string): Promise<Map<string, Readonly<Record<string, unknown>>>>;
}

/** Loads the ELM and the value sets once; each `run` executes the library over a fresh PatientSource. */
export function peerEngine(elm: unknown = JSON.parse(readFileSync(ELM_FILE, 'utf8'))): PeerEngine {
  const library = new cql.Library(elm);
  const codeService = new cql.CodeService(codeServiceValueSets());
  return {
    async run(bundles, asOf) {
      const executor = new cql.Executor(library, codeService, { AsOf: cql.Date.parse(asOf) });
      const source = cqlfhir.PatientSource.FHIRv401();
      source.loadBundles([...bundles]);
      const results = await executor.exec(source);
      return new Map(Object.entries(results.patientResults));
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

/** The id cql-exec-fhir keys a Bundle's results by: its first Patient's id. */
export function patientIdOf(bundle: unknown): string | undefined {
  const entries = (bundle as { entry?: { resource?: { resourceType?: string; id?: string } }[] }).entry ?? [];
  return entries.find((e) => e.resource?.resourceType === 'Patient')?.resource?.id;
}
