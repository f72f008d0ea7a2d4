/**
 * Inputs the robustness properties found to break the library, each named for the input and
 * kept as a plain test beside its twin (the same input without the fault), so a regression
 * shows up without a seed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ingestBundle, MAX_BUNDLE_DEPTH } from '../../src/fhir/ingest.js';
import { parseJson } from '../../src/server/evaluate-input.js';
import { parseCase, parseCaseDocument, parseCaseJson, type Issue } from '../../src/index.js';
import { misplacedIssue } from './issue-paths.js';

const VALID = { id: 'r1', asOf: '2026-03-02', patient: { ageYears: 47, sex: 'female' } };

function issuesOf(input: unknown): readonly Issue[] {
  const parsed = parseCase(input);
  return parsed.ok ? [] : parsed.issues;
}

describe('issue paths name one place, whatever the key', () => {
  test('an unknown field "a.b" is named ["a.b"], not field b of a', () => {
    const issues = issuesOf({ ...VALID, 'a.b': 1 });
    expect(issues.map((i) => i.path)).toEqual(['["a.b"]']);
    expect(misplacedIssue(issues[0] as Issue, { ...VALID, 'a.b': 1 })).toBeUndefined();
  });

  test('an unknown field "\\u0000" is named by its JSON string', () => {
    expect(issuesOf({ ...VALID, '\u0000': 1 }).map((i) => i.message)).toEqual(['["\\u0000"]: unknown field']);
  });

  test('an unknown field "" is named [""], not (root)', () => {
    expect(issuesOf(JSON.parse('{"id":"r1","asOf":"2026-03-02","patient":{"ageYears":47,"sex":"female"},"":1}')).map((i) => i.path)).toEqual(['[""]']);
  });

  test('an unknown field "x[0]" in a lab is labs[0]["x[0]"], not element 0 of labs[0].x', () => {
    const lab = { test: 'wbc', value: 5, unit: '10*9/L', date: '2026-03-01', 'x[0]': 1 };
    expect(issuesOf({ ...VALID, labs: [lab] }).map((i) => i.path)).toEqual(['labs[0]["x[0]"]']);
  });

  test('in an example document the quoted key follows case', () => {
    const parsed = parseCaseDocument({ case: { ...VALID, 'a.b': 1 } });
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.message)).toEqual(['case["a.b"]: unknown field']);
  });

  test('plain names stay bare (twin): an unknown field genetcs is genetcs', () => {
    expect(issuesOf({ ...VALID, genetcs: [] }).map((i) => i.path)).toEqual(['genetcs']);
    expect(issuesOf({ ...VALID, labs: [{ test: 'wbc', value: 5, unit: 'g/dL', date: '2026-03-01' }] }).map((i) => i.path)).toEqual(['labs[0].unit']);
  });

  test('a JSON key "__proto__" is an unknown field, not a prototype', () => {
    const parsed = parseCaseJson('{"id":"r1","asOf":"2026-03-02","patient":{"ageYears":47,"sex":"female"},"__proto__":{"x":1}}');
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toEqual(['__proto__']);
  });
});

const FIXTURES = new URL('../fixtures/fhir/', import.meta.url);
const AS_OF = '2026-03-02';
type Resource = Record<string, unknown>;
type Bundle = { resourceType: 'Bundle'; entry: { resource: Resource }[] };

/** The febrile-neutropenia fixture with one resource changed. */
function febrileNeutropenia(id?: string, change: (r: Resource) => Resource = (r) => r): Bundle {
  const bundle = JSON.parse(readFileSync(new URL('febrile-neutropenia.bundle.json', FIXTURES), 'utf8')) as Bundle;
  return { ...bundle, entry: bundle.entry.map((e) => (e.resource['id'] === id ? { ...e, resource: change(e.resource) } : e)) };
}

const quantity = (value: number, code: string) => (r: Resource) => ({ ...r, valueQuantity: { value, unit: code, system: 'http://unitsofmeasure.org', code } });

function ingested(bundle: Bundle) {
  const r = ingestBundle(bundle, { asOf: AS_OF });
  if (!r.ok) throw new Error(`refused: ${r.issues.map((i) => i.message).join('; ')}`);
  return r;
}

