/**
 * FHIR R4 (mCODE) → contract Case. Bundles and loose resources (CDS Hooks prefetch) are
 * flattened, the one Patient is found, each resource is read by the mapper for its type, and the
 * draft becomes a Case that must pass parseCase. The report counts the resources, those that
 * contributed, and says of every other resource, code, unit or date why it was not used.
 *
 * Mapping choices beyond the per-type mappers:
 * - diagnosisDate is the earliest onset of an ALL condition (ALL, B-ALL, T-ALL, mature-B-ALL).
 * - Markers: the latest result per marker; the immunophenotype is dated by its latest marker.
 * - Temperature, ECOG and CSF white cells: the latest on or before asOf.
 * - mCODE CancerDiseaseStatus: the latest status decides; when it says full remission, the ALL
 *   conditions it is about (Observation.focus, else every ALL condition) whose clinical status is
 *   active or absent are recorded in remission. The knowledge reads a recorded status only when
 *   the case holds no treatment.
 */
import {
  describeFound, isCalendarDate, parseCase, type Case, type GeneticTestResult, type IngestNote, type IngestReport, type Issue,
} from '../contract/index.js';
import { ALL_FAMILY } from '../terminology/index.js';
import { Context, type DatedValue, type Entry } from './ingest-context.js';
import { ingestCondition } from './ingest-condition.js';
import { ingestMedication } from './ingest-medication.js';
import { ingestObservation } from './ingest-observation.js';
import { readPatient } from './ingest-patient.js';
import { ingestProcedure } from './ingest-procedure.js';
import { leaveOut, refusedResources, type CaseSource } from './ingest-refusals.js';
import { buildTreatments } from './ingest-treatments.js';
import { Bundle, DiagnosticReport } from './resources.js';

export type IngestResult =
  | { readonly ok: true; readonly case: Case; readonly report: IngestReport }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export interface IngestOptions {
  readonly asOf: string;
  readonly caseId?: string;
}

function isObject(x: unknown): x is Readonly<Record<string, unknown>> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** `resourceType === 'Bundle'`. */
export function isFhirBundle(data: unknown): boolean {
  return isObject(data) && data.resourceType === 'Bundle';
}

function issue(path: string, expected: string, found: string): Issue {
  return { code: 'invalid_value', path, expected, found, message: `${path}: expected ${expected}, found ${found}` };
}

/**
 * Bundles inside Bundles are opened this many levels deep (a batch response holding searchsets
 * needs two); deeper ones are reported, not read, so a hostile nesting cannot exhaust the stack.
 */
export const MAX_BUNDLE_DEPTH = 8;

/** Every resource of the inputs, Bundles opened (recursively); duplicates of one `Type/id` kept once. */
function flatten(inputs: readonly unknown[], notes: IngestNote[]): Entry[] {
  const out: Entry[] = [];
  const seen = new Set<string>();
  let index = 0;
  const visit = (x: unknown, where: string, fullUrl?: string, depth = 0): void => {
    if (x === null || x === undefined) return;
    if (!isObject(x) || typeof x.resourceType !== 'string') {
      notes.push({ resource: where, why: 'not a FHIR resource (no resourceType)' });
      return;
    }
    if (x.resourceType === 'Bundle') {
      if (depth > MAX_BUNDLE_DEPTH) {
        notes.push({ resource: where, why: `a Bundle nested more than ${MAX_BUNDLE_DEPTH} Bundles deep: not read` });
        return;
      }
      const b = Bundle.safeParse(x);
      if (!b.success) {
        notes.push({ resource: where, why: 'a Bundle whose entries cannot be read' });
        return;
      }
      (b.data.entry ?? []).forEach((e, i) => visit(e.resource, `${where}.entry[${i}]`, e.fullUrl, depth + 1));
      return;
    }
    const type = x.resourceType;
    const key = typeof x.id === 'string' ? `${type}/${x.id}` : `${type}[${index}]`;
    index += 1;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ key, type, resource: x, ...(fullUrl === undefined ? {} : { fullUrl }) });
  };
  inputs.forEach((x, i) => visit(x, `[${i}]`));
  return out;
}

/** Observation key → the effective date of a DiagnosticReport that lists it in `result`. */
function indexReports(ctx: Context): void {
  for (const e of ctx.entries.filter((x) => x.type === 'DiagnosticReport')) {
    const r = DiagnosticReport.safeParse(e.resource);
    if (!r.success) continue;
    const date = /^(\d{4}-\d{2}-\d{2})/.exec(r.data.effectiveDateTime ?? r.data.effectivePeriod?.start ?? '')?.[1];
    if (date === undefined) continue;
    for (const ref of r.data.result ?? []) {
      const target = ctx.resolve(ref.reference);
      if (target !== undefined && !ctx.reportDates.has(target.key)) ctx.reportDates.set(target.key, { date, report: e.key });
    }
  }
}

