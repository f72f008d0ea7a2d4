// Bundles and loose resources in, a contract Case out: the patient, the bundle's shape, the
// report's counts, and the FHIR R4 specification's own lab examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluateFhir } from '../../src/fhir/evaluate-fhir.js';
import { ingestBundle, ingestResources, isFhirBundle, type IngestResult } from '../../src/fhir/ingest.js';
import { parseCase } from '../../src/index.js';
import { AS_OF, PATIENT_ID, bundle, condition, ICD10CM, patient, quantity } from '../fixtures/fhir/build.js';

const SPEC = join(import.meta.dirname, '..', '..', '..', 'shared', 'fhir-examples', 'fhir-r4-spec-examples');
const spec = (file: string): unknown => JSON.parse(readFileSync(join(SPEC, file), 'utf8'));

function ok(r: IngestResult) {
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r;
}
const paths = (r: IngestResult) => (r.ok ? [] : r.issues.map((i) => i.path));

describe('the patient', () => {
  test('birthDate and gender become patient.birthDate and sex; the age follows from asOf', () => {
    const r = ok(ingestBundle(bundle(patient('1980-06-15', 'male')), { asOf: AS_OF }));
    expect(r.case.patient).toEqual({ birthDate: '1980-06-15', sex: 'male' });
  });

  test('no Patient is refused with the path Patient.birthDate', () => {
    const r = ingestBundle(bundle(quantity('6690-2', 5, '10*9/L', '2026-03-01')), { asOf: AS_OF });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.issues[0]?.message).toBe('Patient.birthDate: expected a birth date, found nothing (no Patient resource)');
  });

  test('a Patient without a birthDate is refused: Patient.birthDate, found nothing', () => {
    const r = ingestBundle(bundle(patient(null)), { asOf: AS_OF });
    expect(r.ok ? '' : r.issues[0]?.message).toBe('Patient.birthDate: expected a birth date, found nothing');
  });

  test('a partial birthDate (year only) is refused rather than guessed', () => {
    expect(paths(ingestBundle(bundle(patient('1980')), { asOf: AS_OF }))).toEqual(['Patient.birthDate']);
  });

  test('an unknown gender is sex unknown, not dropped', () => {
    expect(ok(ingestBundle(bundle(patient('1980-01-01', 'not-a-gender')), { asOf: AS_OF })).case.patient.sex).toBe('unknown');
  });

  test('two different Patients are refused: a case is about one patient', () => {
    const other = { ...patient(), id: 'p2' };
    expect(paths(ingestResources([patient(), other], { asOf: AS_OF }))).toEqual(['Patient']);
  });
});

describe('inputs', () => {
  test('isFhirBundle is true only for resourceType Bundle', () => {
    expect(isFhirBundle(bundle())).toBe(true);
    expect(isFhirBundle(patient())).toBe(false);
    expect(isFhirBundle({ id: 'case-1', asOf: AS_OF })).toBe(false);
    expect(isFhirBundle(null)).toBe(false);
  });

  test('ingestBundle refuses a non-Bundle with the path resourceType', () => {
    expect(paths(ingestBundle(patient(), { asOf: AS_OF }))).toEqual(['resourceType']);
  });

  test('an asOf that is not a calendar date is an issue at asOf', () => {
    expect(paths(ingestBundle(bundle(patient()), { asOf: '2026-02-30' }))).toEqual(['asOf']);
  });

  test('ingestResources takes loose resources and Bundles mixed (a CDS Hooks prefetch)', () => {
    const r = ok(ingestResources([patient(), bundle(quantity('6690-2', 5, '10*9/L', '2026-03-01')), null], { asOf: AS_OF }));
    expect(r.case.labs).toEqual([{ test: 'wbc', value: 5, unit: '10*9/L', date: '2026-03-01' }]);
    expect(r.report.resources).toBe(2);
  });

  test('the same resource given twice counts once', () => {
    const wbc = quantity('6690-2', 5, '10*9/L', '2026-03-01');
    const r = ok(ingestResources([patient(), wbc, wbc], { asOf: AS_OF }));
    expect(r.case.labs).toHaveLength(1);
    expect(r.report.resources).toBe(2);
  });

  test('caseId names the case; without it the Bundle id does', () => {
    expect(ok(ingestBundle(bundle(patient()), { asOf: AS_OF, caseId: 'case-9' })).case.id).toBe('case-9');
    expect(ok(ingestBundle(bundle(patient()), { asOf: AS_OF })).case.id).toBe('Bundle/b1');
    expect(ok(ingestResources([patient()], { asOf: AS_OF })).case.id).toBe(`Patient/${PATIENT_ID}`);
  });

  test('a thing without a resourceType is noted, not thrown on', () => {
    const r = ok(ingestResources([patient(), { foo: 1 }], { asOf: AS_OF }));
    expect(r.report.unmapped).toContainEqual({ resource: '[1]', why: 'not a FHIR resource (no resourceType)' });
  });

  test('a resource of the right type but the wrong shape is reported with the path of the problem', () => {
    const broken = { resourceType: 'Observation', id: 'bad', code: 'not-a-concept' };
    const r = ok(ingestResources([patient(), broken], { asOf: AS_OF }));
    expect(r.report.unmapped.find((n) => n.resource === 'Observation/bad')?.why).toMatch(/^not a valid FHIR R4 Observation: code: expected an object/);
  });

  test('unknown elements are never a reason to reject: they pass through', () => {
    const wbc = { ...quantity('6690-2', 5, '10*9/L', '2026-03-01'), extension: [{ url: 'x', valueString: 'y' }], madeUp: true };
    expect(ok(ingestResources([patient(), wbc], { asOf: AS_OF })).case.labs).toHaveLength(1);
  });
});

