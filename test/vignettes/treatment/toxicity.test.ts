/** Toxicity watch per current drug, escalated to critical when a matching symptom is present. */
import { describe, expect, test } from 'vitest';
import {
  AS_OF, KMT2A_GENETICS, PH_POSITIVE_GENETICS, T_MARKERS, course, evaluateCase, expectAlert, expectMissingBy,
  expectNoAlert, expectNoMissingBy, expectNoRec, expectRec, findings, inRemission, lab, onInduction, relapsedBAll,
  withCourses, withLabs, withoutLab,
} from './builders.js';
import type { Agent, Case } from '../../../src/index.js';

type Findings = NonNullable<Case['findings']>;

/** Relapsed B-ALL on day 3 of a reinduction with `agents`, examined today with `f`. */
const relapseOn = (agents: Agent[], f: Findings = { symptoms: ['fatigue'] }, overrides: Partial<Case> = {}) =>
  withCourses(relapsedBAll('late-first', { ...findings(f), ...overrides }), course('reinduction', 3, { agents }));
/** Ph-positive B-ALL in first remission (consolidation due) on imatinib. */
const phOnImatinib = (overrides: Partial<Case> = {}) => withCourses(
  inRemission('consolidation', { genetics: [...PH_POSITIVE_GENETICS], ...overrides }),
  course('tki', 30, { agents: ['imatinib'] }),
);
/** Relapsed B-ALL that received CAR-T `days` days ago, examined today with `f`. */
const afterCarT = (days: number, f: Findings = { symptoms: ['fatigue'] }) =>
  withCourses(relapsedBAll('late-first', findings(f)), course('car-t', days, { agents: ['obecabtagene-autoleucel'] }));
/** KMT2A-rearranged relapse on day 3 of revumenib; no potassium or QTc on record unless added. */
const onRevumenib = (f: Findings = { symptoms: ['fatigue'] }) =>
  withoutLab(relapseOn(['revumenib'], f, { genetics: [...KMT2A_GENETICS] }), 'potassium');

describe('vincristine and cytarabine', () => {
  // acs-treating-all: "Vincristine can damage nerves, which can lead to numbness, tingling"
  test('a patient on vincristine-containing induction is watched for neuropathy', () => {
    const a = expectAlert(evaluateCase(onInduction()), 'alert-vincristine-neuropathy');
    expect(a.action).toBe('monitor-neuropathy');
    expect(a.severity).toBe('info');
  });

  // acs-treating-all: "Vincristine can damage nerves, which can lead to numbness, tingling"
  test('once induction is over (in remission, nothing given), no neuropathy watch', () => {
    expectNoAlert(evaluateCase(inRemission('consolidation')), 'alert-vincristine-neuropathy');
  });

  // acs-treating-all: "especially when used at high doses, can cause dryness in the eyes"
  test('a patient on cytarabine consolidation is watched for cerebellar toxicity', () => {
    const ev = evaluateCase(withCourses(inRemission('consolidation'), course('consolidation', 10, { agents: ['cyclophosphamide', 'cytarabine'] })));
    const a = expectAlert(ev, 'alert-cytarabine-cerebellar');
    expect(a.action).toBe('monitor-cerebellar-toxicity');
    expect(a.severity).toBe('info');
  });

  // acs-treating-all: "especially when used at high doses, can cause dryness in the eyes"
  test('balance problems on cytarabine make the cerebellar watch critical, saying why', () => {
    const ev = evaluateCase(withCourses(
      inRemission('consolidation', findings({ symptoms: ['balance-problems'] })),
      course('consolidation', 10, { agents: ['cyclophosphamide', 'cytarabine'] }),
    ));
    const a = expectAlert(ev, 'alert-cytarabine-cerebellar');
    expect(a.severity).toBe('critical');
    expect(a.message).toContain('possible cerebellar toxicity');
  });

  // acs-treating-all: "especially when used at high doses, can cause dryness in the eyes"
  test('induction without cytarabine brings no cerebellar watch', () => {
    expectNoAlert(evaluateCase(onInduction()), 'alert-cytarabine-cerebellar');
  });
});

