// The peer engine (bench/cql/AllpathDiagnosis.cql, run by cql-execution over cql-exec-fhir) and
// allpath read the same FHIR vignettes and must derive the same diagnosis, Ph, KMT2A, status and
// phase, field by field. The twins change one decisive resource and show that both engines follow
// it, so that agreement is not an artefact of the comparison.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  FIELDS, allpathAnswerOf, answerOf, disagreements, peerEngine, type Answer, type PeerEngine,
} from '../../bench/cql/engine.js';
import { caseToBundle } from '../../src/fhir/case-bundle.js';
import { evaluateFhir } from '../../src/fhir/evaluate-fhir.js';
import type { Case } from '../../src/index.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'fhir');
const VIGNETTES = readdirSync(DIR).filter((f) => f.endsWith('.bundle.json')).map((f) => f.replace('.bundle.json', '')).sort();

interface Json { [key: string]: unknown }
const read = (file: string): Json => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Json;
const asOfOf = (name: string): string => String(read(`${name}.case.json`)['asOf']);

function allpathAnswer(bundle: unknown, asOf: string): Answer {
  const r = evaluateFhir(bundle, { asOf });
  if (!r.ok) throw new Error(`allpath did not ingest the Bundle: ${r.issues.map((i) => i.message).join('; ')}`);
  return allpathAnswerOf(r.evaluation);
}

let engine: PeerEngine;
beforeAll(() => {
  engine = peerEngine();
});
const cqlAnswer = async (bundle: unknown, asOf: string): Promise<Answer> => answerOf(await engine.evaluate(bundle, asOf));

interface Entry { resource: Json }
const entries = (bundle: Json): Entry[] => bundle['entry'] as Entry[];
const codesIn = (x: unknown): string[] => JSON.stringify(x ?? null).match(/"code":"[^"]*"/g) ?? [];
/** The Bundle without the resources `drop` picks. */
const without = (bundle: Json, drop: (r: Json) => boolean): Json => ({ ...bundle, entry: entries(bundle).filter((e) => !drop(e.resource)) });
const isMarrowBlasts = (r: Json) => codesIn(r['code']).includes('"code":"11150-0"');

/** The ph-positive vignette with its BCR::ABL1 result (HGNC:1014 among the genes studied) set to `answer`. */
function phPositiveWithBcrAbl1(answer: 'LA9633-4' | 'LA9634-2'): Json {
  const bundle = read('ph-positive.bundle.json');
  const isBcrAbl1 = (r: Json) => codesIn(r['component']).includes('"code":"HGNC:1014"');
  const hits = entries(bundle).filter((e) => isBcrAbl1(e.resource));
  expect(hits).toHaveLength(1);
  return {
    ...bundle,
    entry: entries(bundle).map((e) => (isBcrAbl1(e.resource)
      ? { ...e, resource: { ...e.resource, valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: answer }] } } }
      : e)),
  };
}

describe('allpath and the CQL peer agree on the FHIR vignettes', () => {
  test('there are the 14 vignettes', () => {
    expect(VIGNETTES).toHaveLength(14);
  });

  test.each(VIGNETTES)('%s: the same seven facts', async (name) => {
    const bundle = read(`${name}.bundle.json`);
    const asOf = asOfOf(name);
    const ours = allpathAnswer(bundle, asOf);
    const theirs = await cqlAnswer(bundle, asOf);
    expect(disagreements(ours, theirs)).toEqual([]);
    expect(Object.keys(theirs).sort()).toEqual([...FIELDS].sort());
  });
});

