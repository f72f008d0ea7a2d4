/** Who a therapy is for, after review: labelled populations, disease-based transplant, referral, palliation. */
import { describe, expect, test } from 'vitest';
import {
  BURKITT_MARKERS, PH_POSITIVE_GENETICS, agentsFor, course, daysBefore, evaluateCase, expectNoRec, expectRec, findings,
  inRemission, relapsedBAll, untreatedBurkitt, withCourses,
} from './builders.js';

describe('labelled populations', () => {
  // pdq-adult-all-treatment-hp: "Blinatumomab is a bispecific antibody targeting CD19 and CD3"
  test('relapsed CD19-positive precursor B-ALL is offered blinatumomab', () => {
    expectRec(evaluateCase(relapsedBAll('late-first')), 'rec-blinatumomab-relapsed');
  });

  // pdq-adult-all-treatment-hp: "is not usually cured with typical ALL regimens"
  test('relapsed mature B-cell (Burkitt) ALL is not offered the precursor-B drugs', () => {
    const burkitt = relapsedBAll('late-first', {
      immunophenotype: { markers: BURKITT_MARKERS },
      marrow: [{ date: daysBefore(700), blastPercent: 85, fab: 'L3' }],
      genetics: untreatedBurkitt().genetics ?? [],
    });
    const ev = evaluateCase(burkitt);
    expect(ev.diagnosis.subtype).toBe('mature-B-burkitt');
    expectNoRec(ev, 'rec-blinatumomab-relapsed');
    expectNoRec(ev, 'rec-car-t-relapsed');
  });
});

describe('transplant in first remission rests on the disease, not on age alone', () => {
  // pdq-adult-all-treatment-hp: "allogeneic bone marrow transplant should be considered because remissions are generally short"
  test('a 45-year-old in first remission with MRD 0.5% and a sibling donor is offered a transplant', () => {
    const ev = evaluateCase(inRemission('consolidation', {
      patient: { ageYears: 45, sex: 'female' }, transplant: { donor: 'matched-sibling' },
      mrd: [{ date: daysBefore(30), percent: 0.5, method: 'flow' }],
    }));
    expect(expectRec(ev, 'rec-allogeneic-hsct-first-remission').rationale).toContain('risk-mrd-positive');
  });

  // facts.md §5.4 (EXT-12, EXT-13): age over 35 is adverse, but age also raises transplant mortality
  test('a 45-year-old in first remission whose only risk factor is age is not offered a transplant', () => {
    const ev = evaluateCase(inRemission('consolidation', { patient: { ageYears: 45, sex: 'female' }, transplant: { donor: 'matched-sibling' } }));
    expect(ev.risk.group).toBe('high');
    expectNoRec(ev, 'rec-allogeneic-hsct-first-remission');
  });
});

describe('referral, TKI, palliation', () => {
  // pdq-adult-all-treatment-hp: "should be performed by physicians experienced in these regimens"
  test('newly diagnosed Burkitt-type ALL is referred to an experienced center for its dose-intensive regimen', () => {
    expectRec(evaluateCase(untreatedBurkitt()), 'rec-experienced-center');
  });

  // acs-treating-all: "Continuing on one of these drugs can also help keep the leukemia"
  test('Ph-positive in remission on dasatinib is advised to continue dasatinib, not to start imatinib', () => {
    const ev = evaluateCase(withCourses(inRemission('consolidation', { genetics: [...PH_POSITIVE_GENETICS] }), course('tki', 40, { agents: ['dasatinib'] })));
    expect(agentsFor(ev, 'tki')).toEqual(['dasatinib']);
  });

  // acs-treating-all: "As the leukemia grows in the bone marrow it may cause pain"
  test('bone pain in a second relapse is offered palliative radiation; in a first late relapse it is not', () => {
    const second = evaluateCase(relapsedBAll('second', findings({ symptoms: ['bone-pain'] })));
    const first = evaluateCase(relapsedBAll('late-first', findings({ symptoms: ['bone-pain'] })));
    expectRec(second, 'rec-palliative-radiation');
    expectNoRec(first, 'rec-palliative-radiation');
  });
});
