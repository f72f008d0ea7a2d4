/** Monitoring added after review: dated monitoring labs, electrolytes, infusion reactions, counts after CAR-T, antiemetics. */
import { describe, expect, test } from 'vitest';
import {
  KMT2A_GENETICS, course, daysBefore, evaluateCase, expectAlert, expectMissingBy, expectNoAlert, expectNoMissingBy,
  expectNoRec, expectRec, findings, inRemission, lab, markers, onInduction, relapsedBAll, withCourses, withLabs, withoutLab,
} from './builders.js';
import type { Agent } from '../../../src/index.js';

const relapseOn = (agents: Agent[]) => withCourses(relapsedBAll('late-first'), course('reinduction', 3, { agents }));

describe('monitoring labs count only when recent', () => {
  // acs-treating-all: "get electrocardiograms (EKGs) to test your heart rhythm before and during"
  test('on revumenib with a QTc from 30 days ago, a new ECG is urgent', () => {
    const base = withoutLab(withCourses(relapsedBAll('late-first', { genetics: [...KMT2A_GENETICS] }), course('reinduction', 3, { agents: ['revumenib'] })), 'qtc');
    const m = expectMissingBy(evaluateCase(withLabs(base, lab('qtc', 450, 'ms', daysBefore(30)))), 'missing-ecg-on-revumenib');
    expect(m.priority).toBe('urgent');
  });

  // acs-treating-all: "get electrocardiograms (EKGs) to test your heart rhythm before and during"
  test('on revumenib with a QTc from yesterday, no ECG is missing', () => {
    const base = withoutLab(withCourses(relapsedBAll('late-first', { genetics: [...KMT2A_GENETICS] }), course('reinduction', 3, { agents: ['revumenib'] })), 'qtc');
    expectNoMissingBy(evaluateCase(withLabs(base, lab('qtc', 450, 'ms', daysBefore(1)))), 'missing-ecg-on-revumenib');
  });

  // acs-treating-all: "get electrocardiograms (EKGs) to test your heart rhythm before and during"
  test('a QTc of 520 ms from 30 days ago does not escalate the QTc alert; from yesterday it does', () => {
    const base = withoutLab(withCourses(relapsedBAll('late-first', { genetics: [...KMT2A_GENETICS] }), course('reinduction', 3, { agents: ['revumenib'] })), 'qtc');
    expect(expectAlert(evaluateCase(withLabs(base, lab('qtc', 520, 'ms', daysBefore(30)))), 'alert-revumenib-qtc').severity).toBe('warning');
    expect(expectAlert(evaluateCase(withLabs(base, lab('qtc', 520, 'ms', daysBefore(1)))), 'alert-revumenib-qtc').severity).toBe('critical');
  });

  // pdq-adult-all-treatment-hp: "common toxicities were nausea and liver enzyme abnormalities"
  test('on a TKI with liver tests from last week and ALT 250 today the TKI alert is critical; with ALT 250 a month ago it is not', () => {
    const base = withCourses(inRemission('consolidation'), course('tki', 30, { agents: ['imatinib'] }));
    const today = evaluateCase(withLabs(base, lab('alt', 250, 'U/L', daysBefore(0)), lab('bilirubin', 0.8, 'mg/dL', daysBefore(0))));
    const old = evaluateCase(withLabs(base, lab('alt', 250, 'U/L', daysBefore(30)), lab('bilirubin', 0.8, 'mg/dL', daysBefore(30))));
    expect(expectAlert(today, 'alert-tki-liver').severity).toBe('critical');
    expect(expectAlert(old, 'alert-tki-liver').severity).toBe('info');
    expectMissingBy(old, 'missing-liver-tests-on-tki-or-inotuzumab');
    expectNoMissingBy(today, 'missing-liver-tests-on-tki-or-inotuzumab');
  });
});

