/**
 * Coded answers and genomics vocabulary: positive/negative and present/absent answers, HGNC
 * genes, Sequence Ontology change types, the LOINC answers for the test method, and the ISCN and
 * HGVS strings allpath can read. Each code names where it was found.
 */
import type { GeneticMethod } from '../contract/index.js';
import { HGNC, LOINC, SEQUENCE_ONTOLOGY, SNOMED, V3_INTERPRETATION, codeKey } from './systems.js';

export type Answer = 'positive' | 'negative';

/** Positive/present/detected and negative/absent/not-detected answers (valueCodeableConcept or interpretation). */
const ANSWERS: ReadonlyMap<string, Answer> = new Map([
  // SNOMED qualifiers: FHIR R4 Bundle-report.json; mCODE examples (tumor-marker-test-egf, tumor invasion).
  [codeKey(SNOMED, '10828004'), 'positive'],
  [codeKey(SNOMED, '260385009'), 'negative'],
  // LOINC answers Positive/Negative: mCODE jenny-m ER/PR/HER2 examples.
  [codeKey(LOINC, 'LA6576-8'), 'positive'],
  [codeKey(LOINC, 'LA6577-6'), 'negative'],
  // LOINC answers Present/Absent: NMDP PresenceAbsence.fsh; mCODE GenomicVariant examples.
  [codeKey(LOINC, 'LA9633-4'), 'positive'],
  [codeKey(LOINC, 'LA9634-2'), 'negative'],
  // HL7 v3 ObservationInterpretation (FHIR R4 Observation.interpretation): POS, NEG, DET, ND.
  [codeKey(V3_INTERPRETATION, 'POS'), 'positive'],
  [codeKey(V3_INTERPRETATION, 'NEG'), 'negative'],
  [codeKey(V3_INTERPRETATION, 'DET'), 'positive'],
  [codeKey(V3_INTERPRETATION, 'ND'), 'negative'],
]);

export function answerOf(system: string | undefined, code: string | undefined): Answer | undefined {
  return ANSWERS.get(codeKey(system, code));
}

/** Genes allpath reads. BCR, ABL1: ALL_codes_consolidated.csv (mCODE fusion examples); KMT2A, MYC: HGNC (genenames.org). */
export const GENES = {
  BCR: codeKey(HGNC, 'HGNC:1014'),
  ABL1: codeKey(HGNC, 'HGNC:76'),
  KMT2A: codeKey(HGNC, 'HGNC:7132'),
  MYC: codeKey(HGNC, 'HGNC:7553'),
} as const;
export type Gene = keyof typeof GENES;

export function geneOf(system: string | undefined, code: string | undefined): Gene | undefined {
  const key = codeKey(system, code);
  return (Object.keys(GENES) as Gene[]).find((g) => GENES[g] === key);
}

/** Structural change types: SO:1000044 in mCODE brian-l ETV6::RUNX1; SO:0002062 in mCODE MET/ALK. */
const STRUCTURAL = new Set([codeKey(SEQUENCE_ONTOLOGY, 'SO:1000044'), codeKey(SEQUENCE_ONTOLOGY, 'SO:0002062')]);

export function isStructuralChange(system: string | undefined, code: string | undefined): boolean {
  return STRUCTURAL.has(codeKey(system, code));
}

/** GenomicVariant component codes (mCODE GenomicVariant examples). */
export const COMPONENTS = {
  geneStudied: codeKey(LOINC, '48018-6'),
  changeType: codeKey(LOINC, '48019-4'),
  aminoAcidChange: codeKey(LOINC, '48005-3'),
} as const;

/**
 * Test method (Observation.method), LOINC answers of the structural-variant method list
 * (BIH-CEI/rd-cdm StructuralVariantAnalysisMethodVS; mCODE brian-l uses LA26406-1).
 * PCR and qPCR become the contract's RT-PCR: a fusion transcript such as BCR::ABL1 is detected
 * by PCR only after reverse transcription. "Sequencing" (LA26398-0) is not mapped: Sanger or NGS
 * cannot be told apart, and the method is left out rather than guessed.
 */
const METHODS: ReadonlyMap<string, GeneticMethod> = new Map([
  [codeKey(LOINC, 'LA26406-1'), 'karyotype'],
  [codeKey(LOINC, 'LA26404-6'), 'FISH'],
  [codeKey(LOINC, 'LA26418-6'), 'RT-PCR'],
  [codeKey(LOINC, 'LA26419-4'), 'RT-PCR'],
]);

export function methodOf(system: string | undefined, code: string | undefined): GeneticMethod | undefined {
  return METHODS.get(codeKey(system, code));
}

/** ABL1 p.Thr315Ile in HGVS protein notation: `p.Thr315Ile`, `p.(Thr315Ile)`, `p.T315I`, with or without a reference prefix. */
export function isAbl1T315I(hgvs: string): boolean {
  return /(^|:)p\.\(?(Thr315Ile|T315I)\)?$/.test(hgvs.trim());
}

/** A normal karyotype in ISCN: 46,XX or 46,XY, optionally with the cell count (`46,XX[20]`). */
export function isNormalKaryotype(iscn: string): boolean {
  return /^46,X[XY](\[\d+\])?$/.test(iscn.replace(/\s+/g, ''));
}
