/**
 * The value sets AllpathDiagnosis.cql declares, expanded from allpath's own terminology tables so
 * that the peer engine reads the same codes as FHIR ingest. cql-execution takes the expansions
 * through its CodeService (a CQL library names value sets; a terminology service expands them).
 *
 * Where src/terminology exports its table (observationRows, NMDP_RXNORM, GENES) the expansion
 * is computed from it. The small tables src/terminology keeps private (SNOMED CT diagnoses,
 * curated RxNorm codes, answers, methods, procedures) are copied below, row for row (the agent
 * names matched where a code is a gap are a table in the CQL itself, "Agent names");
 * test/peer/cql-terminology.test.ts checks every copied code against the public lookup
 * (diagnosisOf, agentOfRxNorm, answerOf …), so a copied code cannot mean something else here.
 * A code added to those private tables later is not seen here until it is copied (the test
 * cannot enumerate a private table).
 */
import {
  AGENTS, EXTRAMEDULLARY_SITES, MARKERS, RECORDED_DIAGNOSES,
  type Agent, type ExtramedullarySite, type GeneticMethod, type RecordedDiagnosis, type TreatmentKind,
} from '../../src/contract/index.js';
import { NMDP_RXNORM } from '../../src/terminology/rxnorm-nmdp.js';
import {
  GENES, LOINC, RXNORM, SEQUENCE_ONTOLOGY, SNOMED, V3_INTERPRETATION, observationRows, type Gene, type ObservationMeaning,
} from '../../src/terminology/index.js';

export interface VsCode {
  readonly code: string;
  readonly system: string;
}

/** Value set ids as AllpathDiagnosis.cql declares them (`valueset "…": 'urn:allpath:vs:…'`). */
export const VS = 'urn:allpath:vs';

// ---- copies of private rows of src/terminology (checked by test/peer/cql-terminology.test.ts) ----

/** src/terminology/diagnoses.ts SNOMED rows: code, diagnosis or 'ambiguous', status, site. */
export const SNOMED_DIAGNOSES: readonly (readonly [code: string, diagnosis: RecordedDiagnosis | 'ambiguous', status?: 'remission' | 'relapse', site?: ExtramedullarySite])[] = [
  ['91857003', 'ALL'], ['91856007', 'ALL', 'remission'], ['12301000132103', 'ALL', 'relapse'], ['12311000132101', 'ALL'],
  ['277571004', 'B-ALL'], ['277572006', 'B-ALL'], ['277573001', 'B-ALL'], ['277574007', 'B-ALL'], ['371012000', 'B-ALL'],
  ['714251006', 'B-ALL'], ['723889003', 'B-ALL'], ['425941003', 'B-ALL', 'remission'],
  ['277575008', 'T-ALL'], ['427642009', 'T-ALL', 'remission'], ['404124002', 'T-ALL', undefined, 'skin'],
  ['425688002', 'ALL'], ['61301000119102', 'ALL', undefined, 'cns'], ['61291000119103', 'ALL', 'remission'],
  ['421246008', 'lymphoblastic-lymphoma'], ['404137004', 'lymphoblastic-lymphoma', undefined, 'skin'], ['109965004', 'lymphoblastic-lymphoma'],
  ['92814006', 'other-leukemia'], ['92813000', 'other-leukemia', 'remission'], ['122961000119105', 'other-leukemia', 'relapse'],
  ['449108003', 'other-leukemia'], ['449386007', 'other-leukemia'],
  ['188725004', 'ambiguous'], ['188726003', 'ambiguous'], ['188728002', 'ambiguous'], ['122951000119108', 'ambiguous'],
  ['93169003', 'ambiguous'], ['426248008', 'ambiguous'], ['426370008', 'ambiguous'],
  ['363346000', 'other-cancer'], ['128462008', 'other-cancer'],
];

