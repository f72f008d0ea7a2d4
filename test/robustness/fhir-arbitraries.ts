/**
 * (c) FHIR Bundles for the robustness properties: the ingest fixtures
 * (test/fixtures/fhir/*.bundle.json, test/fixtures/server/*.bundle.json) and Bundles that
 * caseToBundle (src/fhir/case-bundle.ts) writes from valid cases; each with
 * mutations a hospital feed can produce: resources dropped or duplicated, codes swapped between
 * resources, units changed, dates moved past asOf or cut short, wrong types, a missing or foreign
 * subject, a second Patient, giant strings, Bundles nested in Bundles; and the generic JSON
 * mutations of mutations.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { caseToBundle } from '../../src/fhir/case-bundle.js';
import { dayNumber, isoDay, validCase } from './arbitraries.js';
import { applyMutation, mutationArb, nodesOf, updateAt, type Json, type Mutation, type Node } from './mutations.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BundleInput {
  readonly bundle: Json;
  /** The date the Bundle is read for. */
  readonly asOf: string;
}

function bundlesIn(dir: string): { readonly name: string; readonly bundle: Json }[] {
  return readdirSync(dir).filter((f) => f.endsWith('.bundle.json')).sort()
    .map((f) => ({ name: f, bundle: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Json }));
}

export const BUNDLE_FILES = [...bundlesIn(`${ROOT}test/fixtures/fhir`), ...bundlesIn(`${ROOT}test/fixtures/server`)];
/** The fixtures are written for this date. */
export const FIXTURE_AS_OF = '2026-03-02';

/** Every `code` and `system` in the fixtures: swapping them makes plausible wrong codings. */
const CODES = [...new Set(BUNDLE_FILES.flatMap((f) => nodesOf(f.bundle).filter((n) => n.path.at(-1) === 'code' && typeof n.value === 'string').map((n) => n.value as string)))];
const SYSTEMS = [...new Set(BUNDLE_FILES.flatMap((f) => nodesOf(f.bundle).filter((n) => n.path.at(-1) === 'system' && typeof n.value === 'string').map((n) => n.value as string)))];
const FHIR_UNITS = ['10*3/uL', '10*9/L', '/uL', 'g/dL', 'g/L', '%', 'mg/dL', 'umol/L', 'Cel', '[degF]', 'K', 'ms', 's', 'U/L', 'mmol/L', '', 'cells', '1'];

const FHIR_KINDS = [
  'swap-code', 'swap-system', 'unit', 'date-past-asOf', 'date-partial', 'drop-subject', 'foreign-subject', 'second-patient',
  'null-resource', 'drop-entry', 'duplicate-entry', 'nest', 'resource-type', 'giant-string',
] as const;
type FhirKind = (typeof FHIR_KINDS)[number];

export interface FhirMutation {
  readonly kind: FhirKind;
  readonly at: number;
  readonly pick: number;
  readonly size: number;
}

const pickFrom = <T>(pool: readonly T[], n: number): T => pool[n % pool.length] as T;

function targets(doc: Json, fits: (n: Node) => boolean): readonly Node[] {
  return nodesOf(doc).filter(fits);
}

const lastKey = (n: Node) => n.path.at(-1);
const isDateText = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);
const isEntryResource = (n: Node) => lastKey(n) === 'resource' && typeof n.value === 'object' && n.value !== null;

