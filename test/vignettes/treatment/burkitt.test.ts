/** Mature B-cell (Burkitt-type) ALL: a brief, high-intensity lymphoma-like regimen, not standard ALL induction. */
import { describe, expect, test } from 'vitest';
import {
  evaluateCase, expectNoRec, expectRec, inRemission, markers, untreatedBAll, untreatedBurkitt,
} from './builders.js';

describe('the Burkitt regimen', () => {
  // pdq-adult-all-treatment-hp: "is not usually cured with typical ALL regimens"
  test('untreated Burkitt-type ALL gets the Burkitt regimen and not standard induction chemotherapy', () => {
    const ev = evaluateCase(untreatedBurkitt());
    expect(ev.diagnosis.subtype).toBe('mature-B-burkitt');
    const rec = expectRec(ev, 'rec-burkitt-regimen');
    expect(rec.action).toBe('burkitt-regimen');
    expect(rec.priority).toBe('urgent');
    expect(rec.agents).toContain('cyclophosphamide');
    expectNoRec(ev, 'rec-induction-chemotherapy');
    expectNoRec(ev, 'rec-dose-reduced-induction');
  });

  // pdq-adult-all-treatment-hp: "is not usually cured with typical ALL regimens"
  test('the same B-lineage leukemia with TdT and CD34 positive (precursor B) gets standard induction, not the Burkitt regimen', () => {
    const ev = evaluateCase(untreatedBurkitt(markers({ TdT: 'positive', CD34: 'positive', sIg: 'negative' })));
    expect(ev.diagnosis.subtype).toBe('precursor-B');
    expectNoRec(ev, 'rec-burkitt-regimen');
    expectRec(ev, 'rec-induction-chemotherapy');
  });

  // pdq-adult-all-treatment-hp: "Aggressive CNS prophylaxis remains a prominent component of treatment"
  test('Burkitt-type ALL is offered CNS prophylaxis with the regimen', () => {
    const ev = evaluateCase(untreatedBurkitt());
    expectRec(ev, 'rec-cns-prophylaxis');
  });

  // acs-treating-all: "focus of treatment may shift to controlling the leukemia"
  test('a Burkitt-type patient who declines intensive therapy is not offered the high-intensity regimen', () => {
    const ev = evaluateCase(untreatedBurkitt({ preferences: { declinesIntensiveTherapy: true } }));
    expectNoRec(ev, 'rec-burkitt-regimen');
    expectRec(ev, 'rec-palliative-care');
  });

  // pdq-adult-all-treatment-hp: "75% complete response rate; 40% failure-free survival rate"
  test('precursor B-ALL is never offered the Burkitt regimen', () => {
    expectNoRec(evaluateCase(untreatedBAll()), 'rec-burkitt-regimen');
  });

  // pdq-adult-all-treatment-hp: "is not usually cured with typical ALL regimens"
  test('precursor B-ALL in remission is not offered the Burkitt regimen', () => {
    expectNoRec(evaluateCase(inRemission('consolidation')), 'rec-burkitt-regimen');
  });
});
