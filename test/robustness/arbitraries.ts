/**
 * fast-check arbitraries for the robustness properties:
 * (a) valid contract cases, built from the contract's own vocabulary (labs with a unit their test
 *     accepts, blasts with a specimen, every date on or before asOf, age agreeing with birth date),
 *     so that each one must parse;
 * (b) mutations of valid cases and of the example files: fields dropped, duplicated or retyped,
 *     numbers out of range, bad dates, unknown keys, wrong units, huge arrays, odd unicode,
 *     NaN-like strings, deep nesting (see mutations.ts), and the same as JSON text;
 * (c) FHIR Bundles: mutations of the ingest fixtures (see fhir-arbitraries.ts).
 * A clinically coherent core (marrow blasts with a B, T or myeloid immunophenotype) is mixed in
 * often, so that the engine's ALL rules are reached and not only its "unknown" answers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  AGENTS, CELLULARITIES, CONDITION_STATUSES, DONORS, EXTRAMEDULLARY_SITES, FAB_TYPES, GENETIC_FINDINGS, GENETIC_METHODS,
  GENETIC_RESULTS, LAB_TESTS, MARKERS, MARKER_RESULTS, MRD_METHODS, RECORDED_DIAGNOSES, SEXES, SPECIMENS, SYMPTOMS,
  TREATMENT_KINDS, TREATMENT_OUTCOMES, acceptedUnits, ageAt, type Case, type Lab, type Marker, type MarkerResult,
} from '../../src/index.js';
import { jsonTextMutation, mutated, type Json } from './mutations.js';

export { type Json } from './mutations.js';

const DAY = 86_400_000;

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function isoDay(days: number): string {
  return new Date(days * DAY).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` → days since 1970-01-01. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
}

/** A date on or before `asOf`: mostly the last days and weeks (acute rules look back 3 to 7 days), sometimes years. */
export function dateUpTo(asOf: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 10 }) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 400 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 20 * 365 }) },
  ).map((back) => isoDay(asOf - back));
}

const ASOF_MIN = dayNumber('2000-01-01');
const ASOF_MAX = dayNumber('2040-12-31');

type Markers = NonNullable<Case['immunophenotype']>['markers'];

const MARKER_PROFILES: Readonly<Record<string, Markers>> = {
  B: { CD19: 'positive', CD10: 'positive', CD34: 'positive', TdT: 'positive', cCD79a: 'positive', CD3: 'negative', MPO: 'negative', sIg: 'negative' },
  burkitt: { CD19: 'positive', CD20: 'positive', sIg: 'positive', TdT: 'negative', CD34: 'negative', MPO: 'negative' },
  T: { cCD3: 'positive', CD3: 'positive', CD2: 'positive', CD7: 'positive', TdT: 'positive', CD19: 'negative', MPO: 'negative' },
  myeloid: { MPO: 'positive', CD13: 'positive', CD33: 'positive', CD19: 'negative', cCD3: 'negative' },
};

/** Any subset of the markers with any results, or a coherent profile with a few results flipped or left out. */
const markersArb: fc.Arbitrary<Markers> = fc.oneof(
  fc.dictionary(fc.constantFrom(...MARKERS), fc.constantFrom(...MARKER_RESULTS), { maxKeys: MARKERS.length }),
  fc.tuple(fc.constantFrom(...Object.values(MARKER_PROFILES)), fc.subarray([...MARKERS], { maxLength: 3 }), fc.boolean()).map(([profile, touched, drop]) => {
    const out: Partial<Record<Marker, MarkerResult>> = { ...profile };
    for (const m of touched) {
      if (drop) delete out[m];
      else out[m] = out[m] === 'positive' ? 'negative' : 'positive';
    }
    return out;
  }),
);

