// The terminology tables (src/terminology) and UCUM conversion, one lookup per test, with the
// source of each code beside it. Gaps in ../shared/terminology stay gaps: no invented codes.
import { describe, expect, test } from 'vitest';
import { acceptedUnits, type LabTest } from '../../src/index.js';
import {
  GENES, ICD10CM, LOINC, RXNORM, SNOMED, agentByName, agentOfRxNorm, answerOf, codeKey, courseKind, diagnosisOf, geneOf,
  isAbl1T315I, isNormalKaryotype, methodOf, normalizeUcum, observationMeaning, observationRows, procedureOf, toCelsius,
  toContractUnit, toPerMicrolitre,
} from '../../src/terminology/index.js';

describe('LOINC observations', () => {
  test.each([
    ['6690-2', { kind: 'lab', test: 'wbc' }], // ALL_codes_consolidated.csv: WBC automated (PEDSnet; MIMIC; NMDP)
    ['26464-8', { kind: 'lab', test: 'wbc' }], // ALL_codes_consolidated.csv: WBC (mCODE brian-l)
    ['751-8', { kind: 'lab', test: 'anc' }], // ALL_codes_consolidated.csv: ANC automated
    ['777-3', { kind: 'lab', test: 'platelets' }], // ALL_codes_consolidated.csv: platelets automated
    ['718-7', { kind: 'lab', test: 'hemoglobin' }], // ALL_codes_consolidated.csv: hemoglobin
    ['26446-5', { kind: 'lab', test: 'blasts', specimen: 'blood' }], // ALL_codes_consolidated.csv: blasts % blood (MIMIC 51148)
    ['11150-0', { kind: 'lab', test: 'blasts', specimen: 'marrow' }], // ALL_codes_consolidated.csv: blasts % bone marrow (NMDP)
    ['26447-3', { kind: 'lab', test: 'blasts', specimen: 'csf' }], // ALL_codes_consolidated.csv: blasts % CSF (MIMIC 52227)
    ['1920-8', { kind: 'lab', test: 'ast' }], // nmdp_cibmtr_loinc_valuesets.csv cibmtr-pv-valueset-2022
    ['1742-6', { kind: 'lab', test: 'alt' }], // mimic-iv_d_labitems_to_loinc itemid 50861
    ['3084-1', { kind: 'lab', test: 'uric-acid' }], // mimic-iv_d_labitems_to_loinc itemid 51007
    ['8310-5', { kind: 'temperature' }], // FHIR R4 vital signs profile bodytemp
    ['89247-1', { kind: 'ecog' }], // mCODE Observation-ecog-performance-status-*
    ['32525-8', { kind: 'marker', marker: 'CD19' }], // ALL_codes_consolidated.csv: CD19 bone marrow (MIMIC)
    ['42620-5', { kind: 'marker', marker: 'TdT' }], // ALL_codes_consolidated.csv: TdT bone marrow (MIMIC 52335)
    ['49464-1', { kind: 'marker', marker: 'CD13' }], // FHIR R4 Bundle-report.json: CD13 Ag presence
    ['69548-6', { kind: 'genomic-variant' }], // mCODE GenomicVariant examples
  ] as const)('LOINC %s is %o', (code, meaning) => {
    expect(observationMeaning(LOINC, code)).toEqual(meaning);
  });

  test('MRD and the BCR::ABL1 p190 transcript have no LOINC code in the sources (NOT FOUND) and none is invented', () => {
    const labels = observationRows().map((r) => r.display.toLowerCase());
    expect(labels.some((l) => l.includes('residual disease'))).toBe(false);
    expect(labels.some((l) => l.includes('e1a2'))).toBe(false);
  });

  test('every observation code names its source', () => {
    for (const row of observationRows()) expect(row.source.length, `${row.system}|${row.code}`).toBeGreaterThan(5);
  });

  test('an unknown code, or a known code in another system, means nothing', () => {
    expect(observationMeaning(LOINC, '2951-2')).toBeUndefined();
    expect(observationMeaning(SNOMED, '6690-2')).toBeUndefined();
  });
});