/** The document with one FHIR-shaped mutation; unchanged when it has no element of the kind. */
export function applyFhirMutation(doc: Json, m: FhirMutation, asOf: string): Json {
  const change = (fits: (n: Node) => boolean, update: (old: unknown) => unknown): Json => {
    const pool = targets(doc, fits);
    const target = pool[m.at % Math.max(pool.length, 1)];
    return target === undefined ? doc : updateAt(doc, target.path, update);
  };
  switch (m.kind) {
    case 'swap-code': return change((n) => lastKey(n) === 'code' && typeof n.value === 'string', () => pickFrom(CODES, m.pick));
    case 'swap-system': return change((n) => lastKey(n) === 'system', () => pickFrom(SYSTEMS, m.pick));
    case 'unit': return change((n) => lastKey(n) === 'unit' || (lastKey(n) === 'code' && n.path.includes('valueQuantity')), () => pickFrom(FHIR_UNITS, m.pick));
    case 'date-past-asOf': return change((n) => isDateText(n.value), () => isoDay(dayNumber(asOf) + 1 + (m.pick % 400)));
    case 'date-partial': return change((n) => isDateText(n.value), (old) => pickFrom([String(old).slice(0, 4), String(old).slice(0, 7), '2026-02-30', '2026-13-01', '2026-02-31T25:00:00Z', 'yesterday'], m.pick));
    case 'drop-subject': return change((n) => lastKey(n) === 'subject' || lastKey(n) === 'patient', () => undefined);
    case 'foreign-subject': return change((n) => lastKey(n) === 'reference', () => pickFrom(['Patient/someone-else', 'Patient/', '#', 'urn:uuid:0', 'Group/1', ''], m.pick));
    case 'second-patient': return change((n) => lastKey(n) === 'entry' && Array.isArray(n.value), (old) => [
      ...(old as unknown[]), { resource: { resourceType: 'Patient', id: `other-${m.pick % 3}`, birthDate: '1970-01-01', gender: 'male' } },
    ]);
    case 'null-resource': return change(isEntryResource, () => pickFrom([null, {}, [], 'Patient', { resourceType: 42 }, { resourceType: '' }], m.pick));
    case 'drop-entry': return change((n) => typeof lastKey(n) === 'number' && n.path.at(-2) === 'entry', () => undefined);
    case 'duplicate-entry': return change((n) => lastKey(n) === 'entry' && Array.isArray(n.value) && n.value.length > 0, (old) => {
      const list = old as unknown[];
      return [...list, list[m.pick % list.length]];
    });
    case 'nest': {
      let nested = doc;
      for (let d = 0; d < m.size; d += 1) nested = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: nested }] };
      return nested;
    }
    case 'resource-type': return change((n) => lastKey(n) === 'resourceType', () => pickFrom(['Observation', 'Patient', 'Bundle', 'patient', 'Unknown', '', 'Condition'], m.pick));
    case 'giant-string': return change((n) => typeof n.value === 'string', (old) => `${String(old)}${'9'.repeat(10_000 + (m.pick % 200_000))}`);
  }
}

const fhirMutationArb: fc.Arbitrary<FhirMutation> = fc.record({
  kind: fc.constantFrom(...FHIR_KINDS),
  at: fc.nat(),
  pick: fc.nat(),
  size: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 10, max: 20_000 }) }),
});

type AnyMutation = { readonly fhir: FhirMutation } | { readonly json: Mutation };
const anyMutationArb: fc.Arbitrary<AnyMutation> = fc.oneof(
  { weight: 3, arbitrary: fhirMutationArb.map((fhir) => ({ fhir })) },
  { weight: 1, arbitrary: mutationArb.map((json) => ({ json })) },
);

/** A fixture Bundle for its date, or a valid case written as a Bundle (caseToBundle) for the case's asOf. */
export const baseBundle: fc.Arbitrary<BundleInput> = fc.oneof(
  fc.constantFrom(...BUNDLE_FILES.map((f) => ({ bundle: f.bundle as Json, asOf: FIXTURE_AS_OF }))),
  validCase.map((c) => ({ bundle: caseToBundle(c) as Json, asOf: c.asOf })),
);

/** A Bundle with one to four mutations, read for its date or (sometimes) another. */
export const mutatedBundle: fc.Arbitrary<BundleInput> = fc.tuple(
  baseBundle,
  fc.array(anyMutationArb, { minLength: 1, maxLength: 4 }),
  fc.option(fc.integer({ min: -800, max: 800 }), { freq: 4, nil: undefined }),
).map(([base, ms, shift]) => {
  const bundle = ms.reduce((doc: Json, m) => ('fhir' in m ? applyFhirMutation(doc, m.fhir, base.asOf) : applyMutation(doc, m.json)), base.bundle);
  return { bundle, asOf: shift === undefined ? base.asOf : isoDay(dayNumber(base.asOf) + shift) };
});