describe('the comparison can fail', () => {
  // pdq-adult-all-treatment-hp: "molecular evidence of the BCR::ABL fusion gene, which characterizes the Ph"
  test('BCR::ABL1 present by FISH: both engines say Ph-positive', async () => {
    const bundle = phPositiveWithBcrAbl1('LA9633-4');
    expect(allpathAnswer(bundle, asOfOf('ph-positive')).philadelphia).toBe('positive');
    expect((await cqlAnswer(bundle, asOfOf('ph-positive'))).philadelphia).toBe('positive');
  });

  // pdq-adult-all-treatment-hp: "may be detectable only by fluorescence in situ hybridization (FISH)"
  test('twin: the same result absent by FISH, both engines say Ph-negative, and the first answer no longer holds', async () => {
    const bundle = phPositiveWithBcrAbl1('LA9634-2');
    const asOf = asOfOf('ph-positive');
    const ours = allpathAnswer(bundle, asOf);
    const theirs = await cqlAnswer(bundle, asOf);
    expect(ours.philadelphia).toBe('negative');
    expect(theirs.philadelphia).toBe('negative');
    expect(disagreements(ours, theirs)).toEqual([]);
    const before = await cqlAnswer(phPositiveWithBcrAbl1('LA9633-4'), asOf);
    expect(disagreements(before, theirs)).toEqual([{ field: 'philadelphia', allpath: 'positive', cql: 'negative' }]);
  });

  test('the marrow blasts removed from the T-ALL vignette: both engines leave leukemia unknown', async () => {
    const bundle = read('t-all.bundle.json');
    const withoutMarrow = without(bundle, isMarrowBlasts);
    expect(entries(withoutMarrow).length).toBe(entries(bundle).length - 1);
    const asOf = asOfOf('t-all');
    expect(allpathAnswer(bundle, asOf).leukemia).toBe('ALL');
    const ours = allpathAnswer(withoutMarrow, asOf);
    const theirs = await cqlAnswer(withoutMarrow, asOf);
    expect(ours.leukemia).toBe('unknown');
    expect(theirs.leukemia).toBe('unknown');
  });

  // pdq-adult-all-treatment-patient: "Recurrent ALL is cancer that has recurred (come back)"
  test('relapse vignette: blasts back in marrow (45%) and blood (12%) after remission make both engines say recurrent; without them, remission', async () => {
    const bundle = read('relapse.bundle.json');
    const asOf = asOfOf('relapse');
    const blastsBack = (r: Json) => String(r['effectiveDateTime']).startsWith('2026-02')
      && (isMarrowBlasts(r) || codesIn(r['code']).includes('"code":"26446-5"'));
    expect(entries(bundle).filter((e) => blastsBack(e.resource))).toHaveLength(2);
    expect(allpathAnswer(bundle, asOf).status).toBe('recurrent');
    expect((await cqlAnswer(bundle, asOf)).status).toBe('recurrent');
    const withoutBlasts = without(bundle, blastsBack);
    const ours = allpathAnswer(withoutBlasts, asOf);
    const theirs = await cqlAnswer(withoutBlasts, asOf);
    expect(ours.status).toBe('remission');
    expect(theirs.status).toBe('remission');
    expect(disagreements(ours, theirs)).toEqual([]);
  });
});

/** The vignette with `change` applied to every resource `pick` selects (at least one). */
function changed(name: string, pick: (r: Json) => boolean, change: (r: Json) => Json): Json {
  const bundle = read(`${name}.bundle.json`);
  expect(entries(bundle).some((e) => pick(e.resource))).toBe(true);
  return { ...bundle, entry: entries(bundle).map((e) => (pick(e.resource) ? { ...e, resource: change(e.resource) } : e)) };
}
const isMedication = (r: Json) => String(r['resourceType']).startsWith('Medication');
const isPanel = (r: Json) => codesIn(r['code']).includes('"code":"101119-6"');
const isCondition = (r: Json) => r['resourceType'] === 'Condition';
const isBcrAbl1Variant = (r: Json) => codesIn(r['component']).includes('"code":"HGNC:1014"');

