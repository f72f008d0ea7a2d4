/** Stem cell transplant: allogeneic in first remission for Ph-positive or high-risk disease, and after relapse. */
import { describe, expect, test } from 'vitest';
import {
  PH_POSITIVE_GENETICS, T_MARKERS, actionsOf, course, daysBefore, evaluateCase, expectAlert, expectMissingBy,
  expectNoAlert, expectNoRec, expectRec, inRemission, refractory, relapsedBAll, secondRemission, withCourses,
} from './builders.js';
import type { Case } from '../../../src/index.js';

type Donor = NonNullable<Case['transplant']>['donor'];

/** Ph-positive B-ALL in first remission (due for consolidation), aged `age`, with `donor`. */
const phFirstRemission = (age: number, donor?: Donor) => inRemission('consolidation', {
  patient: { ageYears: age, sex: 'male' },
  genetics: [...PH_POSITIVE_GENETICS],
  ...(donor === undefined ? {} : { transplant: { donor } }),
});

describe('allogeneic transplant in first remission', () => {
  // pdq-adult-all-treatment-hp: "allogeneic bone marrow transplant should be considered because remissions are generally short"
  test('Ph-positive ALL in first remission, age 40, with a matched sibling is offered allogeneic transplant', () => {
    const ev = evaluateCase(phFirstRemission(40, 'matched-sibling'));
    const rec = expectRec(ev, 'rec-allogeneic-hsct-first-remission');
    expect(rec.action).toBe('allogeneic-hsct');
    expect(rec.priority).toBe('routine');
  });

  // pdq-adult-all-treatment-hp: "patient is younger than 55 years, bone marrow transplant may be considered"
  test('the same patient at 55 is not offered allogeneic transplant', () => {
    const ev = evaluateCase(phFirstRemission(55, 'matched-sibling'));
    expectNoRec(ev, 'rec-allogeneic-hsct-first-remission');
    expect(actionsOf(ev)).not.toContain('allogeneic-hsct');
  });

  // pdq-adult-all-treatment-hp: "patient is younger than 55 years, bone marrow transplant may be considered"
  test('at 54 the Ph-positive patient with a donor is still offered allogeneic transplant', () => {
    expectRec(evaluateCase(phFirstRemission(54, 'matched-unrelated')), 'rec-allogeneic-hsct-first-remission');
  });

  // pdq-adult-all-treatment-hp: "Allogeneic BMT results in the lowest incidence of leukemic relapse"
  test('standard-risk Ph-negative first remission with a donor is not offered allogeneic transplant', () => {
    const ev = evaluateCase(inRemission('consolidation', { transplant: { donor: 'matched-sibling' } }));
    expect(ev.risk.group).toBe('standard');
    expectNoRec(ev, 'rec-allogeneic-hsct-first-remission');
  });

  // acs-about-all: "detect even the smallest amount of leukemia left after treatment"
  test('Ph-negative first remission with MRD 0.05% (high risk) and a donor is offered allogeneic transplant', () => {
    const ev = evaluateCase(inRemission('consolidation', {
      transplant: { donor: 'matched-sibling' }, mrd: [{ date: daysBefore(32), percent: 0.05, method: 'flow' }],
    }));
    expect(ev.risk.group).toBe('high');
    expectRec(ev, 'rec-allogeneic-hsct-first-remission');
  });

  // pdq-adult-all-treatment-hp: "avoid transfusions with blood products from a potential donor"
  test('with no donor search on record, no transplant is offered and HLA typing is named as missing', () => {
    const ev = evaluateCase(phFirstRemission(40));
    expect(actionsOf(ev)).not.toContain('allogeneic-hsct');
    expect(expectMissingBy(ev, 'rec-allogeneic-hsct-first-remission').action).toBe('hla-typing');
  });

  // pdq-adult-all-treatment-patient: "tests will continue to be done from time to time"
  test('after an allogeneic transplant in first remission (follow-up), it is not offered again', () => {
    const base = phFirstRemission(40, 'matched-sibling');
    const ev = evaluateCase(withCourses(base, course('allogeneic-hsct', 20, { end: daysBefore(10) })));
    expect(ev.phase).toBe('follow-up');
    expectNoRec(ev, 'rec-allogeneic-hsct-first-remission');
  });
});

