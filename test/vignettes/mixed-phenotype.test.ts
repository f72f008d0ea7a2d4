// pdq-adult-all-treatment-hp: "Proper diagnosis is crucial because of the difference in prognosis"
// MPO-positive blasts that also carry lymphoid-lineage markers are mixed-phenotype acute
// leukemia (WHO; outside the sources): not called ALL, so no ALL therapy is proposed.
import { describe, expect, test } from 'vitest';
import { B_MARKERS, evaluateCase, untreatedBAll } from './builders.js';

describe('mixed phenotype', () => {
  test('MPO-positive blasts with B-lineage markers are not called ALL', () => {
    const ev = evaluateCase(untreatedBAll({ immunophenotype: { markers: { ...B_MARKERS, MPO: 'positive' } } }));
    expect(ev.diagnosis.leukemia).toBe('unknown');
    expect(ev.recommendations.map((r) => r.action)).not.toContain('induction-chemotherapy');
  });

  test('the same blasts without MPO are B-lineage ALL with induction', () => {
    const ev = evaluateCase(untreatedBAll({ immunophenotype: { markers: { ...B_MARKERS, MPO: 'negative' } } }));
    expect(ev.diagnosis.leukemia).toBe('ALL');
    expect(ev.recommendations.map((r) => r.action)).toContain('induction-chemotherapy');
  });
});
