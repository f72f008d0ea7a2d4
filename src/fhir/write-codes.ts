/**
 * The codes the Bundle writer (case-bundle.ts) puts on resources. Each is taken from the
 * terminology tables FHIR ingest reads (observationRows, GENES, COMPONENTS) or written here
 * beside the table row it comes from, and test/fhir/case-bundle.test.ts checks that every code
 * below maps back, through the ingest lookups, to the same contract term. No code is new: a
 * contract term without a code in the tables is not written at all (see case-bundle.ts).
 */
import type { Agent, GeneticMethod, LabTest, Marker, RecordedDiagnosis, Specimen, TreatmentKind } from '../contract/index.js';
import {
  COMPONENTS, GENES, ICD10CM, LOINC, RXNORM, SEQUENCE_ONTOLOGY, SNOMED, observationRows, type Gene, type ObservationMeaning,
} from '../terminology/index.js';

export interface Code {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/** `system|code` (as GENES and COMPONENTS hold them) → a Code. */
function fromKey(key: string, display?: string): Code {
  const at = key.lastIndexOf('|');
  return { system: key.slice(0, at), code: key.slice(at + 1), ...(display === undefined ? {} : { display }) };
}

const ROWS = observationRows();

function rowsWhere(test: (m: ObservationMeaning) => boolean): Code[] {
  return ROWS.filter((r) => test(r.meaning)).map((r) => ({ system: r.system, code: r.code, display: r.display }));
}

/** The first table row of a kind that has no further detail (temperature, ECOG, panels …). */
function only(kind: ObservationMeaning['kind']): Code {
  const [first] = rowsWhere((m) => m.kind === kind);
  if (first === undefined) throw new Error(`the terminology has no observation code of kind ${kind}`);
  return first;
}

export const OBSERVATION = {
  temperature: only('temperature'),
  ecog: only('ecog'),
  csfWbc: only('csf-wbc'),
  immunophenotypePanel: only('immunophenotype-panel'),
  genomicVariant: only('genomic-variant'),
  karyotype: only('karyotype'),
} as const;

/**
 * The LOINC code of a lab test (blasts by specimen). Where a test has a mass and a molar code
 * (bilirubin, creatinine) the one matching the unit is chosen, so the code and the unit agree.
 */
export function labCode(test: LabTest, specimen: Specimen | undefined, unit: string): Code | undefined {
  const key = `${test}|${specimen ?? ''}|${unit}`;
  if (!LAB_CODES.has(key)) {
    const rows = rowsWhere((m) => m.kind === 'lab' && m.test === test && m.specimen === specimen);
    const property = unit.includes('mol') ? '[Moles/' : '[Mass/';
    LAB_CODES.set(key, rows.find((r) => r.display?.includes(property) === true) ?? rows[0]);
  }
  return LAB_CODES.get(key);
}

/** Looked up once per test, specimen and unit: a cohort of 10,000 cases writes some 250,000 labs. */
const LAB_CODES = new Map<string, Code | undefined>();

/** The first row per marker: the tables list the bone-marrow codes before the blood ones. */
const MARKER_CODES = new Map<Marker, Code>();
for (const r of ROWS) {
  if (r.meaning.kind === 'marker' && !MARKER_CODES.has(r.meaning.marker)) MARKER_CODES.set(r.meaning.marker, { system: r.system, code: r.code, display: r.display });
}

/** The LOINC code of a marker (the bone-marrow flow cytometry code first), or undefined (MPO, cCD3, cCD79a, sIg). */
export function markerCode(marker: Marker): Code | undefined {
  return MARKER_CODES.get(marker);
}

/** Answers (src/terminology/genetics.ts ANSWERS): LOINC Positive/Negative for markers, Present/Absent for variants. */
export const ANSWER = {
  positive: { system: LOINC, code: 'LA6576-8', display: 'Positive' },
  negative: { system: LOINC, code: 'LA6577-6', display: 'Negative' },
  present: { system: LOINC, code: 'LA9633-4', display: 'Present' },
  absent: { system: LOINC, code: 'LA9634-2', display: 'Absent' },
} as const satisfies Record<string, Code>;

export const GENE: Readonly<Record<Gene, Code>> = {
  BCR: fromKey(GENES.BCR, 'BCR'),
  ABL1: fromKey(GENES.ABL1, 'ABL1'),
  KMT2A: fromKey(GENES.KMT2A, 'KMT2A'),
  MYC: fromKey(GENES.MYC, 'MYC'),
};

export const VARIANT_COMPONENT = {
  geneStudied: fromKey(COMPONENTS.geneStudied, 'Gene studied [ID]'),
  changeType: fromKey(COMPONENTS.changeType, 'DNA change type'),
  aminoAcidChange: fromKey(COMPONENTS.aminoAcidChange, 'Amino acid change (pHGVS)'),
} as const;

/** Sequence Ontology chromosomal_translocation (mCODE brian-l ETV6::RUNX1). */
export const TRANSLOCATION: Code = { system: SEQUENCE_ONTOLOGY, code: 'SO:1000044', display: 'chromosomal_translocation' };

/** ABL1 T315I in HGVS protein notation, as ingest reads it (isAbl1T315I). */
export const T315I: Code = { system: 'http://varnomen.hgvs.org', code: 'p.Thr315Ile' };

/** Observation.method (src/terminology/genetics.ts METHODS); NGS and PFGE have no code there. */
export const METHOD: Readonly<Partial<Record<GeneticMethod, Code>>> = {
  karyotype: { system: LOINC, code: 'LA26406-1', display: 'Karyotyping' },
  FISH: { system: LOINC, code: 'LA26404-6', display: 'FISH' },
  'RT-PCR': { system: LOINC, code: 'LA26418-6', display: 'PCR' },
};

/**
 * A Condition code per recorded diagnosis, chosen among the codes src/terminology/diagnoses.ts
 * maps, each saying nothing of remission, relapse or a site (the clinical status is written on
 * its own). other-leukemia is ICD-10-CM C94.80 "other specified leukemias": no table code names a
 * leukemia without naming which one.
 */
export const DIAGNOSIS: Readonly<Record<RecordedDiagnosis, Code>> = {
  ALL: { system: SNOMED, code: '91857003', display: 'Acute lymphoid leukemia' },
  'B-ALL': { system: SNOMED, code: '277571004', display: 'B-cell acute lymphoblastic leukemia' },
  'T-ALL': { system: SNOMED, code: '277575008', display: 'T-cell acute lymphoblastic leukemia' },
  'mature-B-ALL': { system: ICD10CM, code: 'C91.A0', display: 'Mature B-cell leukemia Burkitt-type not having achieved remission' },
  'lymphoblastic-lymphoma': { system: SNOMED, code: '109965004', display: "Diffuse non-Hodgkin's lymphoma, lymphoblastic" },
  'other-leukemia': { system: ICD10CM, code: 'C94.80', display: 'Other specified leukemias not having achieved remission' },
  'other-cancer': { system: SNOMED, code: '363346000', display: 'Malignant neoplastic disease' },
};

/** Procedure codes (src/terminology/procedures.ts) for the treatment kinds that have one. */
export const PROCEDURE: Readonly<Partial<Record<TreatmentKind, Code>>> = {
  'autologous-hsct': { system: SNOMED, code: '425983008', display: 'Autologous peripheral blood stem cell transplant' },
  radiation: { system: SNOMED, code: '1217123003', display: 'Radiotherapy course of treatment' },
  'car-t': { system: SNOMED, code: '1156961008', display: 'Chimeric antigen receptor T-cell immunotherapy' },
};

/**
 * How an agent is named on a medication resource: an RxNorm code from src/terminology/rxnorm.ts
 * (the ingredient where the tables have it, else the product code they list), or, for the agents
 * whose code is a known gap, the name ingest recognises (agentByName; ingest warns about it).
 * Teniposide and sargramostim have neither and are not written.
 */
export type AgentName = { readonly code: Code } | { readonly name: string };

const rx = (code: string, display?: string): AgentName => ({ code: { system: RXNORM, code, ...(display === undefined ? {} : { display }) } });

export const AGENT: Readonly<Record<Agent, AgentName | undefined>> = {
  vincristine: rx('11202', 'vincristine'),
  prednisone: rx('8640', 'predniSONE'),
  dexamethasone: rx('197577'),
  daunorubicin: rx('309650'),
  doxorubicin: rx('3639', 'DOXOrubicin'),
  idarubicin: rx('5650', 'IDArubicin'),
  cyclophosphamide: rx('3002', 'cyclophosphamide'),
  asparaginase: { name: 'asparaginase Erwinia chrysanthemi' },
  pegaspargase: rx('213040'),
  methotrexate: rx('6851', 'methotrexate'),
  mercaptopurine: rx('103', 'mercaptopurine'),
  cytarabine: rx('3041', 'cytarabine'),
  etoposide: rx('4179', 'etoposide'),
  teniposide: undefined,
  imatinib: rx('282388', 'imatinib'),
  dasatinib: rx('475342', 'dasatinib'),
  nilotinib: rx('662281', 'nilotinib'),
  ponatinib: rx('1364352'),
  bosutinib: rx('1307619', 'bosutinib'),
  blinatumomab: rx('1597258', 'blinatumomab'),
  'inotuzumab-ozogamicin': rx('1942950', 'inotuzumab ozogamicin'),
  tisagenlecleucel: { name: 'tisagenlecleucel' },
  'brexucabtagene-autoleucel': rx('2387347'),
  'obecabtagene-autoleucel': rx('2700168'),
  nelarabine: rx('603566'),
  clofarabine: rx('44151', 'clofarabine'),
  revumenib: rx('2698331'),
  rituximab: rx('121191', 'rituximab'),
  filgrastim: rx('68442', 'filgrastim'),
  pegfilgrastim: rx('338036', 'pegfilgrastim'),
  sargramostim: undefined,
};
