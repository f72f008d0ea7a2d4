/**
 * Disease status (untreated, on induction, remission, recurrent, refractory) and the phase of
 * treatment it makes due.
 */
import { describe, expect, test } from 'vitest';
import {
  counts, course, daysBefore, diagnosticLabs, evaluateCase, inRemission, inductionToRemission, lab, marrowBlasts,
  onInduction, untreatedBAll, type Overrides,
} from './builders.js';
import type { Lab } from '../../src/index.js';

const NO_CNS = { cns: { csfBlasts: false, cranialNervePalsy: false } };

/**
 * Induction given from 35 to 7 days ago with no outcome recorded; `after` are the labs since
 * (the response marrow and counts the status is read from).
 */
function afterInduction(after: Lab[], overrides: Overrides = {}) {
  return onInduction({
    labs: [...diagnosticLabs({ date: daysBefore(38) }), ...after],
    treatments: [course('induction', 35, { end: daysBefore(7) })],
    ...overrides,
  }, 35);
}

describe('untreated and on induction', () => {
  // pdq-adult-all-treatment-patient: "In untreated ALL, the disease is newly diagnosed"
  test('newly diagnosed ALL without treatment is untreated and due for induction', () => {
    const ev = evaluateCase(untreatedBAll());
    expect(ev.status).toBe('untreated');
    expect(ev.phase).toBe('induction');
  });

  // pdq-adult-all-treatment-patient: "In untreated ALL, the disease is newly diagnosed"
  test('supportive care alone leaves ALL untreated', () => {
    const ev = evaluateCase(untreatedBAll({ treatments: [course('supportive', 2)] }));
    expect(ev.status).toBe('untreated');
  });

  // pdq-adult-all-treatment-hp: "patients must be closely monitored during remission induction treatment"
  test('a first induction being given is on-induction, phase induction', () => {
    const ev = evaluateCase(onInduction({}, 10));
    expect(ev.status).toBe('on-induction');
    expect(ev.phase).toBe('induction');
  });

  // pdq-adult-all-treatment-hp: "The early institution of CNS prophylaxis is critical"
  test('CNS prophylaxis recorded as its own course during induction is still on-induction', () => {
    const ev = evaluateCase(onInduction({
      treatments: [course('induction', 10), course('cns-prophylaxis', 8, { agents: ['methotrexate'] })],
    }, 10));
    expect(ev.status).toBe('on-induction');
    expect(ev.phase).toBe('induction');
  });

  // pdq-adult-all-treatment-hp: "patients must be closely monitored during remission induction treatment"
  test('an induction that has ended without a response marrow is still awaiting assessment', () => {
    const ev = evaluateCase(afterInduction(counts(1.5, 150)));
    expect(ev.status).toBe('on-induction');
  });

  // pdq-adult-all-treatment-hp: "patients must be closely monitored during remission induction treatment"
  test('a mid-induction marrow with 30% blasts while induction continues is not yet refractory', () => {
    const ev = evaluateCase(onInduction({
      labs: [...diagnosticLabs({ date: daysBefore(17) }), marrowBlasts(30, daysBefore(1))],
    }, 14));
    expect(ev.status).toBe('on-induction');
  });
});

describe('remission', () => {
  // pdq-adult-all-treatment-patient: "In ALL in remission, the disease has been treated"
  test('a complete remission recorded after induction is remission, due for consolidation', () => {
    const ev = evaluateCase(inRemission());
    expect(ev.status).toBe('remission');
    expect(ev.phase).toBe('consolidation');
  });

  // facts.md §4.3: CR = marrow blasts < 5%, ANC ≥ 1.0 × 10⁹/L, platelets ≥ 100 × 10⁹/L
  test('after induction, marrow blasts below 5% with counts recovered are a remission', () => {
    const ev = evaluateCase(afterInduction([marrowBlasts(4, daysBefore(6)), ...counts(1.0, 100)]));
    expect(ev.status).toBe('remission');
    expect(ev.phase).toBe('consolidation');
  });

  // facts.md §4.3: CR = marrow blasts < 5%, ANC ≥ 1.0 × 10⁹/L, platelets ≥ 100 × 10⁹/L
  test('a clear marrow with platelets still below 100 is not yet called a remission', () => {
    const ev = evaluateCase(afterInduction([marrowBlasts(4, daysBefore(6)), ...counts(1.5, 60)]));
    expect(ev.status).toBe('unknown');
    expect(ev.phase).toBeNull();
  });

  // facts.md §4.3: CR = marrow blasts < 5% with counts recovered after treatment
  test('normal counts from before induction do not show recovery after it', () => {
    const ev = evaluateCase(afterInduction([marrowBlasts(3, daysBefore(6))], {
      labs: [...diagnosticLabs({ date: daysBefore(38), anc: 2.0, platelets: 150 }), marrowBlasts(3, daysBefore(6))],
    }));
    expect(ev.status).not.toBe('remission');
  });

  // facts.md §4.3: CR requires no extramedullary disease (e.g., CNS1)
  test('a clear marrow with counts recovered but CNS disease still present is not a remission', () => {
    const ev = evaluateCase(afterInduction([marrowBlasts(3, daysBefore(6)), ...counts(1.5, 150)], {
      findings: { extramedullary: ['cns'], cns: { csfBlasts: true } },
    }));
    expect(ev.status).not.toBe('remission');
  });
});

