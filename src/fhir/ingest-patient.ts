/**
 * Patient → `patient`: the birth date (the case's age is computed from it at asOf) and the sex
 * from administrative gender. A case needs one patient with a full birth date; anything else is
 * an issue, named by its path, and no case is made.
 */
import { describeFound, isCalendarDate, type Case, type Issue } from '../contract/index.js';
import type { Entry } from './ingest-context.js';
import { Patient } from './resources.js';

const SEXES: Readonly<Record<string, Case['patient']['sex']>> = {
  female: 'female', male: 'male', other: 'other', unknown: 'unknown',
};

function issue(path: string, expected: string, found: string): Issue {
  return { code: 'invalid_value', path, expected, found, message: `${path}: expected ${expected}, found ${found}` };
}

export type PatientResult =
  | { readonly ok: true; readonly entry: Entry; readonly patient: Case['patient'] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** The one Patient of the resources, read into the contract's `patient`. */
export function readPatient(entries: readonly Entry[], asOf: string): PatientResult {
  const patients = entries.filter((e) => e.type === 'Patient');
  if (patients.length === 0) return { ok: false, issues: [issue('Patient.birthDate', 'a birth date', 'nothing (no Patient resource)')] };
  if (patients.length > 1) {
    const named = patients.slice(0, 3).map((p) => (p.key.length > 40 ? `${p.key.slice(0, 37)}...` : p.key));
    return { ok: false, issues: [issue('Patient', 'one Patient resource', `${patients.length} (${named.join(', ')}${patients.length > 3 ? ', …' : ''})`)] };
  }
  const [entry] = patients;
  if (entry === undefined) return { ok: false, issues: [] };
  const parsed = Patient.safeParse(entry.resource);
  if (!parsed.success) return { ok: false, issues: [issue('Patient', 'a FHIR R4 Patient', 'a malformed resource')] };
  const { birthDate, gender } = parsed.data;
  if (birthDate === undefined) return { ok: false, issues: [issue('Patient.birthDate', 'a birth date', 'nothing')] };
  if (!isCalendarDate(birthDate)) return { ok: false, issues: [issue('Patient.birthDate', 'a full birth date YYYY-MM-DD', describeFound(birthDate))] };
  if (birthDate > asOf) return { ok: false, issues: [issue('Patient.birthDate', `a date on or before asOf ${asOf}`, JSON.stringify(birthDate))] };
  return { ok: true, entry, patient: { birthDate, sex: SEXES[gender ?? 'unknown'] ?? 'unknown' } };
}