describe('diagnoses', () => {
  test.each([
    [ICD10CM, 'C91.00', { kind: 'mapped', diagnosis: 'ALL' }], // mcode_icd10cm_lymphoid_leukemia_subset.csv
    [ICD10CM, 'C91.01', { kind: 'mapped', diagnosis: 'ALL', status: 'remission' }], // same
    [ICD10CM, 'C91.02', { kind: 'mapped', diagnosis: 'ALL', status: 'relapse' }], // same
    [ICD10CM, 'C83.57', { kind: 'mapped', diagnosis: 'lymphoblastic-lymphoma', site: 'spleen' }], // same (C83.50-C83.59)
    [ICD10CM, 'C91.12', { kind: 'mapped', diagnosis: 'other-leukemia', status: 'relapse' }], // same: CLL in relapse
    [ICD10CM, 'C34.90', { kind: 'mapped', diagnosis: 'other-cancer' }], // C00–C96 malignant neoplasms
    [ICD10CM, 'I50.32', { kind: 'unknown' }], // mCODE Condition-john-anyperson-chf: heart failure
    [SNOMED, '277572006', { kind: 'mapped', diagnosis: 'B-ALL' }], // ALL_codes_consolidated.csv: precursor B-ALL (PEDSnet)
    [SNOMED, '427642009', { kind: 'mapped', diagnosis: 'T-ALL', status: 'remission' }], // ALL_codes_consolidated.csv: T-ALL in remission
    [SNOMED, '12301000132103', { kind: 'mapped', diagnosis: 'ALL', status: 'relapse' }], // ALL_codes_consolidated.csv: ALL relapse
    [SNOMED, '92814006', { kind: 'mapped', diagnosis: 'other-leukemia' }], // ALL_codes_consolidated.csv: CLL (negative control)
    [SNOMED, '301130004', { kind: 'unknown' }], // mCODE brian-l: atrial septal defect murmur
  ] as const)('%s|%s is %o', (system, code, expected) => {
    expect(diagnosisOf(system, code)).toEqual(expected);
  });

  test('an unspecified lymphoid leukemia is ambiguous (could be ALL), in both systems', () => {
    expect(diagnosisOf(ICD10CM, 'C91.90').kind).toBe('ambiguous'); // mcode_icd10cm subset: "Lymphoid leukemia, unspecified"
    expect(diagnosisOf(SNOMED, '188725004').kind).toBe('ambiguous'); // pedsnet snomed csv: Lymphoid leukemia
  });
});

describe('RxNorm', () => {
  test.each([
    ['11202', 'vincristine'], // ALL_codes_consolidated.csv IN (mCODE brian-l)
    ['5650', 'idarubicin'], // ALL_codes_consolidated.csv IN (mCODE brian-l)
    ['309650', 'daunorubicin'], // ALL_codes_consolidated.csv openFDA product (ingredient NOT FOUND)
    ['213040', 'pegaspargase'], // ALL_codes_consolidated.csv openFDA Oncaspar
    ['197579', 'dexamethasone'], // ALL_codes_consolidated.csv openFDA SCD
    ['1942950', 'inotuzumab-ozogamicin'], // ALL_codes_consolidated.csv IN (NMDP prior-exposure VS)
    ['282386', 'imatinib'], // nmdp_cibmtr_rxnorm_valuesets.csv: Gleevec (brand)
    ['1605071', 'filgrastim'], // nmdp_cibmtr_rxnorm_valuesets.csv: filgrastim-sndz [Zarxio]
    ['727542', 'pegfilgrastim'], // nmdp_cibmtr_rxnorm_valuesets.csv: pegfilgrastim [Neulasta]
  ] as const)('RxNorm %s is %s', (code, agent) => {
    expect(agentOfRxNorm(RXNORM, code)).toBe(agent);
  });

  test('dexamethasone ingredient 3264 is UNVERIFIED in the sources and is not used', () => {
    expect(agentOfRxNorm(RXNORM, '3264')).toBeUndefined();
  });

  test('an RxNorm code under another system means nothing', () => {
    expect(agentOfRxNorm(SNOMED, '11202')).toBeUndefined();
  });

  test('names are a fallback only for agents whose code is a gap (tisagenlecleucel, Rylaze), never for the rest', () => {
    expect(agentByName('KYMRIAH (tisagenlecleucel) suspension')).toBe('tisagenlecleucel');
    expect(agentByName('Rylaze 10 MG/0.5ML')).toBe('asparaginase');
    expect(agentByName('vincristine sulfate')).toBeUndefined();
    expect(agentByName('calaspargase pegol')).toBeUndefined();
  });
});