describe('autologous transplant without a donor', () => {
  // acs-treating-all: "An autologous transplant may be an option for patients who"
  test('Ph-positive first remission with no donor is offered autologous transplant to consider, and no allogeneic one', () => {
    const ev = evaluateCase(phFirstRemission(40, 'none'));
    const rec = expectRec(ev, 'rec-autologous-hsct-no-donor');
    expect(rec.action).toBe('autologous-hsct');
    expect(rec.priority).toBe('consider');
    expectNoRec(ev, 'rec-allogeneic-hsct-first-remission');
  });

  // acs-treating-all: "An autologous transplant may be an option for patients who"
  test('with a matched sibling, autologous transplant is not proposed', () => {
    expectNoRec(evaluateCase(phFirstRemission(40, 'matched-sibling')), 'rec-autologous-hsct-no-donor');
  });
});

describe('allogeneic transplant after reinduction', () => {
  // pdq-adult-all-treatment-hp: "These patients should be considered for reinduction chemotherapy followed by allogeneic BMT"
  test('relapsed ALL at 40 with a haploidentical donor is offered allogeneic transplant after reinduction', () => {
    const ev = evaluateCase(relapsedBAll('late-first', { patient: { ageYears: 40, sex: 'female' }, transplant: { donor: 'haploidentical' } }));
    const rec = expectRec(ev, 'rec-allogeneic-hsct-after-reinduction');
    expect(rec.action).toBe('allogeneic-hsct');
    expectNoRec(ev, 'rec-allogeneic-hsct-first-remission');
  });

  // pdq-adult-all-treatment-hp: "patient is younger than 55 years, bone marrow transplant may be considered"
  test('relapsed ALL at 60 with a donor is not offered allogeneic transplant', () => {
    const ev = evaluateCase(relapsedBAll('late-first', { patient: { ageYears: 60, sex: 'female' }, transplant: { donor: 'matched-sibling' } }));
    expectNoRec(ev, 'rec-allogeneic-hsct-after-reinduction');
  });

  // pdq-adult-all-treatment-hp: "These patients should be considered for reinduction chemotherapy followed by allogeneic BMT"
  test('relapsed ALL with no donor search on record gets no transplant and urgent HLA typing', () => {
    const ev = evaluateCase(refractory());
    expectNoRec(ev, 'rec-allogeneic-hsct-after-reinduction');
    const m = expectMissingBy(ev, 'rec-allogeneic-hsct-after-reinduction');
    expect(m.action).toBe('hla-typing');
    expect(m.priority).toBe('urgent');
  });

  // pdq-adult-all-treatment-hp: "These patients should be considered for reinduction chemotherapy followed by allogeneic BMT"
  test('in second remission after reinduction, age 30 with a matched sibling, allogeneic transplant is offered now', () => {
    const ev = evaluateCase(secondRemission({ transplant: { donor: 'matched-sibling' } }));
    expect(ev.status).toBe('remission');
    expect(expectRec(ev, 'rec-allogeneic-hsct-after-reinduction').action).toBe('allogeneic-hsct');
    expectAlert(ev, 'alert-avoid-donor-transfusion');
  });

  // pdq-adult-all-treatment-hp: "patient is younger than 55 years, bone marrow transplant may be considered"
  test('in second remission at 58 with a matched sibling, no transplant and no donor-transfusion warning', () => {
    const ev = evaluateCase(secondRemission({ transplant: { donor: 'matched-sibling' }, patient: { ageYears: 58, sex: 'female' } }));
    expectNoRec(ev, 'rec-allogeneic-hsct-after-reinduction');
    expectNoAlert(ev, 'alert-avoid-donor-transfusion');
  });

  // pdq-adult-all-treatment-hp: "These patients should be considered for reinduction chemotherapy followed by allogeneic BMT"
  test('in second remission with no donor search on record, HLA typing is urgent', () => {
    const m = expectMissingBy(evaluateCase(secondRemission()), 'rec-allogeneic-hsct-after-reinduction');
    expect(m.action).toBe('hla-typing');
    expect(m.priority).toBe('urgent');
  });

  // acs-treating-all: "focus of treatment may shift to controlling the leukemia"
  test('a relapsed patient with a donor who declines intensive therapy is not offered a transplant', () => {
    const ev = evaluateCase(relapsedBAll('late-first', { transplant: { donor: 'matched-sibling' }, preferences: { declinesIntensiveTherapy: true } }));
    expectNoRec(ev, 'rec-allogeneic-hsct-after-reinduction');
  });
});

