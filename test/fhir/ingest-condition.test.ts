// Condition → conditions[]: the diagnosis family from SNOMED CT or ICD-10-CM, the onset, the
// clinical status (the code's own remission/relapse wins), and what is not a recorded diagnosis.
import { describe, expect, test } from 'vitest';
import { ingestResources } from '../../src/fhir/ingest.js';
import { AS_OF, ICD10CM, LOINC, SNOMED, bundle, coded, condition, patient } from '../fixtures/fhir/build.js';

function ingest(...resources: Record<string, unknown>[]) {
  const r = ingestResources([patient(), ...resources], { asOf: AS_OF });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r;
}
const conditionsOf = (...resources: Record<string, unknown>[]) => ingest(...resources).case.conditions ?? [];

describe('diagnosis families', () => {
  test.each([
    // mcode_icd10cm_lymphoid_leukemia_subset.csv (mCODE primary malignant neoplasm VS)
    [ICD10CM, 'C91.00', 'ALL'],
    [ICD10CM, 'C83.50', 'lymphoblastic-lymphoma'],
    [ICD10CM, 'C91.A0', 'mature-B-ALL'],
    [ICD10CM, 'C91.10', 'other-leukemia'],
    [ICD10CM, 'C92.00', 'other-leukemia'],
    [ICD10CM, 'C50.911', 'other-cancer'],
    [ICD10CM, 'D46.9', 'other-cancer'],
    // ALL_codes_consolidated.csv (PEDSnet, mCODE examples)
    [SNOMED, '91857003', 'ALL'],
    [SNOMED, '277571004', 'B-ALL'],
    [SNOMED, '277575008', 'T-ALL'],
    [SNOMED, '421246008', 'lymphoblastic-lymphoma'],
    [SNOMED, '92814006', 'other-leukemia'],
  ] as const)('%s|%s is %s', (system, code, diagnosis) => {
    expect(conditionsOf(condition(system, code, 'active'))[0]).toMatchObject({ diagnosis, code: `${system}|${code}` });
  });

  test('an unknown SNOMED code under an mCODE cancer-condition profile is other-cancer', () => {
    const breast = condition(SNOMED, '353431000119107', 'active', '2020-01-01', {
      meta: { profile: ['http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition'] },
    });
    expect(conditionsOf(breast)[0]?.diagnosis).toBe('other-cancer');
  });

  test('a non-cancer condition is unmapped: "not a cancer diagnosis"', () => {
    const asd = condition(SNOMED, '301130004', 'resolved');
    const r = ingest(asd);
    expect(r.case.conditions).toBeUndefined();
    expect(r.report.unmapped[0]).toMatchObject({ code: `${SNOMED}|301130004`, why: expect.stringMatching(/^not a cancer diagnosis/) });
  });

  test('a lymphoid leukemia of unspecified type (C91.90) could be ALL: unmapped, not called other-leukemia', () => {
    const r = ingest(condition(ICD10CM, 'C91.90', 'active'));
    expect(r.case.conditions).toBeUndefined();
    expect(r.report.unmapped[0]?.why).toMatch(/could be ALL/);
  });

  test('a refuted or provisional diagnosis is not a recorded diagnosis', () => {
    const refuted = condition(ICD10CM, 'C91.00', 'active', '2026-02-20', {
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'refuted' }] },
    });
    const r = ingest(refuted);
    expect(r.case.conditions).toBeUndefined();
    expect(r.report.unmapped[0]?.why).toBe('not a confirmed diagnosis (verificationStatus refuted)');
  });
});