describe('genetics vocabulary', () => {
  test('answers: SNOMED 10828004 positive (FHIR Bundle-report); LOINC LA9634-2 absent (NMDP PresenceAbsence.fsh); v3 ND', () => {
    expect(answerOf(SNOMED, '10828004')).toBe('positive');
    expect(answerOf(LOINC, 'LA9634-2')).toBe('negative');
    expect(answerOf('http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', 'ND')).toBe('negative');
  });

  test('genes: HGNC:1014 is BCR, whichever HGNC URI spelling is used', () => {
    expect(geneOf('http://www.genenames.org', 'HGNC:1014')).toBe('BCR');
    expect(geneOf('http://www.genenames.org/geneId', 'HGNC:1014')).toBe('BCR');
    expect(GENES.KMT2A).toBe(codeKey('http://www.genenames.org', 'HGNC:7132'));
  });

  test('methods: Karyotyping LA26406-1 (mCODE brian-l), FISH LA26404-6; Sequencing is not guessed', () => {
    expect(methodOf(LOINC, 'LA26406-1')).toBe('karyotype');
    expect(methodOf(LOINC, 'LA26404-6')).toBe('FISH');
    expect(methodOf(LOINC, 'LA26398-0')).toBeUndefined();
  });

  test('HGVS: T315I in its spellings, and not another ABL1 change', () => {
    expect(['p.Thr315Ile', 'NP_005148.2:p.(Thr315Ile)', 'p.T315I'].every(isAbl1T315I)).toBe(true);
    expect(isAbl1T315I('p.(Glu255Lys)')).toBe(false);
  });

  test('ISCN: 46,XX and 46,XY[20] are normal; a translocation is not', () => {
    expect(isNormalKaryotype('46,XX')).toBe(true);
    expect(isNormalKaryotype('46, XY[20]')).toBe(true);
    expect(isNormalKaryotype('46,XY,t(9;22)(q34;q11.2)[20]')).toBe(false);
  });
});

describe('procedures and course kinds', () => {
  test('procedures: radiation (mCODE 1217123003), autologous transplant (425983008); a generic HSCT is not guessed', () => {
    expect(procedureOf(SNOMED, '1217123003')).toEqual({ kind: 'treatment', treatment: 'radiation' });
    expect(procedureOf(SNOMED, '425983008')).toEqual({ kind: 'treatment', treatment: 'autologous-hsct' });
    expect(procedureOf(SNOMED, '234336002')?.kind).toBe('not-used');
  });

  test.each([
    [['vincristine', 'prednisone', 'daunorubicin'], true, 'induction'],
    [['vincristine', 'dexamethasone', 'pegaspargase', 'imatinib'], true, 'induction'],
    [['vincristine', 'prednisone', 'daunorubicin'], false, 'other'],
    [['vincristine', 'prednisone'], true, 'other'],
    [['mercaptopurine', 'methotrexate', 'vincristine', 'prednisone'], false, 'maintenance'],
    [['mercaptopurine', 'methotrexate', 'cytarabine'], false, 'other'],
    [['imatinib'], false, 'tki'],
    [['inotuzumab-ozogamicin'], false, 'immunotherapy'],
    [['brexucabtagene-autoleucel', 'cyclophosphamide'], false, 'car-t'],
    [['pegfilgrastim'], false, 'supportive'],
  ] as const)('%o (first course: %s) is %s', (agents, first, kind) => {
    expect(courseKind(agents, first)).toBe(kind);
  });
});

