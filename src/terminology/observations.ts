/**
 * What an Observation's code means to allpath: a lab test of the contract (§4.2), a marker
 * (§4.3), a vital sign, a genetic result, or a code allpath knows and deliberately does not use.
 * Each row names where the code was found; the sources are the terminology tables in
 * ../shared/terminology (ALL_codes_consolidated.csv and the files it cites) unless said otherwise.
 * Codes marked NOT FOUND there (MRD, BCR::ABL1 p190 transcript) are gaps and are not invented.
 */
import type { LabTest, Marker, Specimen } from '../contract/index.js';
import { LOINC, NCIT, codeKey } from './systems.js';

export type ObservationMeaning =
  | { readonly kind: 'lab'; readonly test: LabTest; readonly specimen?: Specimen }
  | { readonly kind: 'marker'; readonly marker: Marker }
  | { readonly kind: 'temperature' }
  | { readonly kind: 'ecog' }
  | { readonly kind: 'csf-wbc' }
  | { readonly kind: 'immunophenotype-panel' }
  | { readonly kind: 'genomic-variant' }
  | { readonly kind: 'karyotype' }
  | { readonly kind: 'bcr-abl1' }
  | { readonly kind: 'disease-status' }
  | { readonly kind: 'not-used'; readonly why: string };

interface Row {
  readonly system: string;
  readonly code: string;
  readonly meaning: ObservationMeaning;
  readonly display: string;
  readonly source: string;
}

const CSV = 'ALL_codes_consolidated.csv';
const MIMIC = 'mimic-iv_d_labitems_to_loinc_hematology_subset.csv (MIT-LCP/mimic-code)';
const NMDP = 'nmdp_cibmtr_loinc_valuesets.csv (nmdp-ig/cibmtr-reporting-ig)';
const PEDSNET_WBC = 'pedsnet_lab_2022_03_SerumWBC_V1.csv';
const PEDSNET_PLT = 'pedsnet_lab_2023_07_PlateletCount_V1.csv';
const MCODE = 'HL7 mCODE STU4 examples (npm hl7.fhir.us.mcode@4.0.0)';
const R4_REPORT = 'FHIR R4 spec example Bundle-report.json (../shared/fhir-examples)';

const lab = (test: LabTest, specimen?: Specimen): ObservationMeaning =>
  specimen === undefined ? { kind: 'lab', test } : { kind: 'lab', test, specimen };
const marker = (m: Marker): ObservationMeaning => ({ kind: 'marker', marker: m });
const unused = (why: string): ObservationMeaning => ({ kind: 'not-used', why });

const loinc = (code: string, meaning: ObservationMeaning, display: string, source: string): Row =>
  ({ system: LOINC, code, meaning, display, source });