// What FHIR ingest reads or leaves out, the CQL must read or leave out alike: each mutation changes
// allpath's answer, and the CQL's changes with it.
describe('ingest edge cases read alike', () => {
  test.each([
    ['t-all', 'marrow blasts of 150% (the contract refuses it)', isMarrowBlasts,
      (r: Json) => ({ ...r, valueQuantity: { value: 150, unit: '%', system: 'http://unitsofmeasure.org', code: '%' } }), 'leukemia', 'unknown'],
    ['t-all', 'a marrow dated by month only', isMarrowBlasts, (r: Json) => ({ ...r, effectiveDateTime: '2026-02' }), 'leukemia', 'unknown'],
    ['t-all', 'a marrow entered in error', isMarrowBlasts, (r: Json) => ({ ...r, status: 'entered-in-error' }), 'leukemia', 'unknown'],
    ['t-all', 'a marrow in a unit that is not UCUM %', isMarrowBlasts,
      (r: Json) => ({ ...r, valueQuantity: { value: 85, unit: 'percent' } }), 'leukemia', 'unknown'],
    ['t-all', 'a marrow "<5 %" (a bound, not a value)', isMarrowBlasts,
      (r: Json) => ({ ...r, valueQuantity: { value: 5, comparator: '<', unit: '%', system: 'http://unitsofmeasure.org', code: '%' } }), 'leukemia', 'unknown'],
    ['t-all', 'a marrow dated after asOf', isMarrowBlasts, (r: Json) => ({ ...r, effectiveDateTime: '2026-03-03' }), 'leukemia', 'unknown'],
    ['ph-positive', 'the immunophenotype dated 2026-02-31 (no calendar day: the contract refuses it)', isPanel,
      (r: Json) => ({ ...r, effectiveDateTime: '2026-02-31' }), 'lineage', 'unknown'],
    ['lymphoblastic-lymphoma', 'the nodal lymphoma condition with onset 2026-13-01', isCondition,
      (r: Json) => ({ ...r, onsetDateTime: '2026-13-01' }), 'leukemia', 'unknown'],
    ['ph-positive', 'BCR::ABL1 about another patient', isBcrAbl1Variant, (r: Json) => ({ ...r, subject: { reference: 'Patient/someone-else' } }), 'philadelphia', 'unknown'],
    ['ph-positive', 'BCR::ABL1 absent on a karyotype only (not a molecular method, B lineage)', isBcrAbl1Variant,
      (r: Json) => ({ ...r, method: { coding: [{ system: 'http://loinc.org', code: 'LA26406-1' }] }, valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA9634-2' }] } }),
      'philadelphia', 'unknown'],
    ['refractory', 'the induction agents not given', isMedication, (r: Json) => ({ ...r, status: r['resourceType'] === 'MedicationStatement' ? 'not-taken' : 'not-done' }), 'status', 'untreated'],
    ['refractory', 'the induction agents under an RxNorm code allpath does not map', isMedication,
      (r: Json) => ({ ...r, medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '999999999' }] } }), 'status', 'untreated'],
    ['refractory', 'every agent named only in text as dexamethasone (recognised by name): one course, not an induction', isMedication,
      (r: Json) => ({ ...r, medicationCodeableConcept: { text: 'Dexamethasone 4 mg tablet' } }), 'status', 'unknown'],
  ] as const)('%s: %s', async (name, _what, pick, change, field, value) => {
    const bundle = changed(name, pick, change);
    const asOf = asOfOf(name);
    const before = allpathAnswer(read(`${name}.bundle.json`), asOf);
    const ours = allpathAnswer(bundle, asOf);
    const theirs = await cqlAnswer(bundle, asOf);
    expect(ours[field]).toBe(value);
    expect(disagreements(ours, theirs)).toEqual([]);
    expect(before[field]).not.toBe(value);
  });
});

