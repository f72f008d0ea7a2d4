/** Remission induction for untreated ALL: full-dose for the fit, dose-reduced for the older or unfit. */
import { describe, expect, test } from 'vitest';
import {
  evaluateCase, expectAlert, expectMissingBy, expectNoRec, expectRec, markers, onInduction, untreatedBAll, untreatedTAll,
} from './builders.js';

describe('full-dose induction for the fit adult', () => {
  // pdq-adult-all-treatment-hp: "combination chemotherapy with prednisone, vincristine, and an anthracycline"
  test('a fit 30-year-old with untreated precursor B-ALL is offered urgent induction with vincristine, a steroid and an anthracycline', () => {
    const ev = evaluateCase(untreatedBAll());
    const rec = expectRec(ev, 'rec-induction-chemotherapy');
    expect(rec.action).toBe('induction-chemotherapy');
    expect(rec.priority).toBe('urgent');
    expect(rec.agents).toEqual(expect.arrayContaining(['vincristine', 'prednisone', 'daunorubicin']));
    expectNoRec(ev, 'rec-dose-reduced-induction');
  });

  // acs-treating-all: "Induction chemo usually lasts for a month or so"
  test('a patient already on induction is not offered induction again', () => {
    const ev = evaluateCase(onInduction());
    expect(ev.status).toBe('on-induction');
    expectNoRec(ev, 'rec-induction-chemotherapy');
    expectNoRec(ev, 'rec-dose-reduced-induction');
  });

  // acs-treating-all: "For people who are older (typically over 65)"
  test('a fit 65-year-old (not over 65) is still offered full-dose induction', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { ageYears: 65, sex: 'male' } }));
    expectRec(ev, 'rec-induction-chemotherapy');
    expectNoRec(ev, 'rec-dose-reduced-induction');
  });

  // facts.md §5.4 (EXT-10): unfit = ECOG 2 or more; an ECOG the case does not state does not count
  test('a 40-year-old with no ECOG on record is offered full-dose induction, not a reduced one', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { ageYears: 40, sex: 'male' }, performance: undefined }));
    expectRec(ev, 'rec-induction-chemotherapy');
    expectNoRec(ev, 'rec-dose-reduced-induction');
  });

  // pdq-adult-all-treatment-hp: "has shown high cure rates when treated with cyclophosphamide-containing regimens"
  test('untreated T-ALL is offered the same induction (with cyclophosphamide added by the T-cell rule)', () => {
    const ev = evaluateCase(untreatedTAll());
    expectRec(ev, 'rec-induction-chemotherapy');
  });

  // pdq-adult-all-treatment-hp: "Flow cytometry should be performed to characterize expression of lineage-defining antigens"
  test('B-ALL whose panel cannot tell precursor from Burkitt gets no induction yet, and flow cytometry urgently', () => {
    const ev = evaluateCase(untreatedBAll(markers({ TdT: undefined, CD34: undefined, sIg: undefined })));
    expect(ev.diagnosis.subtype).toBe('unknown');
    expectNoRec(ev, 'rec-induction-chemotherapy');
    expectNoRec(ev, 'rec-burkitt-regimen');
    const m = expectMissingBy(ev, 'rec-induction-chemotherapy');
    expect(m.action).toBe('flow-cytometry');
    expect(m.priority).toBe('urgent');
  });
});

describe('dose-reduced induction for the older or unfit', () => {
  // acs-treating-all: "the doses of the drugs might need to be reduced"
  test('a 70-year-old gets dose-reduced induction instead of full-dose induction', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { ageYears: 70, sex: 'male' } }));
    const rec = expectRec(ev, 'rec-dose-reduced-induction');
    expect(rec.action).toBe('dose-reduced-induction');
    expect(rec.priority).toBe('urgent');
    expect(rec.agents).toEqual(expect.arrayContaining(['vincristine', 'prednisone']));
    expectNoRec(ev, 'rec-induction-chemotherapy');
  });

  // facts.md §5.4 (EXT-10): ECOG 2 or more counts as unfit
  test('a 40-year-old with ECOG 2 gets dose-reduced induction instead of full-dose induction', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { ageYears: 40, sex: 'male' }, performance: { ecog: 2 } }));
    expectRec(ev, 'rec-dose-reduced-induction');
    expectNoRec(ev, 'rec-induction-chemotherapy');
  });

  // acs-treating-all: "who have other serious health conditions, many of the same drugs"
  test('a 40-year-old with heart failure on record gets dose-reduced induction', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { ageYears: 40, sex: 'male' }, comorbidities: ['heart-failure'] }));
    expectRec(ev, 'rec-dose-reduced-induction');
    expectNoRec(ev, 'rec-induction-chemotherapy');
  });

  // acs-treating-all: "the doses of the drugs might need to be reduced"
  test('a fit 30-year-old who declines intensive therapy is offered reduced doses, not full-dose induction', () => {
    const ev = evaluateCase(untreatedBAll({ preferences: { declinesIntensiveTherapy: true } }));
    expectRec(ev, 'rec-dose-reduced-induction');
    expectNoRec(ev, 'rec-induction-chemotherapy');
  });

  // acs-treating-all: "the doses of the drugs might need to be reduced"
  test('a 70-year-old already on induction is not offered a dose-reduced induction on top', () => {
    const ev = evaluateCase(onInduction({ patient: { ageYears: 70, sex: 'male' } }));
    expectNoRec(ev, 'rec-dose-reduced-induction');
  });
});

describe('adults only', () => {
  // pdq-adult-all-treatment-hp: "This summary discusses ALL in adults"
  test('a 16-year-old with untreated B-ALL gets pediatric guidance and no therapy recommendation at all', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { ageYears: 16, sex: 'male' } }));
    expect(expectAlert(ev, 'alert-pediatric-guidance').action).toBe('pediatric-guidance');
    expect(ev.recommendations.filter((r) => r.category === 'therapy')).toEqual([]);
    expectNoRec(ev, 'rec-induction-chemotherapy');
  });

  // acs-treating-all: "To learn about ALL in children, see"
  test('at 18 the same patient gets the adult induction', () => {
    expectRec(evaluateCase(untreatedBAll({ patient: { ageYears: 18, sex: 'male' } })), 'rec-induction-chemotherapy');
  });
});