describe('the report', () => {
  test('counts the resources and those that contributed; the rest say why', () => {
    const r = ok(ingestBundle(bundle(
      patient(), quantity('6690-2', 5, '10*9/L', '2026-03-01'), quantity('20570-8', 30, '%', '2026-03-01'),
      { resourceType: 'Practitioner', id: 'doc' },
    ), { asOf: AS_OF }));
    expect(r.report).toMatchObject({ source: 'fhir-bundle', resources: 4, mapped: 2 });
    expect(r.report.unmapped.map((n) => n.resource).sort()).toEqual([expect.stringMatching(/^Observation\//), 'Practitioner/doc']);
  });

  test('a resource about another patient is not used, and says so', () => {
    const other = { ...quantity('6690-2', 5, '10*9/L', '2026-03-01'), subject: { reference: 'Patient/someone-else' } };
    const r = ok(ingestResources([patient(), other], { asOf: AS_OF }));
    expect(r.case.labs).toBeUndefined();
    expect(r.report.unmapped[0]?.why).toBe('about another patient (Patient/someone-else)');
  });

  test('anything dated after asOf is left out with a warning "after asOf"', () => {
    const r = ok(ingestBundle(bundle(patient(), quantity('6690-2', 5, '10*9/L', '2026-03-05')), { asOf: AS_OF }));
    expect(r.case.labs).toBeUndefined();
    expect(r.report.warnings[0]?.why).toMatch(/after asOf 2026-03-02/);
  });

  test('the case ingested always passes parseCase', () => {
    const r = ok(ingestBundle(bundle(patient(), condition(ICD10CM, 'C91.00', 'active'), quantity('6690-2', 5, '10*9/L', '2026-03-01')), { asOf: AS_OF }));
    expect(parseCase(r.case).ok).toBe(true);
  });

  test('evaluateFhir attaches the ingest report to the evaluation', () => {
    const r = evaluateFhir(bundle(patient(), condition(ICD10CM, 'C91.00', 'active')), { asOf: AS_OF, caseId: 'c1' });
    if (!r.ok) throw new Error('not evaluated');
    expect(r.evaluation.caseId).toBe('c1');
    expect(r.evaluation.diagnosis.leukemia).toBe('ALL');
    expect(r.evaluation.ingest).toMatchObject({ source: 'fhir-bundle', resources: 2, mapped: 2 });
  });

  test('evaluateFhir passes on the issues of a bundle it cannot ingest', () => {
    const r = evaluateFhir(bundle(), { asOf: AS_OF });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['Patient.birthDate']);
  });
});

describe('FHIR R4 specification examples', () => {
  // Bundle-101.json: a full blood count in SI units; the Observations carry no date of their own,
  // so the DiagnosticReport's effectiveDateTime (2011-03-04) dates them. It has no Patient: the
  // test adds the patient its subject references (Patient/pat2).
  const pat2 = { resourceType: 'Patient', id: 'pat2', birthDate: '1970-01-01', gender: 'male' };

  test('Bundle-101 alone has no Patient and is refused with Patient.birthDate', () => {
    expect(paths(ingestBundle(spec('Bundle-101.json'), { asOf: '2011-03-10' }))).toEqual(['Patient.birthDate']);
  });

  test('Bundle-101 maps its counts in SI units, dated by their report', () => {
    const r = ok(ingestResources([spec('Bundle-101.json'), pat2], { asOf: '2011-03-10' }));
    expect(r.case.labs).toEqual([
      { test: 'hemoglobin', value: 176, unit: 'g/L', date: '2011-03-04' },
      { test: 'platelets', value: 444, unit: '10*9/L', date: '2011-03-04' },
      { test: 'wbc', value: 4.6, unit: '10*9/L', date: '2011-03-04' },
      { test: 'anc', value: 0.9, unit: '10*9/L', date: '2011-03-04' },
    ]);
    expect(r.report.warnings).toEqual([]);
    expect(r.report.unmapped.find((n) => n.resource === 'Observation/r8')?.why).toMatch(/takes the absolute count/);
  });

  test('Bundle-report\'s WBC in "K/ul" without a UCUM code is a warning, not a value', () => {
    const genetics1 = { resourceType: 'Patient', id: 'genetics-example1', birthDate: '1970-01-01', gender: 'female' };
    const r = ok(ingestResources([spec('Bundle-report.json'), genetics1], { asOf: '2015-02-01' }));
    expect(r.case.labs ?? []).not.toContainEqual(expect.objectContaining({ test: 'wbc' }));
    expect(r.report.warnings).toContainEqual({ resource: 'Observation/o1', why: 'unit "K/ul" has no UCUM code: value not used' });
  });
});