describe('blinatumomab and inotuzumab', () => {
  // acs-treating-all: "constipation, and low blood potassium levels"
  test('on blinatumomab without a potassium from the last week, electrolytes are missing', () => {
    const ev = evaluateCase(withLabs(relapseOn(['blinatumomab']), lab('potassium', 4.1, 'mmol/L', daysBefore(20))));
    expect(expectMissingBy(ev, 'missing-electrolytes-on-blinatumomab').action).toBe('electrolytes');
  });

  // acs-treating-all: "constipation, and low blood potassium levels"
  test('on blinatumomab with a potassium from yesterday, electrolytes are not missing', () => {
    expectNoMissingBy(evaluateCase(withLabs(relapseOn(['blinatumomab']), lab('potassium', 4.1, 'mmol/L', daysBefore(1)))), 'missing-electrolytes-on-blinatumomab');
  });

  // acs-treating-all: "Reactions during the infusion (similar to an allergic reaction)"
  test('on inotuzumab the infusion reaction watch is on, and breathlessness makes it critical', () => {
    expect(expectAlert(evaluateCase(relapseOn(['inotuzumab-ozogamicin'])), 'alert-inotuzumab-infusion-reaction').severity).toBe('info');
    const short = withCourses(relapsedBAll('late-first', findings({ symptoms: ['dyspnea'] })), course('reinduction', 3, { agents: ['inotuzumab-ozogamicin'] }));
    expect(expectAlert(evaluateCase(short), 'alert-inotuzumab-infusion-reaction').severity).toBe('critical');
  });

  // acs-treating-all: "Reactions during the infusion (similar to an allergic reaction)"
  test('on blinatumomab (not inotuzumab) there is no inotuzumab infusion watch', () => {
    expectNoAlert(evaluateCase(relapseOn(['blinatumomab'])), 'alert-inotuzumab-infusion-reaction');
  });

  // acs-treating-all: "This drug can also cause"
  test('tremor alone on blinatumomab does not make the neurotoxicity alert critical; confusion does', () => {
    const tremor = withCourses(relapsedBAll('late-first', findings({ symptoms: ['tremor'] })), course('reinduction', 3, { agents: ['blinatumomab'] }));
    const confusion = withCourses(relapsedBAll('late-first', findings({ symptoms: ['confusion'] })), course('reinduction', 3, { agents: ['blinatumomab'] }));
    expect(expectAlert(evaluateCase(tremor), 'alert-blinatumomab-neurotoxicity').severity).toBe('warning');
    expect(expectAlert(evaluateCase(confusion), 'alert-blinatumomab-neurotoxicity').severity).toBe('critical');
  });
});

describe('after CAR-T and during chemotherapy', () => {
  // acs-treating-all: "Low blood cell counts, which can increase the risk of infections"
  test('60 days after CAR-T blood counts are followed', () => {
    const ev = evaluateCase(withCourses(relapsedBAll('late-first'), course('car-t', 60, { agents: ['obecabtagene-autoleucel'] })));
    expect(expectRec(ev, 'rec-monitor-blood-counts-after-car-t').action).toBe('monitor-blood-counts');
  });

  // acs-treating-all: "Low blood cell counts, which can increase the risk of infections"
  test('a year after CAR-T the post-CAR-T count watch has ended', () => {
    expectNoRec(evaluateCase(withCourses(relapsedBAll('late-first'), course('car-t', 365, { agents: ['obecabtagene-autoleucel'] }))), 'rec-monitor-blood-counts-after-car-t');
  });

  // acs-treating-all: "drugs can be given to help prevent or reduce nausea"
  test('during induction antiemetics are recommended', () => {
    expect(expectRec(evaluateCase(onInduction()), 'rec-antiemetic-prophylaxis').action).toBe('antiemetic-prophylaxis');
  });

  // acs-treating-all: "drugs can be given to help prevent or reduce nausea"
  test('in maintenance (no intensive chemotherapy) antiemetics are not recommended', () => {
    expectNoRec(evaluateCase(inRemission('maintenance')), 'rec-antiemetic-prophylaxis');
  });
});

// Found by the fuzzer (test/robustness): a course on record is no diagnosis. Blasts that are
// MPO-positive as well as B-lineage are not classified as ALL, and allpath then advises nothing.
describe('chemotherapy or CAR-T on record, but the leukemia is not ALL', () => {
  const notAll = markers({ MPO: 'positive' });

  // acs-treating-all: "drugs can be given to help prevent or reduce nausea"
  test('on induction for MPO-positive blasts, antiemetics are not recommended', () => {
    const ev = evaluateCase(onInduction(notAll));
    expect(ev.diagnosis.leukemia).not.toBe('ALL');
    expectNoRec(ev, 'rec-antiemetic-prophylaxis');
  });

  // acs-treating-all: "Low blood cell counts, which can increase the risk of infections"
  test('60 days after CAR-T for MPO-positive blasts, no post-CAR-T count watch is recommended', () => {
    const ev = evaluateCase(withCourses(relapsedBAll('late-first', notAll), course('car-t', 60, { agents: ['obecabtagene-autoleucel'] })));
    expect(ev.diagnosis.leukemia).not.toBe('ALL');
    expectNoRec(ev, 'rec-monitor-blood-counts-after-car-t');
  });
});