/** src/terminology/rxnorm.ts CURATED: RxNorm codes beside the NMDP value sets. */
export const CURATED_RXNORM: readonly (readonly [codes: string, agent: Agent])[] = [
  ['11202', 'vincristine'], ['8640', 'prednisone'], ['197577|197579|197580|197581|197582|197583|343033', 'dexamethasone'],
  ['3639|1790099', 'doxorubicin'], ['5650', 'idarubicin'], ['309650|2002002', 'daunorubicin'], ['3002', 'cyclophosphamide'],
  ['6851', 'methotrexate'], ['103', 'mercaptopurine'], ['3041', 'cytarabine'], ['4179', 'etoposide'], ['282388', 'imatinib'],
  ['475342', 'dasatinib'], ['662281', 'nilotinib'], ['1307619', 'bosutinib'],
  ['1364352|1364358|1364360|1364362|1726637|1726639|2473040|2473042', 'ponatinib'], ['1597258', 'blinatumomab'],
  ['1942950', 'inotuzumab-ozogamicin'], ['44151', 'clofarabine'], ['121191', 'rituximab'], ['213040|240906', 'pegaspargase'],
  ['603566|616366', 'nelarabine'], ['2387347|2387352|2572002|2572005', 'brexucabtagene-autoleucel'],
  ['2700168|2700173|2700174|2700175', 'obecabtagene-autoleucel'], ['2698331|2698337|2698339|2698341|2698343|2698345', 'revumenib'],
];

/** src/terminology/genetics.ts ANSWERS. */
export const ANSWERS: readonly (readonly [system: string, code: string, answer: 'positive' | 'negative'])[] = [
  [SNOMED, '10828004', 'positive'], [SNOMED, '260385009', 'negative'],
  [LOINC, 'LA6576-8', 'positive'], [LOINC, 'LA6577-6', 'negative'],
  [LOINC, 'LA9633-4', 'positive'], [LOINC, 'LA9634-2', 'negative'],
  [V3_INTERPRETATION, 'POS', 'positive'], [V3_INTERPRETATION, 'NEG', 'negative'],
  [V3_INTERPRETATION, 'DET', 'positive'], [V3_INTERPRETATION, 'ND', 'negative'],
];

/** src/terminology/genetics.ts METHODS (LOINC answers of Observation.method). */
export const METHODS: readonly (readonly [code: string, method: GeneticMethod])[] = [
  ['LA26406-1', 'karyotype'], ['LA26404-6', 'FISH'], ['LA26418-6', 'RT-PCR'], ['LA26419-4', 'RT-PCR'],
];

/** src/terminology/genetics.ts STRUCTURAL (Sequence Ontology). */
export const STRUCTURAL_CHANGES: readonly string[] = ['SO:1000044', 'SO:0002062'];

/** src/terminology/diagnoses.ts FULL_REMISSION (mCODE CancerDiseaseStatus values, SNOMED CT). */
export const FULL_REMISSION: readonly string[] = ['550991000124107', '103338009'];

/** src/terminology/procedures.ts rows (SNOMED CT): a treatment kind, or 'not-used'. */
export const PROCEDURES: readonly (readonly [code: string, kind: TreatmentKind | 'not-used'])[] = [
  ['425983008', 'autologous-hsct'], ['234336002', 'not-used'], ['23719005', 'not-used'], ['1217123003', 'radiation'],
  ['1156961008', 'car-t'], ['49401003', 'not-used'], ['234326005', 'not-used'], ['277762005', 'not-used'],
];

// ---- expansions -------------------------------------------------------------------------

const rows = observationRows();
const observationCodes = (keep: (m: ObservationMeaning) => boolean): VsCode[] =>
  rows.filter((r) => keep(r.meaning)).map((r) => ({ code: r.code, system: r.system }));

/** `system|code` → { system, code } (GENES holds keys). */
function fromKey(key: string): VsCode {
  const at = key.lastIndexOf('|');
  return { system: key.slice(0, at), code: key.slice(at + 1) };
}

function agentCodes(agent: Agent): VsCode[] {
  const nmdp = Object.entries(NMDP_RXNORM).filter(([, a]) => a === agent).map(([code]) => code);
  const curated = CURATED_RXNORM.filter(([, a]) => a === agent).flatMap(([codes]) => codes.split('|'));
  return [...new Set([...nmdp, ...curated])].map((code) => ({ code, system: RXNORM }));
}

