// The demo cohort: synthetic cases whose mix follows the sources. PDQ Table 1 (facts.md §3.1,
// §10): early B-cell lineage 80%, T cells 10%–15%, B cells with surface immunoglobulins <5%.
// Ph: about 20% of adults (PDQ), about 1 in 4 (ACS) (facts.md §3.5).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEMO_AS_OF, demoCase, demoCases, isDemoId } from '../../src/demo/index.js';
import { daysBetween, evaluate, extractFacts, parseCase, type Case, type Evaluation } from '../../src/index.js';

const COUNT = 1000;

function share(evaluations: readonly Evaluation[], pick: (e: Evaluation) => boolean): number {
  return evaluations.filter(pick).length / evaluations.length;
}

describe.each([1, 2, 3])('a cohort of 1000 for seed %i', (seed) => {
  let cases: Case[];
  let evaluations: Evaluation[];

  beforeAll(() => {
    cases = demoCases(COUNT, seed);
    evaluations = cases.map((c) => evaluate(c));
  });

  test('every case is a valid contract case', () => {
    const invalid = cases.flatMap((c) => {
      const r = parseCase(c);
      return r.ok ? [] : [`${c.id}: ${r.issues.map((i) => i.message).join('; ')}`];
    });
    expect(invalid).toEqual([]);
  });

  test('ids run demo-0001, demo-0002, … and are unique', () => {
    expect(cases.slice(0, 3).map((c) => c.id)).toEqual(['demo-0001', 'demo-0002', 'demo-0003']);
    expect(cases.at(-1)?.id).toBe('demo-1000');
    expect(new Set(cases.map((c) => c.id)).size).toBe(COUNT);
    expect(cases.every((c) => isDemoId(c.id) && c.asOf === DEMO_AS_OF)).toBe(true);
  });

  test('every patient is an adult of 18 to 80', () => {
    const ages = cases.map((c) => extractFacts(c).ageYears);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(80);
    expect(ages.filter((a) => a >= 60).length).toBeGreaterThan(COUNT * 0.15);
  });

  test('every case is ALL as the engine reads it', () => {
    expect(share(evaluations, (e) => e.diagnosis.leukemia === 'ALL')).toBe(1);
  });

  test('about 80% precursor B, 10–15% T, under 5% mature B (Burkitt)', () => {
    expect(share(evaluations, (e) => e.diagnosis.subtype === 'precursor-B')).toBeGreaterThanOrEqual(0.75);
    expect(share(evaluations, (e) => e.diagnosis.subtype === 'precursor-B')).toBeLessThanOrEqual(0.88);
    expect(share(evaluations, (e) => e.diagnosis.subtype === 'T')).toBeGreaterThanOrEqual(0.1);
    expect(share(evaluations, (e) => e.diagnosis.subtype === 'T')).toBeLessThanOrEqual(0.15);
    expect(share(evaluations, (e) => e.diagnosis.subtype === 'mature-B-burkitt')).toBeGreaterThan(0.01);
    expect(share(evaluations, (e) => e.diagnosis.subtype === 'mature-B-burkitt')).toBeLessThan(0.05);
  });

  test('Ph-positive in about a fifth to a quarter of tested adults, all of them B-lineage', () => {
    const tested = evaluations.filter((e) => e.diagnosis.philadelphia !== 'unknown');
    expect(share(tested, (e) => e.diagnosis.philadelphia === 'positive')).toBeGreaterThanOrEqual(0.2);
    expect(share(tested, (e) => e.diagnosis.philadelphia === 'positive')).toBeLessThanOrEqual(0.3);
    const positives = evaluations.filter((e) => e.diagnosis.philadelphia === 'positive');
    expect(positives.every((e) => e.diagnosis.lineage === 'B')).toBe(true);
  });

  test('most B cases have a molecular BCR::ABL1 result; some are left untested', () => {
    const b = cases.filter((_, i) => evaluations[i]?.diagnosis.lineage === 'B');
    const molecular = b.filter((c) => c.genetics?.some((g) => g.finding === 'BCR::ABL1' && g.method !== 'karyotype'));
    expect(molecular.length / b.length).toBeGreaterThan(0.8);
    expect(molecular.length / b.length).toBeLessThan(1);
    expect(share(evaluations, (e) => e.diagnosis.philadelphia === 'unknown')).toBeGreaterThan(0.02);
  });

  test('patients stand at every step: untreated, on induction, in remission, relapsed, refractory', () => {
    for (const status of ['untreated', 'on-induction', 'remission', 'recurrent', 'refractory'] as const) {
      expect(share(evaluations, (e) => e.status === status), status).toBeGreaterThan(0.05);
    }
    for (const phase of ['consolidation', 'maintenance', 'follow-up'] as const) {
      expect(share(evaluations, (e) => e.status === 'remission' && e.phase === phase), phase).toBeGreaterThan(0.05);
    }
    expect(share(evaluations, (e) => e.status === 'unknown')).toBe(0);
  });

  test('some have febrile neutropenia, some a transplant donor, some MRD results', () => {
    expect(share(evaluations, (e) => e.alerts.some((a) => a.id === 'alert-febrile-neutropenia'))).toBeGreaterThan(0.05);
    expect(cases.filter((c) => c.transplant !== undefined && c.transplant.donor !== 'unknown').length).toBeGreaterThan(COUNT * 0.2);
    expect(cases.filter((c) => (c.mrd ?? []).length > 0).length).toBeGreaterThan(COUNT * 0.3);
    expect(cases.filter((c) => c.treatments?.some((t) => t.kind === 'allogeneic-hsct')).length).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  test('the same seed gives the same cases', () => {
    expect(demoCases(50, 7)).toEqual(demoCases(50, 7));
  });

  test('another seed gives other cases', () => {
    const a = demoCases(50, 7).map((c) => JSON.stringify(c));
    const b = new Set(demoCases(50, 8).map((c) => JSON.stringify(c)));
    expect(a.filter((c) => b.has(c))).toEqual([]);
  });

  test('the first cases of a larger cohort are the smaller cohort', () => {
    expect(demoCases(120, 7).slice(0, 20)).toEqual(demoCases(20, 7));
    expect(demoCase(19, 7)).toEqual(demoCases(20, 7)[19]);
  });

  test('every date counts back from the asOf passed in', () => {
    const a = demoCase(3, 11, '2026-03-02');
    const b = demoCase(3, 11, '2027-01-15');
    expect(b.asOf).toBe('2027-01-15');
    expect(b.diagnosisDate).toBeDefined();
    expect(daysBetween(a.diagnosisDate ?? '', b.diagnosisDate ?? '')).toBe(daysBetween(a.asOf, b.asOf));
    expect(parseCase(b).ok).toBe(true);
  });
});

describe('the demo is data, not clinical logic', () => {
  // The generator must not decide recommendations: it sees the contract only, never the engine or knowledge.
  const dir = join(import.meta.dirname, '..', '..', 'src', 'demo');
  test.each(readdirSync(dir).filter((f) => f.endsWith('.ts')))('%s imports only the contract and the demo', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1] ?? '');
    expect(imports.filter((s) => !s.startsWith('./') && s !== '../contract/index.js')).toEqual([]);
  });
});