describe('tyrosine kinase inhibitors', () => {
  // pdq-adult-all-treatment-hp: "common toxicities were nausea and liver enzyme abnormalities"
  test('a patient on imatinib is watched for liver enzyme abnormalities', () => {
    const a = expectAlert(evaluateCase(phOnImatinib()), 'alert-tki-liver');
    expect(a.action).toBe('monitor-liver-enzymes');
    expect(a.severity).toBe('info');
  });

  // pdq-adult-all-treatment-hp: "common toxicities were nausea and liver enzyme abnormalities"
  test('ALT 250 U/L on imatinib makes the liver watch critical, saying to interrupt or reduce the TKI', () => {
    const ev = evaluateCase(withLabs(phOnImatinib(), lab('alt', 250, 'U/L', AS_OF), lab('bilirubin', 0.9, 'mg/dL', AS_OF)));
    const a = expectAlert(ev, 'alert-tki-liver');
    expect(a.severity).toBe('critical');
    expect(a.message).toContain('ALT 250 U/L');
  });

  // pdq-adult-all-treatment-hp: "common toxicities were nausea and liver enzyme abnormalities"
  test('ALT 60 U/L on imatinib keeps the liver watch at info', () => {
    const ev = evaluateCase(withLabs(phOnImatinib(), lab('alt', 60, 'U/L', AS_OF), lab('bilirubin', 0.9, 'mg/dL', AS_OF)));
    expect(expectAlert(ev, 'alert-tki-liver').severity).toBe('info');
  });

  // pdq-adult-all-treatment-hp: "common toxicities were nausea and liver enzyme abnormalities"
  test('a Ph-negative patient on no TKI has no TKI liver watch', () => {
    expectNoAlert(evaluateCase(inRemission('consolidation')), 'alert-tki-liver');
  });

  // pdq-adult-all-treatment-hp: "common toxicities were nausea and liver enzyme abnormalities"
  test('on imatinib with no liver tests on record, liver function tests are named as missing', () => {
    const m = expectMissingBy(evaluateCase(phOnImatinib()), 'missing-liver-tests-on-tki-or-inotuzumab');
    expect(m.action).toBe('liver-function-tests');
  });

  // pdq-adult-all-treatment-hp: "common toxicities were nausea and liver enzyme abnormalities"
  test('on imatinib with ALT and bilirubin on record, no liver tests are asked for', () => {
    const ev = evaluateCase(withLabs(phOnImatinib(), lab('alt', 30, 'U/L', AS_OF), lab('bilirubin', 0.8, 'mg/dL', AS_OF)));
    expectNoMissingBy(ev, 'missing-liver-tests-on-tki-or-inotuzumab');
  });

  // acs-treating-all: "lower red blood cell and platelet counts at the start of treatment"
  test('a patient in remission on a TKI has blood counts followed', () => {
    const rec = expectRec(evaluateCase(phOnImatinib()), 'rec-monitor-tki-counts');
    expect(rec.action).toBe('monitor-blood-counts');
  });

  // acs-treating-all: "lower red blood cell and platelet counts at the start of treatment"
  test('a patient in remission on no TKI gets no TKI blood-count rule', () => {
    expectNoRec(evaluateCase(inRemission('consolidation')), 'rec-monitor-tki-counts');
  });
});

describe('blinatumomab', () => {
  // acs-treating-all: "treated in a hospital or clinic for the beginning"
  test('a patient on blinatumomab is watched for CRS, neurotoxicity and infusion reactions', () => {
    const ev = evaluateCase(relapseOn(['blinatumomab']));
    expect(expectAlert(ev, 'alert-blinatumomab-crs').action).toBe('monitor-crs');
    const neuro = expectAlert(ev, 'alert-blinatumomab-neurotoxicity');
    expect(neuro.action).toBe('monitor-neurotoxicity');
    expect(neuro.severity).toBe('warning');
    expect(expectAlert(ev, 'alert-blinatumomab-infusion-reaction').action).toBe('monitor-infusion-reaction');
  });

  // acs-treating-all: "This drug can also cause"
  test('confusion on blinatumomab makes the neurotoxicity watch critical, saying to interrupt the infusion', () => {
    const ev = evaluateCase(relapseOn(['blinatumomab'], { symptoms: ['confusion'] }));
    const a = expectAlert(ev, 'alert-blinatumomab-neurotoxicity');
    expect(a.severity).toBe('critical');
    expect(a.message).toContain('interrupt the infusion');
    expect(expectAlert(ev, 'alert-blinatumomab-crs').severity).toBe('warning');
  });

  // acs-treating-all: "are fever, headache, swelling of the feet and hands"
  test('38.6 °C on blinatumomab makes the CRS watch critical', () => {
    const a = expectAlert(evaluateCase(relapseOn(['blinatumomab'], { temperatureC: 38.6, symptoms: ['fever'] })), 'alert-blinatumomab-crs');
    expect(a.severity).toBe('critical');
    expect(a.message).toContain('cytokine release syndrome');
  });

  // acs-treating-all: "Some people have serious"
  test('breathlessness during the blinatumomab infusion makes the infusion-reaction watch critical', () => {
    const a = expectAlert(evaluateCase(relapseOn(['blinatumomab'], { symptoms: ['dyspnea'] })), 'alert-blinatumomab-infusion-reaction');
    expect(a.severity).toBe('critical');
  });

  // acs-treating-all: "treated in a hospital or clinic for the beginning"
  test('a relapsed patient not given blinatumomab has none of its watches', () => {
    const ev = evaluateCase(relapseOn(['cytarabine']));
    expectNoAlert(ev, 'alert-blinatumomab-crs');
    expectNoAlert(ev, 'alert-blinatumomab-neurotoxicity');
    expectNoAlert(ev, 'alert-blinatumomab-infusion-reaction');
  });
});

