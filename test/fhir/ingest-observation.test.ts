// Observation → labs (with UCUM units converted, never guessed), markers, genetics, temperature,
// ECOG and CSF findings; each code's source is in src/terminology/observations.ts.
import { describe, expect, test } from 'vitest';
import { ingestResources } from '../../src/fhir/ingest.js';
import {
  ABSENT, AS_OF, LOINC, NEGATIVE, POSITIVE, PRESENT, SNOMED, concept, coded, patient, quantity, variant,
} from '../fixtures/fhir/build.js';

function ingest(...resources: Record<string, unknown>[]) {
  const r = ingestResources([patient(), ...resources], { asOf: AS_OF });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r;
}

// HGNC ids: BCR, ABL1 (ALL_codes_consolidated.csv); KMT2A HGNC:7132, MYC HGNC:7553 (genenames.org).
const BCR = 'HGNC:1014', ABL1 = 'HGNC:76', KMT2A = 'HGNC:7132', MYC = 'HGNC:7553', ETV6 = 'HGNC:3495', RUNX1 = 'HGNC:10471';
// Method answers (rd-cdm structural variant method VS; mCODE brian-l uses LA26406-1 Karyotyping).
const FISH = 'LA26404-6', KARYOTYPING = 'LA26406-1', PCR = 'LA26418-6', SEQUENCING = 'LA26398-0';

describe('labs', () => {
  test.each([
    // [LOINC, value, UCUM, expected lab] — LOINC codes from ALL_codes_consolidated.csv / MIMIC / NMDP
    ['6690-2', 52.3, '10*9/L', { test: 'wbc', value: 52.3, unit: '10*9/L' }],
    ['26464-8', 88.5, '10*3/uL', { test: 'wbc', value: 88.5, unit: '10*3/uL' }],
    ['751-8', 500, '{cells}/uL', { test: 'anc', value: 500, unit: '/uL' }],
    ['777-3', 20, '10*3/mm3', { test: 'platelets', value: 20, unit: '10*3/uL' }],
    ['718-7', 6.7, 'g/dl', { test: 'hemoglobin', value: 6.7, unit: 'g/dL' }],
    ['718-7', 95, 'g/L', { test: 'hemoglobin', value: 95, unit: 'g/L' }],
    ['11150-0', 88, '%', { test: 'blasts', specimen: 'marrow', value: 88, unit: '%' }],
    ['26446-5', 12, '%', { test: 'blasts', specimen: 'blood', value: 12, unit: '%' }],
    ['26447-3', 3, '%', { test: 'blasts', specimen: 'csf', value: 3, unit: '%' }],
    ['14631-6', 34.2, 'umol/L', { test: 'bilirubin', value: 34.2, unit: 'umol/L' }],
    ['1920-8', 40, '[IU]/L', { test: 'ast', value: 40, unit: 'U/L' }],
    ['2823-3', 4.1, 'meq/L', { test: 'potassium', value: 4.1, unit: 'mmol/L' }],
    ['3084-1', 594.8, 'umol/L', { test: 'uric-acid', value: 10, unit: 'mg/dL' }],
    ['8636-3', 0.47, 's', { test: 'qtc', value: 470, unit: 'ms' }],
  ] as const)('LOINC %s %s %s is %o', (loinc, value, ucum, lab) => {
    expect(ingest(quantity(loinc, value, ucum, '2026-03-01')).case.labs).toEqual([{ ...lab, date: '2026-03-01' }]);
  });

  test('a unit without a UCUM code ("K/ul") is a warning and the value is not used', () => {
    const r = ingest(quantity('6690-2', 31.9, undefined, '2026-03-01'));
    expect(r.case.labs).toBeUndefined();
    expect(r.report.warnings[0]?.why).toBe('unit "K/ul" has no UCUM code: value not used');
  });

  test('a UCUM unit of the wrong kind for the test (mg/dL for a WBC) is a warning and not used', () => {
    const r = ingest(quantity('6690-2', 5, 'mg/dL', '2026-03-01'));
    expect(r.case.labs).toBeUndefined();
    expect(r.report.warnings[0]?.why).toMatch(/not one allpath converts for wbc/);
  });

  test('a bound ("<5%") is not a value', () => {
    const below = quantity('11150-0', 5, '%', '2026-03-01');
    (below.valueQuantity as Record<string, unknown>).comparator = '<';
    const r = ingest(below);
    expect(r.case.labs).toBeUndefined();
    expect(r.report.warnings[0]?.why).toMatch(/a bound \(<5\)/);
  });

  test('a value without any date is not used, with a warning', () => {
    const r = ingest(quantity('6690-2', 5, '10*9/L', undefined));
    expect(r.case.labs).toBeUndefined();
    expect(r.report.warnings[0]?.why).toBe('wbc without a date: not used');
  });

  test('an observation entered in error is not a result', () => {
    const r = ingest(quantity('6690-2', 5, '10*9/L', '2026-03-01', { status: 'entered-in-error' }));
    expect(r.case.labs).toBeUndefined();
    expect(r.report.unmapped[0]?.why).toBe('no result (status entered-in-error)');
  });

  test('an unknown LOINC code is unmapped with its system|code', () => {
    expect(ingest(quantity('2951-2', 140, 'mmol/L', '2026-03-01')).report.unmapped[0]?.code).toBe(`${LOINC}|2951-2`);
  });
});

