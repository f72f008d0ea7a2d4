/**
 * Contract Case → FHIR R4 (mCODE) Bundle: the inverse of FHIR ingest, for synthetic data
 * (benchmarks, fuzzing seeds, CDS Hooks prefetch). Every code written comes from the terminology
 * tables ingest reads (write-codes.ts), so ingesting the Bundle gives back what FHIR can carry.
 * Deterministic: ids come from the case id and a counter per kind; nothing reads the clock.
 *
 * Written: the Patient (its birth date, or one consistent with `ageYears` on asOf: half a year
 * past the last birthday), `conditions[]` as Conditions, labs and marrow blasts, coded markers,
 * genetics (write-genetics.ts), temperature, CSF white cells, ECOG, and the agents of each
 * course as medication resources with Procedures where a code exists (write-treatments.ts).
 *
 * Not written, because ingest cannot read it back (README "Limits"), and so lost on a round trip:
 * - `mrd[]` (no citable MRD code) and `transplant.donor`;
 * - `allogeneic-hsct` courses as procedures (no allogeneic code; their agents are written);
 * - treatment `kind` and `outcome`: ingest rebuilds courses from the agents' dates and mix and
 *   never infers an outcome; a course without a writable agent or procedure code is lost;
 * - agents teniposide and sargramostim (no code and no name ingest knows);
 * - markers MPO, cCD3, cCD79a, sIg (no LOINC code in the tables);
 * - marrow `fab`, `cellularity`, `vacuolatedBlasts`, `starrySky`;
 * - genetics del(7), trisomy-8, hypodiploidy, complex-karyotype, a normal karyotype of a patient
 *   whose sex is other or unknown, translocations not detected, a result's `detail`, methods NGS
 *   and PFGE;
 * - findings `symptoms`, `extramedullary`, `cns.csfBlasts`, `cns.cranialNervePalsy`;
 * - `comorbidities`, `preferences`, `diagnosisDate` (ingest dates the diagnosis by the onset of
 *   an ALL condition, written only when the case records one), `ageYears` beyond whole years.
 */
import type { Case, ConditionStatus } from '../contract/index.js';
import { diagnosisOf } from '../terminology/index.js';
import { DIAGNOSIS, type Code } from './write-codes.js';
import { writeGenetics } from './write-genetics.js';
import { writeObservations } from './write-observations.js';
import { FHIR_BASE, Writer, concept, fhirIdOf, fullUrlOf, type FhirBundle, type FhirResource } from './write-resource.js';
import { writeTreatments } from './write-treatments.js';

export { FHIR_BASE, fhirIdOf, type FhirBundle, type FhirBundleEntry, type FhirResource } from './write-resource.js';

const MCODE_PRIMARY_CANCER = 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

