// Each adult vignette exists twice: as a FHIR R4 Bundle (LOINC, SNOMED CT, ICD-10-CM, RxNorm,
// UCUM units as a hospital would send them) and as a contract case written in contract terms.
// Ingesting the Bundle must give the same clinical answer as the case: diagnosis, status, phase,
// risk group, and the same recommendation, alert and missing-test actions.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluateFhir } from '../../src/fhir/evaluate-fhir.js';
import { ingestBundle } from '../../src/fhir/ingest.js';
import { evaluate, parseCase, type Evaluation } from '../../src/index.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'fhir');
const read = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), 'utf8'));
const VIGNETTES = readdirSync(DIR).filter((f) => f.endsWith('.bundle.json')).map((f) => f.replace('.bundle.json', '')).sort();

/** The clinical answer: what a twin must agree on (not ids or wording of the ingest report). */
function answer(ev: Evaluation) {
  const actions = (xs: readonly { action: string }[]) => [...new Set(xs.map((x) => x.action))].sort();
  const { leukemia, lineage, subtype, philadelphia, kmt2a } = ev.diagnosis;
  return {
    diagnosis: { leukemia, lineage, subtype, philadelphia, kmt2a },
    status: ev.status,
    phase: ev.phase,
    risk: ev.risk.group,
    recommendations: actions(ev.recommendations),
    alerts: actions(ev.alerts),
    missing: actions(ev.missing),
  };
}

function twinOf(name: string) {
  const parsed = parseCase(read(`${name}.case.json`));
  if (!parsed.ok) throw new Error(`twin ${name} is not a valid case: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.value;
}

function fromFhir(name: string, asOf: string, caseId: string): Evaluation {
  const r = evaluateFhir(read(`${name}.bundle.json`), { asOf, caseId });
  if (!r.ok) throw new Error(`bundle ${name} did not ingest: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.evaluation;
}

describe('FHIR vignettes and their contract twins', () => {
  test('there are at least 12 vignettes, each with a twin', () => {
    expect(VIGNETTES.length).toBeGreaterThanOrEqual(12);
    for (const name of VIGNETTES) expect(() => twinOf(name)).not.toThrow();
  });

  test.each(VIGNETTES)('%s: the Bundle evaluates as its contract twin does', (name) => {
    const twin = twinOf(name);
    const viaFhir = fromFhir(name, twin.asOf, twin.id);
    expect(answer(viaFhir)).toEqual(answer(evaluate(twin)));
  });

  test.each(VIGNETTES)('%s: every resource of the Bundle contributes, with no warning', (name) => {
    const twin = twinOf(name);
    const r = ingestBundle(read(`${name}.bundle.json`), { asOf: twin.asOf });
    if (!r.ok) throw new Error('not ingested');
    expect(r.report.unmapped).toEqual([]);
    expect(r.report.warnings).toEqual([]);
    expect(r.report.mapped).toBe(r.report.resources);
  });

  test('the comparison can fail: the Ph+ Bundle without its BCR::ABL1 result no longer matches its twin', () => {
    const twin = twinOf('ph-positive');
    const full = read('ph-positive.bundle.json') as { entry: { resource: { component?: { valueCodeableConcept?: { coding?: { code?: string }[] } }[] } }[] };
    const isBcrAbl1 = (e: (typeof full.entry)[number]) =>
      (e.resource.component ?? []).some((c) => c.valueCodeableConcept?.coding?.[0]?.code === 'HGNC:1014');
    const without = { ...full, entry: full.entry.filter((e) => !isBcrAbl1(e)) };
    expect(without.entry.length).toBe(full.entry.length - 1);
    const r = evaluateFhir(without, { asOf: twin.asOf, caseId: twin.id });
    if (!r.ok) throw new Error('not evaluated');
    expect(r.evaluation.diagnosis.philadelphia).toBe('unknown');
    expect(answer(r.evaluation)).not.toEqual(answer(evaluate(twin)));
  });
});