describe('inotuzumab ozogamicin', () => {
  // acs-treating-all: "Severe liver damage, including veno-occlusive disease"
  test('a patient on inotuzumab is watched for hepatotoxicity and veno-occlusive disease', () => {
    const ev = evaluateCase(relapseOn(['inotuzumab-ozogamicin']));
    const a = expectAlert(ev, 'alert-inotuzumab-vod');
    expect(a.action).toBe('monitor-hepatotoxicity-vod');
    expect(a.severity).toBe('warning');
    expect(expectMissingBy(ev, 'missing-liver-tests-on-tki-or-inotuzumab').action).toBe('liver-function-tests');
  });

  // facts.md §9 (EXT-66): bilirubin as the veno-occlusive disease warning sign on inotuzumab
  test('bilirubin 2.5 mg/dL on inotuzumab makes the VOD watch critical', () => {
    const ev = evaluateCase(withLabs(relapseOn(['inotuzumab-ozogamicin']), lab('bilirubin', 2.5, 'mg/dL', AS_OF), lab('alt', 40, 'U/L', AS_OF)));
    const a = expectAlert(ev, 'alert-inotuzumab-vod');
    expect(a.severity).toBe('critical');
    expect(a.message).toContain('veno-occlusive disease');
  });

  // acs-treating-all: "Severe liver damage, including veno-occlusive disease"
  test('a relapsed patient on blinatumomab (no inotuzumab) has no VOD watch', () => {
    expectNoAlert(evaluateCase(relapseOn(['blinatumomab'])), 'alert-inotuzumab-vod');
  });
});

describe('CAR-T', () => {
  // acs-treating-all: "This can happen within a few days to weeks after treatment"
  test('10 days after CAR-T the patient is watched for CRS and neurotoxicity', () => {
    const ev = evaluateCase(afterCarT(10));
    const crs = expectAlert(ev, 'alert-car-t-crs');
    expect(crs.action).toBe('monitor-crs');
    expect(crs.severity).toBe('warning');
    expect(expectAlert(ev, 'alert-car-t-neurotoxicity').action).toBe('monitor-neurotoxicity');
  });

  // acs-treating-all: "This can happen within a few days to weeks after treatment"
  test('fever 10 days after CAR-T makes the CRS watch critical', () => {
    const a = expectAlert(evaluateCase(afterCarT(10, { temperatureC: 39.0, symptoms: ['fever', 'chills'] })), 'alert-car-t-crs');
    expect(a.severity).toBe('critical');
    expect(a.message).toContain('10 days after CAR-T');
  });

  // acs-treating-all: "immune effector cell-associated neurotoxicity syndrome (ICANS)"
  test('confusion 10 days after CAR-T makes the neurotoxicity watch critical (possible ICANS)', () => {
    const a = expectAlert(evaluateCase(afterCarT(10, { symptoms: ['confusion'] })), 'alert-car-t-neurotoxicity');
    expect(a.severity).toBe('critical');
    expect(a.message).toContain('ICANS');
  });

  // facts.md §9 (EXT-46): the 28-day watch after a CAR-T infusion
  test('40 days after CAR-T neither watch remains, fever or not', () => {
    const ev = evaluateCase(afterCarT(40, { temperatureC: 39.0, symptoms: ['fever'] }));
    expectNoAlert(ev, 'alert-car-t-crs');
    expectNoAlert(ev, 'alert-car-t-neurotoxicity');
  });
});