describe('UCUM units', () => {
  test('every unit the contract accepts is kept as it is', () => {
    const tests: LabTest[] = ['wbc', 'anc', 'platelets', 'hemoglobin', 'blasts', 'bilirubin', 'alt', 'ast', 'potassium', 'creatinine', 'uric-acid', 'ldh', 'qtc'];
    for (const t of tests) {
      for (const unit of acceptedUnits(t)) expect(toContractUnit(t, 7, unit), `${t} ${unit}`).toEqual({ value: 7, unit });
    }
  });

  test.each([
    ['wbc', 5, '10*3/mm3', { value: 5, unit: '10*3/uL' }], // mm³ = µL
    ['wbc', 5, '/nL', { value: 5, unit: '10*9/L' }], // 1/nL = 10⁹/L
    ['platelets', 85000, '10*6/L', { value: 85000, unit: '/uL' }], // 10⁶/L = 1/µL
    ['hemoglobin', 13.5, 'g/dl', { value: 13.5, unit: 'g/dL' }], // UCUM: l and L are both the litre
    ['anc', 500, '{cells}/uL', { value: 500, unit: '/uL' }], // annotations carry no meaning
    ['creatinine', 0.08, 'mmol/L', { value: 80, unit: 'umol/L' }],
    ['bilirubin', 10, 'mg/L', { value: 1, unit: 'mg/dL' }],
    ['uric-acid', 297.4, 'umol/L', { value: 5, unit: 'mg/dL' }], // 1 mg/dL = 59.48 µmol/L
    ['alt', 1, 'ukat/L', { value: 60, unit: 'U/L' }], // 1 µkat = 60 U
    ['potassium', 4.1, 'meq/L', { value: 4.1, unit: 'mmol/L' }], // monovalent
    ['qtc', 0.452, 's', { value: 452, unit: 'ms' }],
  ] as const)('%s %s %s is %o', (t, value, unit, expected) => {
    expect(toContractUnit(t, value, unit)).toEqual(expected);
  });

  test('units that are not UCUM for the test are refused, never guessed: K/ul, mg/dL for a count, mmol/L for Hb', () => {
    expect(toContractUnit('wbc', 31.9, 'K/ul')).toBeUndefined();
    expect(toContractUnit('wbc', 5, 'mg/dL')).toBeUndefined();
    expect(toContractUnit('hemoglobin', 8, 'mmol/L')).toBeUndefined();
  });

  test('normalizeUcum folds the litre and drops annotations, and nothing else', () => {
    expect(normalizeUcum('10*3/ul')).toBe('10*3/uL');
    expect(normalizeUcum('mmol/l')).toBe('mmol/L');
    expect(normalizeUcum('{cells}/uL')).toBe('/uL');
    expect(normalizeUcum('K/ul')).toBe('K/uL');
  });

  test('temperature: Cel as is, [degF] converted; anything else refused', () => {
    expect(toCelsius(38.5, 'Cel')).toBe(38.5);
    expect(toCelsius(100.4, '[degF]')).toBe(38);
    expect(toCelsius(311, 'K')).toBeUndefined();
  });

  test('CSF cells per µL from any count unit', () => {
    expect(toPerMicrolitre(12, '/uL')).toBe(12);
    expect(toPerMicrolitre(0.012, '10*9/L')).toBe(12);
    expect(toPerMicrolitre(12, '%')).toBeUndefined();
  });
});