describe('vital signs, performance, CSF', () => {
  // LOINC 8310-5 body temperature (FHIR R4 vital signs profile); 89247-1 ECOG (mCODE examples)
  test('the latest body temperature on or before asOf becomes temperatureC and temperatureDate', () => {
    const r = ingest(quantity('8310-5', 37.1, 'Cel', '2026-02-27'), quantity('8310-5', 101.8, '[degF]', '2026-03-01T21:00:00Z'));
    expect(r.case.findings).toEqual({ temperatureC: 38.8, temperatureDate: '2026-03-01' });
  });

  test('ECOG 0-4 becomes performance.ecog, the latest one', () => {
    const ecog = (score: number, date: string) => ({ ...coded('89247-1', POSITIVE, date), valueCodeableConcept: undefined, valueInteger: score });
    expect(ingest(ecog(1, '2026-01-01'), ecog(2, '2026-02-01')).case.performance).toEqual({ ecog: 2 });
  });

  test('CSF white cells (LOINC 26465-5) become findings.cns.csfWbcPerUL', () => {
    expect(ingest(quantity('26465-5', 12, '/uL', '2026-03-01')).case.findings).toEqual({ cns: { csfWbcPerUL: 12 } });
  });
});

describe('immunophenotype', () => {
  // Marker LOINC codes: ALL_codes_consolidated.csv (MIMIC mapping): CD19 BM 32525-8, CD3 BM 32529-0, TdT BM 42620-5
  test('markers as coded positive/negative values, each its own observation', () => {
    const r = ingest(coded('32525-8', POSITIVE, '2026-02-27'), coded('32529-0', { system: SNOMED, code: '260385009' }, '2026-02-27'));
    expect(r.case.immunophenotype).toEqual({ date: '2026-02-27', markers: { CD19: 'positive', CD3: 'negative' } });
  });

  test('markers as components of an immunophenotyping panel (LOINC 101119-6)', () => {
    const panel = {
      ...coded('101119-6', POSITIVE, '2026-02-27'), valueCodeableConcept: undefined,
      component: [
        { code: concept(LOINC, '32525-8'), valueCodeableConcept: concept(LOINC, 'LA6576-8') },
        { code: concept(LOINC, '42620-5'), interpretation: [concept('http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', 'NEG')] },
      ],
    };
    expect(ingest(panel).case.immunophenotype?.markers).toEqual({ CD19: 'positive', TdT: 'negative' });
  });

  test('the latest result of a marker wins (a CD19-negative relapse after CD19-positive diagnosis)', () => {
    const r = ingest(coded('32525-8', POSITIVE, '2025-01-01'), coded('32525-8', NEGATIVE, '2026-02-27'));
    expect(r.case.immunophenotype).toEqual({ date: '2026-02-27', markers: { CD19: 'negative' } });
  });

  test('a marker percentage is not turned into positive or negative: that needs a cut-off', () => {
    const r = ingest(quantity('32525-8', 85, '%', '2026-02-27'));
    expect(r.case.immunophenotype).toBeUndefined();
    expect(r.report.unmapped[0]?.why).toMatch(/needs a cut-off/);
  });

  test('free text ("positive for CD10, CD19") is not parsed, and says so', () => {
    const text = { ...coded('101119-6', POSITIVE, '2024-01-07'), valueCodeableConcept: undefined, valueString: 'positive for CD10, CD79a, TdT, CD19' };
    const r = ingest(text);
    expect(r.case.immunophenotype).toBeUndefined();
    expect(r.report.unmapped[0]?.why).toMatch(/free text/);
  });
});