describe('refractory', () => {
  // pdq-adult-all-treatment-hp: "option for reinduction therapy for patients with primary refractory disease"
  test('5% marrow blasts after a finished induction are refractory, due for reinduction', () => {
    const ev = evaluateCase(afterInduction([marrowBlasts(5, daysBefore(6)), ...counts(1.5, 150)]));
    expect(ev.status).toBe('refractory');
    expect(ev.phase).toBe('reinduction');
  });

  // pdq-adult-all-treatment-hp: "option for reinduction therapy for patients with primary refractory disease"
  test('an induction recorded as bringing no remission is refractory', () => {
    const ev = evaluateCase(onInduction({ treatments: [course('induction', 35, { end: daysBefore(7), outcome: 'no-remission' })] }, 35));
    expect(ev.status).toBe('refractory');
  });
});

describe('recurrent', () => {
  // pdq-adult-all-treatment-patient: "Recurrent ALL is cancer that has recurred (come back)"
  test('a relapse recorded during maintenance is recurrent ALL, due for reinduction', () => {
    const ev = evaluateCase(inRemission({ treatments: [
      inductionToRemission(400), course('consolidation', 370, { end: daysBefore(250) }),
      course('maintenance', 248, { end: daysBefore(5), outcome: 'relapse' }),
    ] }, 400));
    expect(ev.status).toBe('recurrent');
    expect(ev.phase).toBe('reinduction');
  });

  // pdq-adult-all-treatment-patient: "ALL may come back in the blood, bone marrow, or other parts"
  test('5% marrow blasts after a complete remission are a relapse', () => {
    const base = inRemission();
    const ev = evaluateCase({ ...base, labs: [...(base.labs ?? []), marrowBlasts(5, daysBefore(1))] });
    expect(ev.status).toBe('recurrent');
  });

  // pdq-adult-all-treatment-patient: "In ALL in remission, the disease has been treated"
  test('4% marrow blasts after a complete remission are still remission', () => {
    const base = inRemission();
    const ev = evaluateCase({ ...base, labs: [...(base.labs ?? []), marrowBlasts(4, daysBefore(1))] });
    expect(ev.status).toBe('remission');
  });

  // pdq-adult-all-treatment-patient: "ALL may come back in the blood, bone marrow, or other parts"
  test('blasts in the blood after a complete remission are a relapse', () => {
    const base = inRemission();
    const ev = evaluateCase({ ...base, labs: [...(base.labs ?? []), lab('blasts', 3, '%', daysBefore(1), 'blood')] });
    expect(ev.status).toBe('recurrent');
  });

  // pdq-adult-all-treatment-patient: "In ALL in remission, the disease has been treated"
  test('a blood smear without blasts after a complete remission is still remission', () => {
    const base = inRemission();
    const ev = evaluateCase({ ...base, labs: [...(base.labs ?? []), lab('blasts', 0, '%', daysBefore(1), 'blood')] });
    expect(ev.status).toBe('remission');
  });

  // pdq-adult-all-treatment-patient: "ALL may come back in the blood, bone marrow, or other parts"
  test('testicular disease after a complete remission is an extramedullary relapse', () => {
    const ev = evaluateCase(inRemission({ findings: { extramedullary: ['testes'], ...NO_CNS } }));
    expect(ev.status).toBe('recurrent');
  });

  // pdq-adult-all-treatment-patient: "ALL may come back in the blood, bone marrow, or other parts"
  test('marrow blasts returning during consolidation are a relapse even without a recorded remission', () => {
    const ev = evaluateCase(inRemission({
      labs: [...diagnosticLabs({ date: daysBefore(63) }), ...counts(2.1, 180), marrowBlasts(12, daysBefore(1))],
      treatments: [course('induction', 60, { end: daysBefore(32) }), course('consolidation', 30)],
    }));
    expect(ev.status).toBe('recurrent');
  });

  // pdq-adult-all-treatment-patient: "In ALL in remission, the disease has been treated"
  test('consolidation under way without new blasts implies remission', () => {
    const ev = evaluateCase(inRemission({
      labs: [...diagnosticLabs({ date: daysBefore(63) }), ...counts(2.1, 180)],
      treatments: [course('induction', 60, { end: daysBefore(32) }), course('consolidation', 30)],
    }));
    expect(ev.status).toBe('remission');
    expect(ev.phase).toBe('consolidation');
  });
});