function labArb(asOf: number): fc.Arbitrary<Lab> {
  return fc.constantFrom(...LAB_TESTS).chain((test) => fc.record({
    test: fc.constant(test),
    unit: fc.constantFrom(...acceptedUnits(test)),
    value: test === 'blasts'
      ? fc.double({ min: 0, max: 100, noNaN: true })
      : fc.oneof(fc.double({ min: 0, max: 60, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(0)),
    date: dateUpTo(asOf),
    ...(test === 'blasts' ? { specimen: fc.constantFrom(...SPECIMENS) } : {}),
  }) as fc.Arbitrary<Lab>);
}

/** The patient: age only, birth date only, or both (agreeing, age possibly with a fraction). */
function patientArb(asOf: number): fc.Arbitrary<Case['patient']> {
  const years = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 18, max: 90 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 17 }) },
    { weight: 1, arbitrary: fc.integer({ min: 90, max: 130 }) },
  );
  return fc.record({
    years, extraDays: fc.integer({ min: 0, max: 364 }), fraction: fc.double({ min: 0, max: 0.99, noNaN: true }),
    form: fc.constantFrom('age', 'birthDate', 'both'), sex: fc.constantFrom(...SEXES),
  }).map(({ years: y, extraDays, fraction, form, sex }) => {
    const asOfDate = isoDay(asOf);
    const birthDate = isoDay(dayNumber(`${String(Number(asOfDate.slice(0, 4)) - y).padStart(4, '0')}${asOfDate.slice(4, 7)}-01`) - extraDays);
    const age = Math.min(ageAt(birthDate, asOfDate), 130);
    const ageYears = age < 130 ? age + fraction : age;
    if (form === 'age') return { ageYears: y < 130 ? y + fraction : y, sex };
    if (form === 'birthDate') return { birthDate, sex };
    return ageAt(birthDate, asOfDate) <= 130 ? { ageYears, birthDate, sex } : { birthDate, sex };
  });
}

function treatmentArb(asOf: number): fc.Arbitrary<NonNullable<Case['treatments']>[number]> {
  return fc.record({
    kind: fc.constantFrom(...TREATMENT_KINDS),
    agents: fc.subarray([...AGENTS], { maxLength: 6 }),
    start: dateUpTo(asOf),
    length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    outcome: fc.constantFrom(...TREATMENT_OUTCOMES),
  }, { requiredKeys: ['kind', 'start'] }).map(({ length, ...t }) => (
    length === undefined ? t : { ...t, end: isoDay(dayNumber(t.start) + length) }
  ));
}

const text = fc.string({ maxLength: 40 });

/** Marrow blasts, the immunophenotype and the diagnosis date on one day: the engine can then name a diagnosis. */
function diagnosticCoreArb(asOf: number) {
  return fc.record({
    date: dateUpTo(asOf),
    blasts: fc.oneof(fc.double({ min: 20, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })),
    markers: markersArb,
    ph: fc.constantFrom('detected', 'not-detected', 'untested'),
  }).map(({ date, blasts, markers, ph }) => ({
    diagnosisDate: date,
    labs: [{ test: 'blasts', specimen: 'marrow', value: blasts, unit: '%', date }] as Lab[],
    immunophenotype: { date, markers },
    genetics: ph === 'untested' ? [] : [{ finding: 'BCR::ABL1' as const, result: ph as 'detected' | 'not-detected', date }],
  }));
}