describe('genetics (mCODE GenomicVariant, LOINC 69548-6)', () => {
  test('BCR with ABL1 present by FISH is BCR::ABL1 detected by FISH', () => {
    expect(ingest(variant([BCR, ABL1], PRESENT, '2026-02-28', { method: FISH })).case.genetics)
      .toEqual([{ finding: 'BCR::ABL1', result: 'detected', method: 'FISH', date: '2026-02-28' }]);
  });

  test('BCR with ABL1 absent by PCR is BCR::ABL1 not detected by RT-PCR', () => {
    expect(ingest(variant([BCR, ABL1], ABSENT, '2026-02-28', { method: PCR })).case.genetics?.[0])
      .toMatchObject({ finding: 'BCR::ABL1', result: 'not-detected', method: 'RT-PCR' });
  });

  test('BCR with ABL1 seen on a karyotype is t(9;22)', () => {
    expect(ingest(variant([BCR, ABL1], PRESENT, '2026-02-28', { method: KARYOTYPING })).case.genetics?.[0])
      .toMatchObject({ finding: 't(9;22)', method: 'karyotype' });
  });

  test('KMT2A with a translocation is a KMT2A rearrangement; KMT2A alone says nothing of one', () => {
    expect(ingest(variant([KMT2A], PRESENT, '2026-02-28', { method: FISH, translocation: true })).case.genetics?.[0])
      .toMatchObject({ finding: 'KMT2A-rearrangement', result: 'detected' });
    const alone = ingest(variant([KMT2A], PRESENT, '2026-02-28', { method: SEQUENCING }));
    expect(alone.case.genetics).toBeUndefined();
    expect(alone.report.unmapped[0]?.why).toMatch(/not a genetic finding of the contract/);
  });

  test('MYC with a partner gene is a MYC rearrangement', () => {
    expect(ingest(variant([MYC, 'HGNC:5477'], PRESENT, '2026-02-28', { method: FISH })).case.genetics?.[0])
      .toMatchObject({ finding: 'MYC-rearrangement', result: 'detected' });
  });

  test('ABL1 p.Thr315Ile is ABL1-T315I', () => {
    expect(ingest(variant([ABL1], PRESENT, '2026-02-28', { aminoAcid: 'NP_005148.2:p.(Thr315Ile)' })).case.genetics?.[0])
      .toMatchObject({ finding: 'ABL1-T315I', result: 'detected' });
  });

  test('detected from the interpretation when the value is not coded', () => {
    const v = { ...variant([BCR, ABL1], PRESENT, '2026-02-28'), valueCodeableConcept: undefined, interpretation: [concept(SNOMED, '10828004')] };
    expect(ingest(v).case.genetics?.[0]).toMatchObject({ finding: 'BCR::ABL1', result: 'detected' });
  });

  test('"Sequencing" as the method is left out rather than guessed as NGS, with a note', () => {
    const r = ingest(variant([BCR, ABL1], PRESENT, '2026-02-28', { method: SEQUENCING }));
    expect(r.case.genetics?.[0]).not.toHaveProperty('method');
    expect(r.report.unmapped[0]?.why).toMatch(/method not mapped/);
  });

  test('ETV6::RUNX1 is not a finding of the contract: unmapped', () => {
    const r = ingest(variant([ETV6, RUNX1], PRESENT, '2024-01-08', { method: KARYOTYPING, translocation: true }));
    expect(r.case.genetics).toBeUndefined();
    expect(r.report.unmapped[0]?.why).toMatch(/HGNC:3495/);
  });

  test('a normal karyotype in ISCN (LOINC 33893-9, "46,XX[20]") is normal-karyotype detected', () => {
    const k = { ...coded('33893-9', POSITIVE, '2026-02-28'), valueCodeableConcept: { text: '46,XX[20]' } };
    expect(ingest(k).case.genetics).toEqual([{ finding: 'normal-karyotype', result: 'detected', method: 'karyotype', date: '2026-02-28' }]);
  });

  test('an abnormal karyotype string is not parsed', () => {
    const k = { ...coded('33893-9', POSITIVE, '2026-02-28'), valueCodeableConcept: { text: '46,XY,t(9;22)(q34;q11.2)[20]' } };
    expect(ingest(k).case.genetics).toBeUndefined();
  });
});