const snomed = (codes: readonly string[]): VsCode[] => codes.map((code) => ({ code, system: SNOMED }));

/** Every value set the library declares, by id (without the `urn:allpath:vs:` prefix). */
export function expansions(): Record<string, VsCode[]> {
  const out: Record<string, VsCode[]> = {
    'observation:known': observationCodes(() => true),
    'observation:marrow-blasts': observationCodes((m) => m.kind === 'lab' && m.test === 'blasts' && m.specimen === 'marrow'),
    'observation:blood-blasts': observationCodes((m) => m.kind === 'lab' && m.test === 'blasts' && m.specimen === 'blood'),
    'observation:csf-blasts': observationCodes((m) => m.kind === 'lab' && m.test === 'blasts' && m.specimen === 'csf'),
    'observation:anc': observationCodes((m) => m.kind === 'lab' && m.test === 'anc'),
    'observation:platelets': observationCodes((m) => m.kind === 'lab' && m.test === 'platelets'),
    'observation:immunophenotype-panel': observationCodes((m) => m.kind === 'immunophenotype-panel'),
    'observation:genomic-variant': observationCodes((m) => m.kind === 'genomic-variant'),
    'observation:bcr-abl1-transcript': observationCodes((m) => m.kind === 'bcr-abl1'),
    'observation:disease-status': observationCodes((m) => m.kind === 'disease-status'),
    'answer:positive': ANSWERS.filter(([, , a]) => a === 'positive').map(([system, code]) => ({ system, code })),
    'answer:negative': ANSWERS.filter(([, , a]) => a === 'negative').map(([system, code]) => ({ system, code })),
    'variant:structural-change': STRUCTURAL_CHANGES.map((code) => ({ code, system: SEQUENCE_ONTOLOGY })),
    'disease-status:full-remission': snomed(FULL_REMISSION),
    'diagnosis:ambiguous': snomed(SNOMED_DIAGNOSES.filter(([, d]) => d === 'ambiguous').map(([code]) => code)),
    'diagnosis:status:remission': snomed(SNOMED_DIAGNOSES.filter(([, , s]) => s === 'remission').map(([code]) => code)),
    'diagnosis:status:relapse': snomed(SNOMED_DIAGNOSES.filter(([, , s]) => s === 'relapse').map(([code]) => code)),
  };
  for (const m of MARKERS) out[`marker:${m}`] = observationCodes((x) => x.kind === 'marker' && x.marker === m);
  for (const a of AGENTS) out[`agent:${a}`] = agentCodes(a);
  for (const d of RECORDED_DIAGNOSES) out[`diagnosis:${d}`] = snomed(SNOMED_DIAGNOSES.filter(([, x]) => x === d).map(([code]) => code));
  for (const site of EXTRAMEDULLARY_SITES) out[`diagnosis:site:${site}`] = snomed(SNOMED_DIAGNOSES.filter(([, , , s]) => s === site).map(([code]) => code));
  for (const method of ['karyotype', 'FISH', 'RT-PCR'] as const) {
    out[`method:${method}`] = METHODS.filter(([, m]) => m === method).map(([code]) => ({ code, system: LOINC }));
  }
  for (const gene of Object.keys(GENES) as Gene[]) out[`gene:${gene}`] = [fromKey(GENES[gene])];
  for (const kind of ['autologous-hsct', 'radiation', 'car-t', 'not-used'] as const) {
    out[`procedure:${kind}`] = snomed(PROCEDURES.filter(([, k]) => k === kind).map(([code]) => code));
  }
  return out;
}

/** The expansions as cql-execution's CodeService wants them: `{ [oid]: { [version]: codes } }`. */
export function codeServiceValueSets(): Record<string, Record<string, VsCode[]>> {
  return Object.fromEntries(Object.entries(expansions()).map(([id, codes]) => [`${VS}:${id}`, { '1': codes }]));
}