function caseArb(asOf: number): fc.Arbitrary<Case> {
  const rest = fc.record({
    id: fc.oneof(fc.constant('robust-1'), fc.string({ minLength: 1, maxLength: 30 })),
    patient: patientArb(asOf),
    diagnosisDate: dateUpTo(asOf),
    conditions: fc.array(fc.record({
      diagnosis: fc.constantFrom(...RECORDED_DIAGNOSES), code: text, onset: dateUpTo(asOf), clinicalStatus: fc.constantFrom(...CONDITION_STATUSES),
    }, { requiredKeys: ['diagnosis'] }), { maxLength: 3 }),
    findings: fc.record({
      symptoms: fc.subarray([...SYMPTOMS], { maxLength: 5 }),
      temperatureC: fc.double({ min: 25, max: 45, noNaN: true }),
      temperatureDate: dateUpTo(asOf),
      extramedullary: fc.subarray([...EXTRAMEDULLARY_SITES], { maxLength: 3 }),
      cns: fc.record({ csfBlasts: fc.boolean(), csfWbcPerUL: fc.double({ min: 0, max: 1000, noNaN: true }), cranialNervePalsy: fc.boolean() }, { requiredKeys: [] }),
    }, { requiredKeys: [] }),
    labs: fc.array(labArb(asOf), { maxLength: 12 }),
    marrow: fc.array(fc.record({
      date: dateUpTo(asOf), blastPercent: fc.double({ min: 0, max: 100, noNaN: true }), cellularity: fc.constantFrom(...CELLULARITIES),
      fab: fc.constantFrom(...FAB_TYPES), vacuolatedBlasts: fc.boolean(), starrySky: fc.boolean(),
    }, { requiredKeys: ['date'] }), { maxLength: 3 }),
    immunophenotype: fc.record({ date: dateUpTo(asOf), markers: markersArb }, { requiredKeys: ['markers'] }),
    genetics: fc.array(fc.record({
      finding: fc.constantFrom(...GENETIC_FINDINGS), result: fc.constantFrom(...GENETIC_RESULTS), method: fc.constantFrom(...GENETIC_METHODS),
      detail: text, date: dateUpTo(asOf),
    }, { requiredKeys: ['finding', 'result'] }), { maxLength: 5 }),
    treatments: fc.array(treatmentArb(asOf), { maxLength: 5 }),
    mrd: fc.array(fc.record({ date: dateUpTo(asOf), percent: fc.double({ min: 0, max: 100, noNaN: true }), method: fc.constantFrom(...MRD_METHODS) }, { requiredKeys: ['date', 'percent'] }), { maxLength: 3 }),
    transplant: fc.record({ donor: fc.constantFrom(...DONORS) }),
    performance: fc.record({ ecog: fc.integer({ min: 0, max: 4 }) }),
    comorbidities: fc.array(text, { maxLength: 3 }),
    preferences: fc.record({ declinesIntensiveTherapy: fc.boolean() }, { requiredKeys: [] }),
  }, { requiredKeys: ['id', 'patient'] });
  return fc.tuple(rest, fc.option(diagnosticCoreArb(asOf), { freq: 3, nil: undefined })).map(([c, core]) => {
    const base: Case = { ...c, asOf: isoDay(asOf) };
    if (core === undefined) return base;
    return {
      ...base,
      diagnosisDate: core.diagnosisDate,
      labs: [...core.labs, ...(base.labs ?? [])],
      immunophenotype: core.immunophenotype,
      genetics: [...core.genetics, ...(base.genetics ?? [])],
    };
  });
}

/** (a) A case that satisfies the contract by construction. */
export const validCase: fc.Arbitrary<Case> = fc.integer({ min: ASOF_MIN, max: ASOF_MAX }).chain(caseArb);

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function jsonFiles(dir: string, suffix: string): { readonly name: string; readonly data: Json }[] {
  return readdirSync(dir).filter((f) => f.endsWith(suffix)).sort()
    .map((f) => ({ name: f, data: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Json }));
}

/** The example files: examples/*.json, ../shared/cases/*.json (documents {case, expect}), the FHIR fixtures' cases. */
export const EXAMPLE_FILES = [
  ...jsonFiles(`${ROOT}examples`, '.json'),
  ...jsonFiles(`${ROOT}../shared/cases`, '.json'),
  ...jsonFiles(`${ROOT}test/fixtures/fhir`, '.case.json'),
];

/** (b) A valid case or an example file with one to three mutations. */
export const mutatedCase: fc.Arbitrary<Json> = mutated(fc.oneof(
  { weight: 2, arbitrary: validCase as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: fc.constantFrom(...EXAMPLE_FILES.map((f) => f.data)) },
));

/** (b) The same as JSON text, sometimes broken at the text level (truncated, a byte changed, a key repeated, deep brackets). */
export const mutatedCaseText: fc.Arbitrary<string> = jsonTextMutation(fc.oneof(mutatedCase, validCase as fc.Arbitrary<Json>));

/** Valid, mutated, or an example file: what a client may send as a case. */
export const anyCaseInput: fc.Arbitrary<Json> = fc.oneof(
  { weight: 1, arbitrary: validCase as fc.Arbitrary<Json> },
  { weight: 2, arbitrary: mutatedCase },
);