describe('status, onset, diagnosis date', () => {
  test('ICD-10-CM C91.01 is in remission and C91.02 in relapse, whatever clinicalStatus says', () => {
    expect(conditionsOf(condition(ICD10CM, 'C91.01', 'active'))[0]?.clinicalStatus).toBe('remission');
    expect(conditionsOf(condition(ICD10CM, 'C91.02'))[0]?.clinicalStatus).toBe('relapse');
  });

  test('a clinicalStatus the code contradicts is warned about', () => {
    const r = ingest(condition(ICD10CM, 'C91.01', 'active'));
    expect(r.report.warnings[0]?.why).toMatch(/differs from the code's "remission"/);
  });

  test('clinicalStatus is taken as FHIR writes it when the code says nothing of it', () => {
    expect(conditionsOf(condition(ICD10CM, 'C91.00', 'recurrence'))[0]?.clinicalStatus).toBe('recurrence');
  });

  test('onset is the date part of onsetDateTime, and the earliest ALL onset is the diagnosis date', () => {
    const r = ingest(
      condition(ICD10CM, 'C91.00', 'active', '2025-11-03T10:00:00+01:00'),
      condition(SNOMED, '277571004', 'active', '2025-11-01'),
      condition(ICD10CM, 'C50.911', 'active', '2019-01-01'),
    );
    expect(r.case.conditions?.[0]?.onset).toBe('2025-11-03');
    expect(r.case.diagnosisDate).toBe('2025-11-01');
  });

  test('a condition with its onset after asOf is left out with a warning', () => {
    const r = ingest(condition(ICD10CM, 'C91.00', 'active', '2026-04-01'));
    expect(r.case.conditions).toBeUndefined();
    expect(r.report.warnings[0]?.why).toMatch(/after asOf/);
  });
});

describe('sites named by the code', () => {
  // C83.52: "Lymphoblastic (diffuse) lymphoma, intrathoracic lymph nodes" (mCODE VS)
  test('an active C83.52 lymphoblastic lymphoma puts the lymph nodes among the extramedullary sites', () => {
    expect(ingest(condition(ICD10CM, 'C83.52', 'active')).case.findings?.extramedullary).toEqual(['lymph-nodes']);
  });

  test('the same code resolved says nothing of the patient today', () => {
    expect(ingest(condition(ICD10CM, 'C83.52', 'resolved')).case.findings).toBeUndefined();
  });

  // SNOMED 61301000119102: CNS disorder due to ALL (ALL_codes_consolidated.csv, PEDSnet)
  test('an active CNS disorder due to ALL is ALL with CNS involvement', () => {
    const r = ingest(condition(SNOMED, '61301000119102', 'active'));
    expect(r.case.conditions?.[0]?.diagnosis).toBe('ALL');
    expect(r.case.findings?.extramedullary).toEqual(['cns']);
  });
});

describe('mCODE CancerDiseaseStatus', () => {
  // mCODE mcode-condition-status-trend-max-vs: 550991000124107 Malignant neoplasm in full remission
  const status = (code: string, date: string, more: Record<string, unknown> = {}) =>
    coded('97509-4', { system: SNOMED, code }, date, more);

  test('full remission records an active ALL condition in remission', () => {
    const all = condition(ICD10CM, 'C91.00', 'active', '2025-06-01');
    expect(ingest(all, status('550991000124107', '2026-01-10')).case.conditions?.[0]?.clinicalStatus).toBe('remission');
  });

  test('only the latest status counts: a later "worsened" leaves the condition as recorded', () => {
    const all = condition(ICD10CM, 'C91.00', 'active', '2025-06-01');
    const r = ingest(all, status('550991000124107', '2026-01-10'), status('271299001', '2026-02-20'));
    expect(r.case.conditions?.[0]?.clinicalStatus).toBe('active');
  });

  test('a trend ("improved") has no contract equivalent and is unmapped', () => {
    const r = ingest(condition(ICD10CM, 'C91.00', 'active'), status('268910001', '2026-02-25'));
    expect(r.report.unmapped[0]).toMatchObject({ code: `${SNOMED}|268910001` });
  });

  test('remission with no ALL condition to apply to is unmapped, not invented as a diagnosis', () => {
    const r = ingest(status('550991000124107', '2026-01-10'));
    expect(r.case.conditions).toBeUndefined();
    expect(r.report.unmapped[0]?.why).toMatch(/no ALL condition/);
  });

  test('it is read only for the case it is about: a Bundle of another patient is not', () => {
    const other = { ...status('550991000124107', '2026-01-10'), subject: { reference: 'Patient/x' } };
    const r = ingestResources([bundle(patient(), condition(ICD10CM, 'C91.00', 'active'), other)], { asOf: AS_OF });
    expect(r.ok && r.case.conditions?.[0]?.clinicalStatus).toBe('active');
  });

  test('the LOINC code of the observation is what makes it a disease status', () => {
    const notStatus = coded('12345-6', { system: SNOMED, code: '550991000124107' }, '2026-01-10');
    expect(ingest(condition(ICD10CM, 'C91.00', 'active'), notStatus).report.unmapped[0]?.code).toBe(`${LOINC}|12345-6`);
  });
});