const NOT_USED: Readonly<Record<string, string>> = {
  DiagnosticReport: 'a report; its results are read from their own Observations',
  Practitioner: 'not patient data allpath reads',
  PractitionerRole: 'not patient data allpath reads',
  Organization: 'not patient data allpath reads',
  Location: 'not patient data allpath reads',
  Encounter: 'not patient data allpath reads',
  Specimen: 'a specimen; results are read from Observations',
  BodyStructure: 'not patient data allpath reads',
  FamilyMemberHistory: "a relative's history, not the patient's",
  ServiceRequest: 'an order for a test, not a result',
  Medication: 'a medication definition; read through the order or administration that references it',
};

function ingestEntry(entry: Entry, ctx: Context): void {
  switch (entry.type) {
    case 'Patient':
      return;
    case 'Condition':
      return ingestCondition(entry, ctx);
    case 'Observation':
      return ingestObservation(entry, ctx);
    case 'MedicationRequest':
    case 'MedicationAdministration':
    case 'MedicationStatement':
      return ingestMedication(entry, ctx);
    case 'Procedure':
      return ingestProcedure(entry, ctx);
    default:
      return;
  }
}

const latestOf = (xs: readonly DatedValue[]): DatedValue | undefined =>
  [...xs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);

/** The latest mCODE disease status decides; full remission is applied to the ALL conditions it is about. */
function applyDiseaseStatus(ctx: Context): void {
  const statuses = [...ctx.draft.diseaseStatus].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const last = statuses.at(-1);
  for (const s of statuses.slice(0, -1)) ctx.unmapped(s.key, 'an earlier disease status; the latest one is read');
  if (last === undefined) return;
  if (!last.remission) {
    ctx.unmapped(last.key, 'a disease status other than full remission (a trend) has no contract equivalent', last.coding);
    return;
  }
  const all = ctx.draft.conditions.filter((c) => ALL_FAMILY.includes(c.condition.diagnosis));
  const targets = last.focus.length > 0 ? all.filter((c) => last.focus.includes(c.key)) : all;
  if (targets.length === 0) {
    ctx.unmapped(last.key, 'full remission, but no ALL condition for the status to apply to');
    return;
  }
  let applied = false;
  for (const t of targets) {
    const status = t.condition.clinicalStatus;
    if (status !== undefined && status !== 'active') {
      ctx.warn(last.key, `full remission not applied to ${t.key}, which is recorded as ${status}`);
      continue;
    }
    if (t.condition.onset !== undefined && t.condition.onset > last.date) continue;
    t.condition = { ...t.condition, clinicalStatus: 'remission' };
    applied = true;
  }
  if (applied) ctx.contributed(last.key);
  else ctx.unmapped(last.key, 'full remission, but no active ALL condition before it to apply to');
}

function buildCase(ctx: Context, id: string, patient: Case['patient']): { case: Case; sources: readonly CaseSource[] } {
  const d = ctx.draft;
  const conditions = d.conditions.map((c) => c.condition);
  const allOnsets = conditions.filter((c) => ALL_FAMILY.includes(c.diagnosis)).flatMap((c) => (c.onset === undefined ? [] : [c.onset])).sort();
  const sites = [...new Set(d.conditions.flatMap((c) => (c.site === undefined ? [] : [c.site])))];
  const temperature = latestOf(d.temperatures);
  const ecog = latestOf(d.ecog);
  const csfWbc = latestOf(d.csfWbc);

  const markers: NonNullable<Case['immunophenotype']>['markers'] = {};
  const byDate = [...d.markers].sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0));
  for (const m of byDate) markers[m.marker] = m.result;
  const markerDate = byDate.flatMap((m) => (m.date === undefined ? [] : [m.date])).at(-1);

  const findings: NonNullable<Case['findings']> = {
    ...(temperature === undefined ? {} : { temperatureC: temperature.value, temperatureDate: temperature.date }),
    ...(sites.length === 0 ? {} : { extramedullary: sites }),
    ...(csfWbc === undefined ? {} : { cns: { csfWbcPerUL: csfWbc.value } }),
  };
  const courses = buildTreatments(d);
  const strip = <T extends { key: string }>({ key: _key, ...rest }: T): Omit<T, 'key'> => rest;
  const genetics: GeneticTestResult[] = d.genetics.map(strip);

  const c: Case = {
    id,
    asOf: ctx.asOf,
    patient,
    ...(allOnsets[0] === undefined ? {} : { diagnosisDate: allOnsets[0] }),
    ...(conditions.length === 0 ? {} : { conditions }),
    ...(Object.keys(findings).length === 0 ? {} : { findings }),
    ...(d.labs.length === 0 ? {} : { labs: d.labs.map(strip) }),
    ...(d.markers.length === 0 ? {} : { immunophenotype: { ...(markerDate === undefined ? {} : { date: markerDate }), markers } }),
    ...(genetics.length === 0 ? {} : { genetics }),
    ...(courses.length === 0 ? {} : { treatments: courses.map((x) => x.treatment) }),
    ...(ecog === undefined ? {} : { performance: { ecog: ecog.value } }),
  };
  const latestMarker = (marker: string) => byDate.filter((m) => m.marker === marker).at(-1)?.key;
  const sources: CaseSource[] = [
    ...d.conditions.map((x, i) => ({ path: `conditions[${i}]`, keys: [x.key] })),
    { path: 'diagnosisDate', keys: d.conditions.filter((x) => x.condition.onset === allOnsets[0]).map((x) => x.key) },
    ...d.labs.map((x, i) => ({ path: `labs[${i}]`, keys: [x.key] })),
    ...d.genetics.map((x, i) => ({ path: `genetics[${i}]`, keys: [x.key] })),
    ...courses.map((x, i) => ({ path: `treatments[${i}]`, keys: x.keys })),
    { path: 'findings.temperatureC', keys: temperature === undefined ? [] : [temperature.key] },
    { path: 'findings.temperatureDate', keys: temperature === undefined ? [] : [temperature.key] },
    { path: 'findings.cns', keys: csfWbc === undefined ? [] : [csfWbc.key] },
    { path: 'performance', keys: ecog === undefined ? [] : [ecog.key] },
    { path: 'immunophenotype.date', keys: byDate.filter((m) => m.date === markerDate).map((m) => m.key) },
    ...Object.keys(markers).map((m) => ({ path: `immunophenotype.markers.${m}`, keys: [latestMarker(m) ?? ''].filter((k) => k !== '') })),
  ];
  return { case: c, sources };
}