/** A birth date that makes the patient `ageYears` (whole years) on asOf: asOf, that many years and half a year earlier. */
export function birthDateFor(ageYears: number, asOf: string): string {
  const [y, m, d] = asOf.split('-').map(Number);
  const t = new Date(Date.UTC((y ?? 0) - Math.floor(ageYears), (m ?? 1) - 1, (d ?? 1) - 183));
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

function patient(c: Case, w: Writer): FhirResource {
  const birthDate = c.patient.birthDate ?? birthDateFor(c.patient.ageYears ?? 0, c.asOf);
  return { resourceType: 'Patient', id: w.base, gender: c.patient.sex, birthDate };
}

type RecordedCondition = NonNullable<Case['conditions']>[number];

/**
 * The recorded code when ingest reads it back as the same diagnosis and status, naming no site
 * or one the case's findings hold (C83.52: lymph nodes); else the table's code for the diagnosis
 * (write-codes.ts), so that no finding is added.
 */
function conditionCode(x: RecordedCondition, sites: readonly string[]): Code {
  const at = x.code?.indexOf('|') ?? -1;
  if (x.code !== undefined && at > 0) {
    const system = x.code.slice(0, at);
    const code = x.code.slice(at + 1);
    const found = diagnosisOf(system, code);
    if (found.kind === 'mapped' && found.diagnosis === x.diagnosis && (found.site === undefined || sites.includes(found.site))
      && (found.status === undefined || found.status === x.clinicalStatus)) return { system, code };
  }
  return DIAGNOSIS[x.diagnosis];
}

function condition(x: RecordedCondition, sites: readonly string[], w: Writer): FhirResource {
  const status: ConditionStatus | undefined = x.clinicalStatus;
  return {
    resourceType: 'Condition', id: w.id('condition'), meta: { profile: [MCODE_PRIMARY_CANCER] },
    ...(status === undefined ? {} : { clinicalStatus: { coding: [{ system: CLINICAL, code: status }] } }),
    verificationStatus: { coding: [{ system: VERIFICATION, code: 'confirmed' }] },
    code: concept(conditionCode(x, sites)), subject: w.subject,
    ...(x.onset === undefined ? {} : { onsetDateTime: x.onset }),
  };
}

/** The case as a FHIR R4 `collection` Bundle (see the module comment for what is left out). */
export function caseToBundle(c: Case): FhirBundle {
  const w = new Writer(fhirIdOf(c.id), c.asOf);
  const resources = [
    patient(c, w),
    ...(c.conditions ?? []).map((x) => condition(x, c.findings?.extramedullary ?? [], w)),
    ...writeObservations(c, w),
    ...writeGenetics(c, w),
    ...writeTreatments(c.treatments ?? [], w),
  ];
  return { resourceType: 'Bundle', id: w.base, type: 'collection', entry: resources.map((resource) => ({ fullUrl: fullUrlOf(resource), resource })) };
}

/** The CDS Hooks prefetch keys allpath's services ask for (src/server/prefetch.ts), with the resource type each searches. */
export const PREFETCH_TYPES = {
  conditions: 'Condition',
  observations: 'Observation',
  medicationRequests: 'MedicationRequest',
  medicationAdministrations: 'MedicationAdministration',
  medicationStatements: 'MedicationStatement',
  procedures: 'Procedure',
} as const;

function subjectOf(r: FhirResource): string | undefined {
  const s = r['subject'];
  return typeof s === 'object' && s !== null && 'reference' in s && typeof s.reference === 'string' ? s.reference : undefined;
}

/**
 * The prefetch a CDS client would send for `patientId` from this Bundle: `patient` is the Patient
 * resource (null when the Bundle has none with that id, as the spec has a client send a read that
 * found nothing), every other key a `searchset` Bundle of that type's resources about the patient.
 * `patientId` is the Patient's FHIR id: `fhirIdOf(case.id)`, the case id itself for demo cases.
 * The services read a prefetch for today: a cohort written for a later asOf has its later data
 * left out by ingest, so write the cohort for the day the requests are sent.
 */
export function prefetchFor(bundle: FhirBundle, patientId: string): Record<string, unknown> {
  const resources = bundle.entry.map((e) => e.resource);
  const about = (r: FhirResource) => subjectOf(r) === `Patient/${patientId}` || subjectOf(r) === `${FHIR_BASE}/Patient/${patientId}`;
  const searchset = (type: string): FhirBundle => {
    const entry = resources.filter((r) => r.resourceType === type && about(r)).map((resource) => ({ fullUrl: fullUrlOf(resource), resource, search: { mode: 'match' as const } }));
    return { resourceType: 'Bundle', type: 'searchset', total: entry.length, link: [{ relation: 'self', url: `${FHIR_BASE}/${type}?patient=${patientId}` }], entry };
  };
  const patientResource = resources.find((r) => r.resourceType === 'Patient' && r.id === patientId) ?? null;
  return {
    patient: patientResource,
    ...Object.fromEntries(Object.entries(PREFETCH_TYPES).map(([key, type]) => [key, searchset(type)])),
  };
}