describe('phase along the remission timeline', () => {
  // acs-treating-all: "Maintenance usually lasts for about 2 years"
  test('consolidation finished: maintenance is due', () => {
    const ev = evaluateCase(inRemission({ treatments: [inductionToRemission(200), course('consolidation', 170, { end: daysBefore(5) })] }, 200));
    expect(ev.phase).toBe('maintenance');
  });

  // acs-treating-all: "Chemo treatment for ALL is typically divided into 3 phases"
  test('consolidation still being given: consolidation continues', () => {
    const ev = evaluateCase(inRemission({ treatments: [inductionToRemission(200), course('consolidation', 170)] }, 200));
    expect(ev.phase).toBe('consolidation');
  });

  // pdq-adult-all-treatment-patient: "tests will continue to be done from time to time"
  test('maintenance finished: follow-up', () => {
    const ev = evaluateCase(inRemission({ treatments: [
      inductionToRemission(1000), course('consolidation', 970, { end: daysBefore(850) }),
      course('maintenance', 848, { end: daysBefore(30) }),
    ] }, 1000));
    expect(ev.status).toBe('remission');
    expect(ev.phase).toBe('follow-up');
  });

  // acs-treating-all: "Maintenance usually lasts for about 2 years"
  test('maintenance still being given: maintenance continues', () => {
    const ev = evaluateCase(inRemission({ treatments: [
      inductionToRemission(1000), course('consolidation', 970, { end: daysBefore(850) }), course('maintenance', 848),
    ] }, 1000));
    expect(ev.phase).toBe('maintenance');
  });

  // pdq-adult-all-treatment-patient: "tests will continue to be done from time to time"
  test('after an allogeneic transplant in remission: follow-up', () => {
    const ev = evaluateCase(inRemission({ treatments: [
      inductionToRemission(300), course('consolidation', 270, { end: daysBefore(200) }), course('allogeneic-hsct', 180, { end: daysBefore(150) }),
    ] }, 300));
    expect(ev.status).toBe('remission');
    expect(ev.phase).toBe('follow-up');
  });

  // acs-treating-all: "Maintenance usually lasts for about 2 years"
  test('after an autologous transplant in remission: maintenance', () => {
    const ev = evaluateCase(inRemission({ treatments: [inductionToRemission(300), course('autologous-hsct', 250, { end: daysBefore(230) })] }, 300));
    expect(ev.phase).toBe('maintenance');
  });

  // acs-treating-all: "focus of treatment may shift to controlling the leukemia"
  test('recurrent ALL in a patient who declines intensive therapy: palliative', () => {
    const ev = evaluateCase(inRemission({
      findings: { extramedullary: ['testes'], ...NO_CNS }, preferences: { declinesIntensiveTherapy: true },
    }));
    expect(ev.status).toBe('recurrent');
    expect(ev.phase).toBe('palliative');
  });

  // pdq-adult-all-treatment-hp: "considered for reinduction chemotherapy followed by allogeneic BMT"
  test('recurrent ALL in a patient who has not declined intensive therapy: reinduction', () => {
    const ev = evaluateCase(inRemission({
      findings: { extramedullary: ['testes'], ...NO_CNS }, preferences: { declinesIntensiveTherapy: false },
    }));
    expect(ev.phase).toBe('reinduction');
  });
});

describe('CNS relapse', () => {
  // pdq-adult-all-treatment-patient: "Recurrent ALL is cancer that has recurred (come back)"
  test('blasts in the spinal fluid during remission are a recurrence', () => {
    const ev = evaluateCase(inRemission({ findings: { cns: { csfBlasts: true, cranialNervePalsy: false } } }));
    expect(ev.status).toBe('recurrent');
  });

  // pdq-adult-all-treatment-patient: "Recurrent ALL is cancer that has recurred (come back)"
  test('a clear spinal fluid during remission leaves the patient in remission', () => {
    const ev = evaluateCase(inRemission({ findings: NO_CNS }));
    expect(ev.status).toBe('remission');
  });

  // Found by the CQL peer engine (bench/cql): the tap at diagnosis is not a relapse.
  const remissionWithCsf = (csfDaysAgo: number) => {
    const base = inRemission();
    return { ...base, labs: [...(base.labs ?? []), lab('blasts', 12, '%', daysBefore(csfDaysAgo), 'csf')] };
  };

  // pdq-adult-all-treatment-patient: "Recurrent ALL is cancer that has recurred (come back)"
  test('CSF blasts at diagnosis (CNS disease) do not make a later remission a recurrence', () => {
    expect(evaluateCase(remissionWithCsf(62)).status).toBe('remission');
  });

  // pdq-adult-all-treatment-patient: "Recurrent ALL is cancer that has recurred (come back)"
  test('CSF blasts found after the remission are a recurrence', () => {
    expect(evaluateCase(remissionWithCsf(5)).status).toBe('recurrent');
  });
});