describe('FHIR: a value the contract refuses is left out under its resource, the rest of the Bundle is read', () => {
  test('marrow blasts of -1 % (febrile-neutropenia-obs-6) are left out with the reason', () => {
    const r = ingested(febrileNeutropenia('febrile-neutropenia-obs-6', quantity(-1, '%')));
    expect(r.case.labs?.filter((l) => l.test === 'blasts')).toEqual([]);
    expect(r.report.unmapped).toContainEqual({
      resource: 'Observation/febrile-neutropenia-obs-6',
      why: 'value refused by the contract (expected a percentage from 0 to 100, found -1): not used',
    });
    // Everything else is still read: the other labs, the temperature, the treatment.
    expect(r.case.labs?.length).toBe(8);
    expect(r.case.findings?.temperatureC).toBe(38.9);
  });

  test('twin: marrow blasts of 90 % are read', () => {
    const r = ingested(febrileNeutropenia());
    expect(r.case.labs?.filter((l) => l.test === 'blasts').map((l) => l.value)).toEqual([90]);
    expect(r.report.unmapped.map((n) => n.resource)).not.toContain('Observation/febrile-neutropenia-obs-6');
  });

  test('a WBC dated 2026-02-30, a day that does not exist, is left out', () => {
    const r = ingested(febrileNeutropenia('febrile-neutropenia-obs-16', (o) => ({ ...o, effectiveDateTime: '2026-02-30' })));
    expect(r.case.labs?.some((l) => l.date === '2026-02-30')).toBe(false);
    expect(r.report.unmapped.find((n) => n.resource === 'Observation/febrile-neutropenia-obs-16')?.why).toMatch(/^date refused by the contract \(expected a calendar date YYYY-MM-DD/);
  });

  test('a body temperature of 60 Cel is left out, and no temperature is made up', () => {
    const r = ingested(febrileNeutropenia('febrile-neutropenia-temperature-15', quantity(60, 'Cel')));
    expect(r.case.findings?.temperatureC).toBeUndefined();
    expect(r.report.unmapped.find((n) => n.resource === 'Observation/febrile-neutropenia-temperature-15')?.why).toBe('temperatureC refused by the contract (expected ≤ 45, found 60): not used');
  });

  test('a filgrastim administration ending 2026-02-31 is left out with the course it would have ended', () => {
    const r = ingested(febrileNeutropenia('febrile-neutropenia-admin-14', ({ effectiveDateTime: _, ...m }) => ({
      ...m, effectivePeriod: { start: '2026-02-28', end: '2026-02-31' },
    })));
    expect(r.case.treatments?.map((t) => t.kind)).toEqual(['induction']);
    expect(r.report.unmapped.find((n) => n.resource === 'MedicationAdministration/febrile-neutropenia-admin-14')?.why).toMatch(/^end refused by the contract \(expected a calendar date/);
  });

  test('twin: ending 2026-02-28, it is its own supportive course', () => {
    const r = ingested(febrileNeutropenia());
    expect(r.case.treatments?.map((t) => t.kind)).toEqual(['induction', 'supportive']);
  });
});

describe('FHIR: Bundles nested in Bundles', () => {
  const nest = (depth: number): Bundle => {
    let b = febrileNeutropenia();
    for (let d = 0; d < depth; d += 1) b = { resourceType: 'Bundle', entry: [{ resource: b as unknown as Resource }] };
    return b;
  };

  test('a Bundle nested 20,000 deep does not overflow the stack: it is reported and not read', () => {
    const r = ingestBundle(nest(20_000), { asOf: AS_OF });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['Patient.birthDate']);
  });

  test(`twin: nested ${MAX_BUNDLE_DEPTH} deep it is read whole`, () => {
    const r = ingested(nest(MAX_BUNDLE_DEPTH));
    expect(r.case.labs?.length).toBe(9);
  });

  test(`a Bundle ${MAX_BUNDLE_DEPTH + 1} Bundles deep inside a readable one is named in the ingest report`, () => {
    const outer = febrileNeutropenia();
    let chain: Resource = { resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Observation', id: 'deep' } }] };
    for (let d = 1; d < MAX_BUNDLE_DEPTH + 1; d += 1) chain = { resourceType: 'Bundle', entry: [{ resource: chain }] };
    const r = ingested({ ...outer, entry: [...outer.entry, { resource: chain }] });
    expect(r.report.unmapped.filter((n) => n.why.startsWith('a Bundle nested'))).toEqual([{
      resource: `[0].entry[${outer.entry.length}]${'.entry[0]'.repeat(MAX_BUNDLE_DEPTH)}`,
      why: `a Bundle nested more than ${MAX_BUNDLE_DEPTH} Bundles deep: not read`,
    }]);
  });
});

describe('a leading byte order mark (UTF-8 as some editors save it)', () => {
  const text = '{"id":"bom","asOf":"2026-03-02","patient":{"ageYears":47,"sex":"female"}}';

  test('a case file that starts with U+FEFF is read, as the HTTP API reads it', () => {
    const parsed = parseCaseJson(`\uFEFF${text}`);
    expect(parsed.ok ? parsed.value.id : parsed.issues.map((i) => i.message)).toBe('bom');
  });

  test('a FHIR Bundle that starts with U+FEFF is still read as a Bundle by the CLI', () => {
    const parsed = parseJson(`\uFEFF${readFileSync(new URL('febrile-neutropenia.bundle.json', FIXTURES), 'utf8')}`);
    expect(parsed.ok ? (parsed.value as Resource)['resourceType'] : 'refused').toBe('Bundle');
  });

  test('twin: a byte order mark anywhere else is not JSON', () => {
    const parsed = parseCaseJson(` \uFEFF${text}`);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toEqual(['(root)']);
  });
});

describe('an issue quotes a short piece of what it found, never all of it', () => {
  const giant = 'u'.repeat(1_000_000);

  test('a lab unit of 1,000,000 characters is quoted as its first 57 and "..."', () => {
    const [issue] = issuesOf({ ...VALID, labs: [{ test: 'wbc', value: 5, unit: giant, date: '2026-03-01' }] });
    expect(issue).toMatchObject({ path: 'labs[0].unit', found: `"${'u'.repeat(57)}..."` });
    expect(issue?.message.length).toBeLessThan(200);
  });

  test('twin: a short wrong unit is quoted whole', () => {
    expect(issuesOf({ ...VALID, labs: [{ test: 'wbc', value: 5, unit: 'g/dL', date: '2026-03-01' }] })[0]?.found).toBe('"g/dL"');
  });

  test('a FHIR Patient.birthDate or resourceType of 1,000,000 characters likewise', () => {
    const withBirthDate = ingestBundle({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Patient', birthDate: giant } }] }, { asOf: AS_OF });
    const withType = ingestBundle({ resourceType: giant }, { asOf: AS_OF });
    expect([withBirthDate, withType].map((r) => (r.ok ? 'read' : r.issues[0]?.found))).toEqual([`"${'u'.repeat(57)}..."`, `"${'u'.repeat(57)}..."`]);
  });
});

describe('a date that is not a calendar day gets one issue, and is compared with nothing', () => {
  const messages = (input: unknown) => issuesOf(input).map((i) => i.message);

  test('birthDate "yesterday" is not a calendar date, and not also "after asOf"', () => {
    expect(messages({ ...VALID, patient: { ageYears: 47, birthDate: 'yesterday', sex: 'female' } }))
      .toEqual(['patient.birthDate: expected a calendar date YYYY-MM-DD, found "yesterday"']);
  });

  test('a treatment ending 2026-01-32 is not a calendar date, and not also "before its start"', () => {
    expect(messages({ ...VALID, treatments: [{ kind: 'induction', start: '2026-02-01', end: '2026-01-32' }] }))
      .toEqual(['treatments[0].end: expected a calendar date YYYY-MM-DD, found "2026-01-32"']);
  });

  test('a lab date of 100 "x" is one issue, quoting 57 of them', () => {
    expect(messages({ ...VALID, labs: [{ test: 'wbc', value: 5, unit: '10*9/L', date: 'x'.repeat(100) }] }))
      .toEqual([`labs[0].date: expected a calendar date YYYY-MM-DD, found "${'x'.repeat(57)}..."`]);
  });

  test('twin: real days are still compared: a birth date after asOf, a treatment ending before its start', () => {
    expect(messages({ ...VALID, patient: { birthDate: '2026-03-03', sex: 'female' }, treatments: [{ kind: 'induction', start: '2026-02-01', end: '2026-01-31' }] })).toEqual([
      'patient.birthDate: expected a date on or before asOf 2026-03-02, found "2026-03-03"',
      'treatments[0].end: expected a date on or after start 2026-02-01, found "2026-01-31"',
    ]);
  });
});

describe('FHIR: more than one Patient', () => {
  const patients = (ids: readonly string[]) => ({ resourceType: 'Bundle', entry: ids.map((id) => ({ resource: { resourceType: 'Patient', id, birthDate: '1980-01-01' } })) });

  test('twelve Patients with ids of 10,000 characters are named by count and three shortened keys', () => {
    const r = ingestBundle(patients(Array.from({ length: 12 }, (_, i) => `${i}${'p'.repeat(10_000)}`)), { asOf: AS_OF });
    const found = r.ok ? '' : r.issues[0]?.found ?? '';
    expect(found).toBe(`12 (Patient/0${'p'.repeat(28)}..., Patient/1${'p'.repeat(28)}..., Patient/2${'p'.repeat(28)}..., …)`);
  });

  test('twin: two Patients are named whole', () => {
    const r = ingestBundle(patients(['a', 'b']), { asOf: AS_OF });
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual(['Patient: expected one Patient resource, found 2 (Patient/a, Patient/b)']);
  });
});