// Both found by the CQL peer, which had mirrored them; allpath and the CQL now read them alike.
// The Bundles are written by caseToBundle: FHIR carries no course kind or outcome, so ingest
// rebuilds the courses from the agents and implies the remission from the first post-remission
// course it recognises (maintenance: mercaptopurine with methotrexate). A consolidation of
// cyclophosphamide and cytarabine is an 'other' course to ingest and does not date the remission.
describe('the CNS relapse and the recorded statuses read alike', () => {
  const AS_OF = '2026-03-02';
  const B_MARKERS = { CD19: 'positive', CD10: 'positive', CD22: 'positive', TdT: 'positive', CD34: 'positive', CD3: 'negative' } as const;
  const pct = (specimen: 'marrow' | 'csf', value: number, date: string) => ({ test: 'blasts', specimen, value, unit: '%', date }) as const;
  const count = (test: 'anc' | 'platelets', value: number, date: string) => ({ test, value, unit: '10*9/L', date }) as const;

  /** B-ALL with CNS disease at diagnosis (CSF blasts 15%), induction to remission, consolidation, maintenance since 2025-11-01. */
  const cnsAtDiagnosis = (more: Case['labs'] = []): Case => ({
    id: 'peer-cns-at-diagnosis', asOf: AS_OF, patient: { birthDate: '1985-04-10', sex: 'male' },
    conditions: [{ diagnosis: 'B-ALL', onset: '2025-05-10', clinicalStatus: 'active' }],
    immunophenotype: { date: '2025-05-11', markers: B_MARKERS },
    labs: [
      pct('marrow', 80, '2025-05-11'), pct('csf', 15, '2025-05-12'),
      pct('marrow', 2, '2025-06-10'), count('anc', 2.1, '2025-06-10'), count('platelets', 160, '2025-06-10'),
      ...more,
    ],
    treatments: [
      { kind: 'induction', agents: ['vincristine', 'prednisone', 'daunorubicin', 'pegaspargase'], start: '2025-05-15', end: '2025-06-08' },
      { kind: 'consolidation', agents: ['cyclophosphamide', 'cytarabine'], start: '2025-06-20', end: '2025-07-20' },
      { kind: 'maintenance', agents: ['mercaptopurine', 'methotrexate'], start: '2025-11-01' },
    ],
  });

  // pdq-adult-all-treatment-patient: "In ALL in remission, the disease has been treated"
  test('CSF blasts at diagnosis, then induction to remission and consolidation: both engines say remission', async () => {
    const bundle = caseToBundle(cnsAtDiagnosis());
    expect(JSON.stringify(bundle)).toContain('"effectiveDateTime":"2025-05-12"');
    const ours = allpathAnswer(bundle, AS_OF);
    const theirs = await cqlAnswer(bundle, AS_OF);
    expect(ours.status).toBe('remission');
    expect(theirs.status).toBe('remission');
    expect(disagreements(ours, theirs)).toEqual([]);
  });

  // pdq-adult-all-treatment-patient: "Recurrent ALL is cancer that has recurred (come back)"
  test('twin: CSF blasts found again after the remission, both engines say recurrent', async () => {
    const bundle = caseToBundle(cnsAtDiagnosis([pct('csf', 8, '2026-02-20')]));
    const ours = allpathAnswer(bundle, AS_OF);
    const theirs = await cqlAnswer(bundle, AS_OF);
    expect(ours.status).toBe('recurrent');
    expect(theirs.status).toBe('recurrent');
    expect(disagreements(ours, theirs)).toEqual([]);
  });

  // pdq-adult-all-treatment-patient: "Recurrent ALL is cancer that has recurred (come back)"
  test('twin: a CSF tap after the remission without blasts, both engines still say remission', async () => {
    const bundle = caseToBundle(cnsAtDiagnosis([pct('csf', 0, '2026-02-20')]));
    const ours = allpathAnswer(bundle, AS_OF);
    const theirs = await cqlAnswer(bundle, AS_OF);
    expect(ours.status).toBe('remission');
    expect(disagreements(ours, theirs)).toEqual([]);
  });

  /** Newly diagnosed B-ALL, no treatment, with `all` as its condition and `other` another one recorded beside it. */
  const untreatedBeside = (all: NonNullable<Case['conditions']>[number], other: NonNullable<Case['conditions']>[number]): Case => ({
    id: 'peer-untreated-beside', asOf: AS_OF, patient: { birthDate: '1970-09-01', sex: 'female' },
    conditions: [all, other],
    immunophenotype: { date: '2026-02-21', markers: B_MARKERS },
    labs: [pct('marrow', 85, '2026-02-21')],
  });
  const cllInRelapse = { diagnosis: 'other-leukemia', code: 'http://hl7.org/fhir/sid/icd-10-cm|C91.12', onset: '2019-03-01', clinicalStatus: 'relapse' } as const;
  const otherCancerInRemission = { diagnosis: 'other-cancer', onset: '2015-06-01', clinicalStatus: 'remission' } as const;

  // pdq-adult-all-treatment-patient: "In untreated ALL, the disease is newly diagnosed"
  test.each([
    ['a CLL (C91.12) in relapse', cllInRelapse, 'relapse', 'recurrent', 'reinduction'],
    ['another cancer in remission', otherCancerInRemission, 'remission', 'remission', 'unknown'],
  ] as const)('untreated ALL beside %s: both engines say untreated; twin with the ALL itself so recorded, both follow it', async (_what, other, allStatus, status, phase) => {
    const beside = caseToBundle(untreatedBeside({ diagnosis: 'B-ALL', onset: '2026-02-20', clinicalStatus: 'active' }, other));
    expect(JSON.stringify(beside).match(/"resourceType":"Condition"/g)).toHaveLength(2);
    const ours = allpathAnswer(beside, AS_OF);
    const theirs = await cqlAnswer(beside, AS_OF);
    expect(ours).toMatchObject({ leukemia: 'ALL', status: 'untreated', phase: 'induction' });
    expect(disagreements(ours, theirs)).toEqual([]);

    const twin = caseToBundle(untreatedBeside({ diagnosis: 'B-ALL', onset: '2026-02-20', clinicalStatus: allStatus }, other));
    const ours2 = allpathAnswer(twin, AS_OF);
    const theirs2 = await cqlAnswer(twin, AS_OF);
    expect(ours2).toMatchObject({ status, phase });
    expect(disagreements(ours2, theirs2)).toEqual([]);
  });
});