describe('revumenib', () => {
  // acs-treating-all: "get electrocardiograms (EKGs) to test your heart rhythm before and during"
  test('on revumenib with no ECG or potassium on record: QTc and differentiation watches, ECG and electrolytes urgent', () => {
    const ev = evaluateCase(onRevumenib());
    expect(expectAlert(ev, 'alert-revumenib-qtc').action).toBe('monitor-qtc');
    expect(expectAlert(ev, 'alert-revumenib-differentiation').action).toBe('monitor-differentiation-syndrome');
    const ecg = expectMissingBy(ev, 'missing-ecg-on-revumenib');
    expect(ecg.action).toBe('ecg-qtc');
    expect(ecg.priority).toBe('urgent');
    const salts = expectMissingBy(ev, 'missing-electrolytes-on-revumenib');
    expect(salts.action).toBe('electrolytes');
    expect(salts.priority).toBe('urgent');
  });

  // acs-treating-all: "Your doctor will check your blood mineral levels"
  test('with a QTc and potassium from today, no ECG or electrolytes are asked for', () => {
    const ev = evaluateCase(withLabs(onRevumenib(), lab('qtc', 430, 'ms', AS_OF), lab('potassium', 4.1, 'mmol/L', AS_OF)));
    expectNoMissingBy(ev, 'missing-ecg-on-revumenib');
    expectNoMissingBy(ev, 'missing-electrolytes-on-revumenib');
    expect(expectAlert(ev, 'alert-revumenib-qtc').severity).toBe('warning');
  });

  // facts.md §9 (EXT-68): QTc prolongation on revumenib; QTc above 500 ms is the rule's hold threshold
  test('QTc 520 ms on revumenib makes the QTc watch critical, saying to hold revumenib', () => {
    const ev = evaluateCase(withLabs(onRevumenib(), lab('qtc', 520, 'ms', AS_OF), lab('potassium', 3.6, 'mmol/L', AS_OF)));
    const a = expectAlert(ev, 'alert-revumenib-qtc');
    expect(a.severity).toBe('critical');
    expect(a.message).toContain('hold revumenib');
  });

  // acs-treating-all: "An important possible side effect of this drug is"
  test('breathlessness on revumenib makes the differentiation-syndrome watch critical, with steroids now', () => {
    const a = expectAlert(evaluateCase(onRevumenib({ symptoms: ['dyspnea'] })), 'alert-revumenib-differentiation');
    expect(a.severity).toBe('critical');
    expect(a.message).toContain('start corticosteroids');
  });

  // facts.md §9 (EXT-68): differentiation syndrome includes edema
  test('swelling on revumenib makes the differentiation-syndrome watch critical', () => {
    expect(expectAlert(evaluateCase(onRevumenib({ symptoms: ['swelling'] })), 'alert-revumenib-differentiation').severity).toBe('critical');
  });

  // acs-treating-all: "An important possible side effect of this drug is"
  test('on revumenib without fever, breathlessness or swelling the watch stays a warning', () => {
    expect(expectAlert(evaluateCase(onRevumenib({ symptoms: ['nausea'] })), 'alert-revumenib-differentiation').severity).toBe('warning');
  });

  // acs-treating-all: "Revumenib (Revuforj) is a menin inhibitor"
  test('a KMT2A-rearranged relapse not (yet) on revumenib has no revumenib watches and no ECG request from them', () => {
    const ev = evaluateCase(withoutLab(relapseOn(['cytarabine'], { symptoms: ['dyspnea'] }, { genetics: [...KMT2A_GENETICS] }), 'potassium'));
    expectNoAlert(ev, 'alert-revumenib-qtc');
    expectNoAlert(ev, 'alert-revumenib-differentiation');
    expectNoMissingBy(ev, 'missing-ecg-on-revumenib');
    expectNoMissingBy(ev, 'missing-electrolytes-on-revumenib');
  });
});

describe('nelarabine', () => {
  // facts.md §9 (EXT-55): nelarabine neurotoxicity is dose-limiting
  test('a T-ALL patient on nelarabine is watched for neurotoxicity', () => {
    const ev = evaluateCase(relapseOn(['nelarabine'], { symptoms: ['fatigue'] }, { immunophenotype: { markers: T_MARKERS } }));
    const a = expectAlert(ev, 'alert-nelarabine-neurotoxicity');
    expect(a.action).toBe('monitor-neurotoxicity');
    expect(a.severity).toBe('warning');
  });

  // facts.md §9 (EXT-55): discontinue nelarabine for neurotoxicity grade 2 or worse
  test('numbness and tingling on nelarabine make the neurotoxicity watch critical', () => {
    const ev = evaluateCase(relapseOn(['nelarabine'], { symptoms: ['numbness-tingling'] }, { immunophenotype: { markers: T_MARKERS } }));
    expect(expectAlert(ev, 'alert-nelarabine-neurotoxicity').severity).toBe('critical');
  });

  // facts.md §9 (EXT-55): nelarabine neurotoxicity is dose-limiting
  test('relapsed T-ALL not on nelarabine has no nelarabine watch', () => {
    const ev = evaluateCase(relapsedBAll('late-first', { immunophenotype: { markers: T_MARKERS } }));
    expectNoAlert(ev, 'alert-nelarabine-neurotoxicity');
  });
});