describe('no transfusions from a potential donor while transplant is considered', () => {
  // pdq-adult-all-treatment-hp: "avoid transfusions with blood products from a potential donor"
  test('Ph-positive first remission with a donor raises the avoid-donor-transfusion warning', () => {
    const a = expectAlert(evaluateCase(phFirstRemission(40, 'matched-sibling')), 'alert-avoid-donor-transfusion');
    expect(a.action).toBe('avoid-donor-transfusion');
    expect(a.severity).toBe('warning');
  });

  // pdq-adult-all-treatment-hp: "avoid transfusions with blood products from a potential donor"
  test('while the donor search is still open, the warning already applies', () => {
    expectAlert(evaluateCase(phFirstRemission(40)), 'alert-avoid-donor-transfusion');
  });

  // pdq-adult-all-treatment-hp: "avoid transfusions with blood products from a potential donor"
  test('relapsed ALL with a donor, under 55, raises the warning', () => {
    expectAlert(evaluateCase(relapsedBAll('late-first', { transplant: { donor: 'matched-unrelated' } })), 'alert-avoid-donor-transfusion');
  });

  // pdq-adult-all-treatment-hp: "avoid transfusions with blood products from a potential donor"
  test('at 55 (no transplant considered) there is no avoid-donor-transfusion warning', () => {
    expectNoAlert(evaluateCase(phFirstRemission(55, 'matched-sibling')), 'alert-avoid-donor-transfusion');
  });

  // pdq-adult-all-treatment-hp: "avoid transfusions with blood products from a potential donor"
  test('without any donor (search done, none found) there is no avoid-donor-transfusion warning', () => {
    expectNoAlert(evaluateCase(phFirstRemission(40, 'none')), 'alert-avoid-donor-transfusion');
  });

  // pdq-adult-all-treatment-hp: "avoid transfusions with blood products from a potential donor"
  test('standard-risk first remission (no transplant considered) raises no warning', () => {
    expectNoAlert(evaluateCase(inRemission('consolidation', { transplant: { donor: 'matched-sibling' } })), 'alert-avoid-donor-transfusion');
  });
});

describe('referral to an experienced center', () => {
  // pdq-adult-all-treatment-hp: "five or fewer transplants annually usually have poorer results"
  test('a transplant candidate in first remission is referred to an experienced center', () => {
    const rec = expectRec(evaluateCase(phFirstRemission(40, 'matched-sibling')), 'rec-experienced-center');
    expect(rec.action).toBe('experienced-center-referral');
    expect(rec.category).toBe('referral');
  });

  // acs-treating-all: "needs to be given in a medical center that has special training"
  test('relapsed B-ALL at 60 (CAR-T candidate, no transplant) is referred to an experienced center', () => {
    expectRec(evaluateCase(relapsedBAll('late-first', { patient: { ageYears: 60, sex: 'female' } })), 'rec-experienced-center');
  });

  // pdq-adult-all-treatment-hp: "five or fewer transplants annually usually have poorer results"
  test('standard-risk first remission is not referred', () => {
    expectNoRec(evaluateCase(inRemission('consolidation', { transplant: { donor: 'matched-sibling' } })), 'rec-experienced-center');
  });

  // acs-treating-all: "needs to be given in a medical center that has special training"
  test('relapsed T-ALL at 60 (no transplant, no CAR-T) is not referred', () => {
    const ev = evaluateCase(relapsedBAll('late-first', { patient: { ageYears: 60, sex: 'female' }, immunophenotype: { markers: T_MARKERS } }));
    expectNoRec(ev, 'rec-experienced-center');
  });
});