export const OBSERVATION_CODES: readonly Row[] = [
  // Blood counts.
  loinc('6690-2', lab('wbc'), 'Leukocytes [#/volume] in Blood by Automated count', `${CSV}: PEDSnet; MIMIC; NMDP cbc VS`),
  loinc('26464-8', lab('wbc'), 'Leukocytes [#/volume] in Blood', `${CSV}: PEDSnet; NMDP; mCODE brian-l`),
  loinc('804-5', lab('wbc'), 'Leukocytes [#/volume] in Blood by Manual count', `${PEDSNET_WBC}; ${NMDP} cibmtr-epic-pv`),
  loinc('12227-5', lab('wbc'), 'Leukocytes [#/volume] corrected for nucleated erythrocytes in Blood', PEDSNET_WBC),
  loinc('33256-9', lab('wbc'), 'Leukocytes [#/volume] corrected for nucleated erythrocytes in Blood by Automated count', PEDSNET_WBC),
  loinc('751-8', lab('anc'), 'Neutrophils [#/volume] in Blood by Automated count', `${CSV}: MIMIC; NMDP`),
  loinc('26499-4', lab('anc'), 'Neutrophils [#/volume] in Blood', `${CSV}: NMDP cbc/differential VS`),
  loinc('753-4', lab('anc'), 'Neutrophils [#/volume] in Blood by Manual count', `${NMDP} cibmtr-epic-pv`),
  loinc('777-3', lab('platelets'), 'Platelets [#/volume] in Blood by Automated count', `${CSV}: PEDSnet; MIMIC`),
  loinc('26515-7', lab('platelets'), 'Platelets [#/volume] in Blood', `${CSV}: PEDSnet; NMDP`),
  loinc('778-1', lab('platelets'), 'Platelets [#/volume] in Blood by Manual count', `${PEDSNET_PLT}; ${NMDP} cibmtr-epic-pv`),
  loinc('718-7', lab('hemoglobin'), 'Hemoglobin [Mass/volume] in Blood', `${CSV}: PEDSnet; MIMIC; NMDP; mCODE brian-l`),
  // Blasts by specimen (percent).
  loinc('26446-5', lab('blasts', 'blood'), 'Blasts/100 leukocytes in Blood', `${CSV}: MIMIC itemid 51148; NMDP differential VS`),
  loinc('709-6', lab('blasts', 'blood'), 'Blasts/100 leukocytes in Blood by Manual count', `${CSV}: NMDP`),
  loinc('34922-5', lab('blasts', 'blood'), 'Lymphoblasts/100 leukocytes in Blood', `${CSV}: NMDP manual-differential VS`),
  loinc('11150-0', lab('blasts', 'marrow'), 'Blasts/100 cells in Bone marrow', `${CSV}: NMDP differential-unspecified VS (single source, medium)`),
  loinc('26447-3', lab('blasts', 'csf'), 'Blasts/100 leukocytes in Cerebral spinal fluid', `${CSV}: MIMIC itemid 52227 (medium)`),
  // Chemistry.
  loinc('1975-2', lab('bilirubin'), 'Bilirubin.total [Mass/volume] in Serum or Plasma', `${MIMIC} itemid 50885; ${NMDP} cibmtr-epic-pv`),
  loinc('14631-6', lab('bilirubin'), 'Bilirubin.total [Moles/volume] in Serum or Plasma', `${NMDP} cibmtr-epic-pv`),
  loinc('35194-0', lab('bilirubin'), 'Bilirubin.total [Mass or Moles/volume] in Serum or Plasma', `${NMDP} cibmtr-epic-pv`),
  loinc('1742-6', lab('alt'), 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', `${MIMIC} itemid 50861; ${NMDP} cibmtr-pv-2022`),
  loinc('1920-8', lab('ast'), 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma', `${NMDP} cibmtr-pv-valueset-2022`),
  loinc('2823-3', lab('potassium'), 'Potassium [Moles/volume] in Serum or Plasma', `${MIMIC} itemid 50971`),
  loinc('2160-0', lab('creatinine'), 'Creatinine [Mass/volume] in Serum or Plasma', `${MIMIC} itemid 50912; ${NMDP} cibmtr-pv-2022`),
  loinc('14682-9', lab('creatinine'), 'Creatinine [Moles/volume] in Serum or Plasma', `${NMDP} cibmtr-pv-valueset-2022`),
  loinc('3084-1', lab('uric-acid'), 'Urate [Mass/volume] in Serum or Plasma', `${MIMIC} itemid 51007`),
  loinc('2532-0', lab('ldh'), 'Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma', `${MIMIC} itemid 50954; ${NMDP} cibmtr-epic-pv`),
  loinc('14804-9', lab('ldh'), 'Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma by Lactate to pyruvate reaction', `${NMDP} cibmtr-epic-pv`),
  loinc('14805-6', lab('ldh'), 'Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma by Pyruvate to lactate reaction', `${NMDP} cibmtr-epic-pv`),
  loinc('8636-3', lab('qtc'), 'QT interval corrected', 'third-party (medium): HL7 v2 ECG sample OBX "8636-3^QT INTERVAL CORRECTED"; JP-CLINS FSH example'),
  // Vital signs, performance, CSF.
  loinc('8310-5', { kind: 'temperature' }, 'Body temperature', 'FHIR R4 vital signs profile (bodytemp); allpath issue "allpath speaks FHIR"'),
  loinc('89247-1', { kind: 'ecog' }, 'ECOG Performance Status score', `${MCODE} Observation-ecog-performance-status-*`),
  loinc('26465-5', { kind: 'csf-wbc' }, 'Leukocytes [#/volume] in Cerebral spinal fluid', 'third-party (medium): MIMIC-III d_labitems LOINC mapping ("WBC, CSF")'),
  loinc('806-0', { kind: 'csf-wbc' }, 'Leukocytes [#/volume] in Cerebral spinal fluid by Manual count', 'third-party (medium): CSF lab mapping listing 806-0, 26465-5 as "WBC, CSF"'),
  // Panels and genetics.
  loinc('101119-6', { kind: 'immunophenotype-panel' }, 'Leukemia and lymphoma immunophenotyping panel - Specimen', `${CSV}: mCODE brian-l (medium)`),
  loinc('55230-7', { kind: 'immunophenotype-panel' }, 'Immunophenotyping study', `${CSV}: MIMIC (medium)`),
  loinc('69548-6', { kind: 'genomic-variant' }, 'Genetic variant assessment', `${MCODE} GenomicVariant examples`),
  loinc('33893-9', { kind: 'karyotype' }, 'Karyotype [Identifier] in Bone marrow Nominal', R4_REPORT),
  loinc('69380-4', { kind: 'bcr-abl1' }, 't(9;22)(q34.1;q11)(ABL1;BCR) b2a2+b3a2 fusion transcript/control transcript (IS) [# Ratio]', `${CSV}: NHS NW Genomics IG (medium)`),
  loinc('97509-4', { kind: 'disease-status' }, 'Cancer disease status', `${MCODE} Observation-cancer-disease-status-*`),
  // Known, deliberately not used.
  loinc('20570-8', unused('hematocrit is not a contract lab'), 'Hematocrit [Volume Fraction] of Blood', `${CSV}: mCODE brian-l`),
  loinc('58410-2', unused('a CBC panel; its members are read as their own Observations'), 'CBC panel - Blood by Automated count', `${CSV}: mCODE brian-l DiagnosticReport`),
  loinc('30376-8', unused('an absolute blast count; the contract takes blasts as a percentage'), 'Blasts [#/volume] in Blood', `${CSV}: NMDP; MIMIC`),
  loinc('770-8', unused('a neutrophil percentage; the contract takes the absolute count (ANC)'), 'Neutrophils/100 leukocytes in Blood by Automated count', `${MIMIC} itemid 51256`),
  loinc('89243-0', unused('Karnofsky has no contract field and is not converted to ECOG'), 'Karnofsky Performance Status score', `${MCODE} Observation-karnofsky-performance-status-normal-activity`),
  { system: NCIT, code: 'C38144', meaning: unused('Lansky is a pediatric scale and is not converted to ECOG'), display: 'Lansky Performance Status', source: `${MCODE} Observation-lansky-*` },
  { system: NCIT, code: 'C167435', meaning: unused('allpath derives the risk group itself; a recorded risk assessment is not an input'), display: 'Leukemia Finding (mCODE ALL risk assessment)', source: `${CSV}: mCODE StructureDefinition mcode-ALL-risk-assessment` },
];

/** Marker LOINC codes: quantitative (cells per 100 cells) by flow cytometry, or presence by immunostain. */
const MARKER_CODES: readonly (readonly [code: string, marker: Marker, display: string, source: string])[] = [
  ['32525-8', 'CD19', 'CD19 cells/100 cells in Bone marrow', `${CSV}: MIMIC (medium)`],
  ['51216-0', 'CD10', 'CD10 cells/100 cells in Bone marrow', `${CSV}: MIMIC (medium)`],
  ['57400-4', 'CD34', 'CD34 cells/100 cells in Bone marrow', `${CSV}: MIMIC (medium)`],
  ['42620-5', 'TdT', 'Terminal deoxyribonucleotidyl transferase cells/100 cells in Bone marrow', `${CSV}: MIMIC itemid 52335 (medium)`],
  ['51124-6', 'CD22', 'CD22 blasts/100 blasts in Bone marrow', `${CSV}: MIMIC (medium)`],
  ['51115-4', 'CD20', 'CD20 blasts/100 blasts in Bone marrow', `${CSV}: MIMIC (medium)`],
  ['52874-5', 'CD1a', 'CD1a cells/100 cells in Bone marrow', `${CSV}: MIMIC (medium)`],
  ['32529-0', 'CD3', 'CD3 cells/100 cells in Bone marrow', `${CSV}: MIMIC (medium)`],
  ['35641-0', 'CD7', 'CD7 cells/100 cells in Bone marrow', `${CSV}: MIMIC (medium)`],
  ['35640-2', 'CD5', 'CD5 cells/100 cells in Bone marrow', `${CSV}: MIMIC (medium)`],
  ['32527-4', 'CD2', 'CD2 cells/100 cells in Bone marrow', `${MIMIC} itemid 51314`],
  ['51237-6', 'CD13', 'CD13 cells/100 cells in Bone marrow', `${MIMIC} itemid 51307`],
  ['51293-9', 'CD33', 'CD33 cells/100 cells in Bone marrow', `${MIMIC} itemid 51320`],
  ['8117-4', 'CD19', 'CD19 cells/100 cells in Blood', `${CSV}: MIMIC (medium)`],
  ['8107-5', 'CD10', 'CD10 cells/100 cells in Blood', `${CSV}: MIMIC (medium)`],
  ['8125-7', 'CD34', 'CD34 cells/100 cells in Blood', `${CSV}: MIMIC (medium)`],
  ['8119-0', 'CD20', 'CD20 cells/100 cells in Blood', `${CSV}: MIMIC (medium)`],
  ['14017-8', 'CD22', 'CD22 cells/100 cells in Blood', `${CSV}: MIMIC (medium)`],
  ['8118-2', 'CD2', 'CD2 cells/100 cells in Blood', `${MIMIC} itemid 51167`],
  ['8124-0', 'CD3', 'CD3 cells/100 cells in Blood', `${MIMIC} itemid 51174`],
  ['8132-3', 'CD5', 'CD5 cells/100 cells in Blood', `${MIMIC} itemid 51184`],
  ['8135-6', 'CD7', 'CD7 cells/100 cells in Blood', `${MIMIC} itemid 51192`],
  ['8110-9', 'CD13', 'CD13 cells/100 cells in Blood', `${MIMIC} itemid 51156`],
  ['8102-6', 'CD33', 'CD33 cells/100 cells in Blood', `${MIMIC} itemid 51177`],
  ['20476-8', 'CD1a', 'CD1a cells/100 cells in Blood', `${MIMIC} itemid 52088`],
  ['49464-1', 'CD13', 'CD13 Ag [Presence] in Tissue by Immune stain', R4_REPORT],
  ['49466-6', 'CD2', 'CD2 Ag [Presence] in Tissue by Immune stain', R4_REPORT],
];

const BY_KEY: ReadonlyMap<string, Row> = new Map(
  [...OBSERVATION_CODES, ...MARKER_CODES.map(([code, m, display, source]) => loinc(code, marker(m), display, source))]
    .map((row) => [codeKey(row.system, row.code), row]),
);

/** What a coded observation means, or undefined when allpath does not know the code. */
export function observationMeaning(system: string | undefined, code: string | undefined): ObservationMeaning | undefined {
  return BY_KEY.get(codeKey(system, code))?.meaning;
}

/** Every row, for tests and documentation. */
export function observationRows(): readonly Row[] {
  return [...BY_KEY.values()];
}