function ingestEntries(entries: readonly Entry[], notes: IngestNote[], options: IngestOptions, fallbackId: string | undefined): IngestResult {
  if (!isCalendarDate(options.asOf)) return { ok: false, issues: [issue('asOf', 'a calendar date YYYY-MM-DD', JSON.stringify(options.asOf))] };
  const found = readPatient(entries, options.asOf);
  if (!found.ok) return found;
  const patientResource = found.entry;
  const ctx = new Context(options.asOf, entries, {
    key: patientResource.key,
    ...(typeof patientResource.resource.id === 'string' ? { id: patientResource.resource.id } : {}),
    ...(patientResource.fullUrl === undefined ? {} : { fullUrl: patientResource.fullUrl }),
  });
  ctx.unmappedNotes.push(...notes);
  ctx.contributed(patientResource.key);
  indexReports(ctx);
  for (const entry of entries) ingestEntry(entry, ctx);
  applyDiseaseStatus(ctx);

  const id = options.caseId ?? fallbackId ?? patientResource.key;
  let built = buildCase(ctx, id, found.patient);
  let parsed = parseCase(built.case);
  // The contract has the last word: a value it refuses is left out under its resource, and the
  // case is built again (each round takes back at least one resource, so this ends).
  let refused = parsed.ok ? undefined : refusedResources(parsed.issues, built.sources);
  while (refused !== undefined) {
    for (const [key, why] of refused) leaveOut(ctx, key, why);
    built = buildCase(ctx, id, found.patient);
    parsed = parseCase(built.case);
    refused = parsed.ok ? undefined : refusedResources(parsed.issues, built.sources);
  }
  // Nothing dropped silently: every resource that gave nothing says why.
  const noted = new Set([...ctx.unmappedNotes, ...ctx.warnings].map((n) => n.resource));
  for (const e of entries) {
    if (ctx.mapped.has(e.key) || noted.has(e.key)) continue;
    ctx.unmapped(e.key, NOT_USED[e.type] ?? `a ${e.type} resource; allpath does not read this type`);
  }
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const report: IngestReport = {
    source: 'fhir-bundle',
    resources: entries.length,
    mapped: entries.filter((e) => ctx.mapped.has(e.key)).length,
    unmapped: ctx.unmappedNotes,
    warnings: ctx.warnings,
  };
  return { ok: true, case: parsed.value, report };
}

/** A FHIR Bundle → a contract Case (or the issues, each with its path). */
export function ingestBundle(bundle: unknown, options: IngestOptions): IngestResult {
  if (!isFhirBundle(bundle)) {
    const found = isObject(bundle) ? describeFound(String(bundle.resourceType ?? 'nothing')) : 'not an object';
    return { ok: false, issues: [issue('resourceType', '"Bundle"', found)] };
  }
  const notes: IngestNote[] = [];
  const entries = flatten([bundle], notes);
  const id = isObject(bundle) && typeof bundle.id === 'string' ? `Bundle/${bundle.id}` : undefined;
  return ingestEntries(entries, notes, options, id);
}

/** Resources and Bundles mixed (a CDS Hooks prefetch) → a contract Case. */
export function ingestResources(resources: readonly unknown[], options: IngestOptions): IngestResult {
  const notes: IngestNote[] = [];
  return ingestEntries(flatten(resources, notes), notes, options, undefined);
}
