// The HL7 mCODE STU4 examples (npm hl7.fhir.us.mcode@4.0.0, fetched by `npm test`'s pretest into
// node_modules/.cache): resources written by others, in profiles allpath did not design for.
// Every one must ingest without throwing; the example patients must come out as what they are.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestBundle, ingestResources, isFhirBundle } from '../../src/fhir/ingest.js';
import { evaluate } from '../../src/index.js';

const DIR = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'hl7.fhir.us.mcode', 'package', 'example');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;
const EXAMPLES = FILES.map((file) => ({ file, resource: read(file) }));
const AS_OF = '2025-01-01';

/** The patient a resource is about (subject, or patient for FamilyMemberHistory). */
function patientOf(r: Record<string, unknown>): string | undefined {
  const ref = (r.subject ?? r.patient) as { reference?: unknown } | undefined;
  return typeof ref?.reference === 'string' ? ref.reference : undefined;
}

/** A patient's Patient resource and every example resource that references it. */
function resourcesOf(patientId: string): Record<string, unknown>[] {
  return EXAMPLES.map((e) => e.resource).filter((r) =>
    (r.resourceType === 'Patient' && r.id === patientId) || patientOf(r) === `Patient/${patientId}`);
}

function evaluatePatient(patientId: string) {
  const r = ingestResources(resourcesOf(patientId), { asOf: AS_OF });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return { ingest: r, evaluation: evaluate(r.case) };
}

describe('mCODE examples', () => {
  test('the package holds the 179 example files the test was written against', () => {
    expect(FILES).toHaveLength(179);
  });

  test.each(EXAMPLES.map((e) => [e.file, e.resource] as const))('%s ingests without throwing; a failure names its paths', (_file, resource) => {
    const r = isFhirBundle(resource) ? ingestBundle(resource, { asOf: AS_OF }) : ingestResources([resource], { asOf: AS_OF });
    if (r.ok) {
      expect(r.report.resources).toBeGreaterThan(0);
    } else {
      expect(r.issues.length).toBeGreaterThan(0);
      for (const i of r.issues) {
        expect(i.path).toMatch(/^\S+/);
        expect(i.message.startsWith(`${i.path}: `)).toBe(true);
      }
    }
  });

  test('a single resource without its Patient is refused with the path Patient.birthDate', () => {
    const r = ingestResources([read('Observation-white-blood-cell-brian-l.json')], { asOf: AS_OF });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['Patient.birthDate']);
  });

  test('every example patient ingests, and every resource either contributed or says why not', () => {
    const patients = EXAMPLES.filter((e) => e.resource.resourceType === 'Patient').map((e) => String(e.resource.id));
    expect(patients.length).toBeGreaterThanOrEqual(7);
    for (const id of patients) {
      const { ingest } = evaluatePatient(id);
      const { report } = ingest;
      const explained = new Set([...report.unmapped, ...report.warnings].map((n) => n.resource));
      const silent = resourcesOf(id)
        .map((r) => `${String(r.resourceType)}/${String(r.id)}`)
        .filter((key) => !explained.has(key) && key !== `Patient/${id}`);
      // A resource with no note must be one that contributed (counted in `mapped`, like the Patient).
      expect(silent.length).toBeLessThanOrEqual(report.mapped - 1);
      expect(report.resources).toBe(resourcesOf(id).length);
    }
  });

  test('the two Bundles (Jenny M, Adam Anyperson genomics) ingest as one patient each', () => {
    for (const file of ['Bundle-mcode-patient-bundle-jenny-m.json', 'Bundle-gx-genomic-bundle-adam-anyperson.json']) {
      const r = ingestBundle(read(file), { asOf: AS_OF });
      expect(r.ok).toBe(true);
    }
  });
});

describe('mCODE example patients evaluate as what they are', () => {
  // pdq-adult-all-treatment-hp: "Precursor B-cell ALL cells typically express CD10, CD19, and CD34"
  // Brian L: Condition SNOMED 277571004 B-cell ALL, born 2021 (ALL_codes_consolidated.csv cites this example).
  test('Brian L (pediatric B-ALL) is ALL of B lineage, and is sent to pediatric guidance', () => {
    const { evaluation } = evaluatePatient('cancer-patient-brian-l');
    expect(evaluation.diagnosis.leukemia).toBe('ALL');
    expect(evaluation.diagnosis.lineage).toBe('B');
    expect(evaluation.alerts.map((a) => a.action)).toContain('pediatric-guidance');
  });

  test("Brian L's induction agents are read from his RxNorm-coded orders and administrations", () => {
    const { ingest } = evaluatePatient('cancer-patient-brian-l');
    if (!ingest.ok) throw new Error('not ingested');
    expect(ingest.case.treatments?.[0]?.agents).toEqual(['vincristine', 'prednisone', 'idarubicin', 'cyclophosphamide']);
    expect(ingest.case.patient.birthDate).toBe('2021-01-01');
  });

  test("Brian L's atrial septal defect is listed as unmapped: not a cancer diagnosis", () => {
    const { ingest } = evaluatePatient('cancer-patient-brian-l');
    if (!ingest.ok) throw new Error('not ingested');
    const asd = ingest.report.unmapped.find((n) => n.resource === 'Condition/us-core-condition-atrial-septal-defect-brian-l');
    expect(asd?.code).toBe('http://snomed.info/sct|301130004');
    expect(asd?.why).toMatch(/^not a cancer diagnosis/);
  });

  // pdq-adult-all-treatment-hp: "Proper diagnosis is crucial because of the difference in prognosis"
  test.each([
    ['cancer-patient-jenny-m', 'breast cancer (mCODE primary cancer condition, SNOMED 353431000119107)'],
    ['cancer-patient-eve-anyperson', 'breast cancer (SNOMED 363346000 malignant neoplastic disease)'],
    ['cancer-patient-adam-everyman', 'chronic lymphocytic leukemia (SNOMED 92814006)'],
  ])('%s, with %s, is not ALL and is offered no ALL therapy', (id) => {
    const { evaluation } = evaluatePatient(id);
    expect(evaluation.diagnosis.leukemia).toBe('not-ALL');
    expect(evaluation.recommendations.filter((r) => r.category === 'therapy')).toEqual([]);
  });

  test('the CLL patient is recorded as other-leukemia, not as ALL', () => {
    const { ingest } = evaluatePatient('cancer-patient-adam-everyman');
    if (!ingest.ok) throw new Error('not ingested');
    expect(ingest.case.conditions?.map((c) => c.diagnosis)).toContain('other-leukemia');
    expect(ingest.case.conditions?.map((c) => c.diagnosis)).not.toContain('ALL');
  });

  test('all example resources together are refused: they are about seven patients, not one', () => {
    const r = ingestResources(EXAMPLES.map((e) => e.resource), { asOf: AS_OF });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['Patient']);
  });
});
