/** Recurrent or refractory ALL: reinduction, antibody and cell therapies by target, palliation. */
import { describe, expect, test } from 'vitest';
import {
  KMT2A_GENETICS, actionsOf, agentsFor, course, daysBefore, evaluateCase, expectMissingBy, expectNoRec, expectRec,
  findings, geneticsWithout, markers, missingActions, refractory, relapsedBAll, untreatedBAll, withCourses,
} from './builders.js';

const aged = (ageYears: number) => ({ patient: { ageYears, sex: 'female' as const } });

describe('reinduction', () => {
  // pdq-adult-all-treatment-hp: "These patients should be considered for reinduction chemotherapy followed by allogeneic BMT"
  test('a late first relapse gets urgent reinduction, and is named as a late first relapse', () => {
    const ev = evaluateCase(relapsedBAll('late-first'));
    const rec = expectRec(ev, 'rec-reinduction-chemotherapy');
    expect(rec.action).toBe('reinduction-chemotherapy');
    expect(rec.priority).toBe('urgent');
    expect(rec.rationale).toContain('late-first-relapse');
  });

  // acs-treating-all: "focus of treatment may shift to controlling the leukemia"
  test('a relapsed patient who declines intensive therapy is not offered reinduction; the phase is palliative', () => {
    const ev = evaluateCase(relapsedBAll('late-first', { preferences: { declinesIntensiveTherapy: true } }));
    expect(ev.phase).toBe('palliative');
    expectNoRec(ev, 'rec-reinduction-chemotherapy');
  });

  // pdq-adult-all-treatment-hp: "option for reinduction therapy for patients with primary refractory disease"
  test('primary refractory disease is named so and offered reinduction', () => {
    const ev = evaluateCase(refractory());
    expect(ev.statusReasons).toContain('Primary refractory disease: no remission after induction.');
    expectRec(ev, 'rec-reinduction-chemotherapy');
  });

  // pdq-adult-all-treatment-hp: "Entry into a clinical trial is highly desirable"
  test('untreated ALL is not offered reinduction', () => {
    expectNoRec(evaluateCase(untreatedBAll()), 'rec-reinduction-chemotherapy');
  });
});

describe('the relapse setting that grades the blinatumomab evidence', () => {
  // pdq-adult-all-treatment-hp: "with a first relapse lasting fewer than 12 months"
  test('a relapse 8 months into the first remission is an early first relapse', () => {
    const rec = expectRec(evaluateCase(relapsedBAll('early-first')), 'rec-blinatumomab-relapsed');
    expect(rec.rationale).toContain('this patient: early-first-relapse');
  });

  // pdq-adult-all-treatment-hp: "a second or greater relapse"
  test('a second relapse is a second-or-later relapse', () => {
    const rec = expectRec(evaluateCase(relapsedBAll('second')), 'rec-blinatumomab-relapsed');
    expect(rec.rationale).toContain('this patient: second-or-later-relapse');
  });

  // pdq-adult-all-treatment-hp: "or any relapse after allogeneic transplant"
  test('a relapse after an allogeneic transplant is named so', () => {
    const base = relapsedBAll('late-first');
    const first = base.treatments?.slice(0, 2) ?? [];
    const ev = evaluateCase({ ...base, treatments: [...first, course('allogeneic-hsct', 300, { end: daysBefore(5), outcome: 'relapse' })] });
    expect(expectRec(ev, 'rec-blinatumomab-relapsed').rationale).toContain('this patient: relapse-after-transplant');
  });
});

describe('blinatumomab and CAR-T need CD19', () => {
  // pdq-adult-all-treatment-hp: "Blinatumomab is a bispecific antibody targeting CD19 and CD3"
  test('relapsed CD19-positive B-ALL is offered urgent blinatumomab', () => {
    const rec = expectRec(evaluateCase(relapsedBAll('late-first')), 'rec-blinatumomab-relapsed');
    expect(rec.action).toBe('blinatumomab');
    expect(rec.priority).toBe('urgent');
    expect(rec.agents).toEqual(['blinatumomab']);
  });

  // pdq-adult-all-treatment-hp: "Blinatumomab is a bispecific antibody targeting CD19 and CD3"
  test('relapsed B-ALL with CD19 not tested gets neither blinatumomab nor CAR-T, and CD19 testing urgently', () => {
    const ev = evaluateCase(relapsedBAll('late-first', markers({ CD19: undefined })));
    expect(ev.diagnosis.lineage).toBe('B');
    const actions = actionsOf(ev);
    expect(actions).not.toContain('blinatumomab');
    expect(actions).not.toContain('car-t');
    const m = expectMissingBy(ev, 'rec-blinatumomab-relapsed');
    expect(m.action).toBe('cd19-testing');
    expect(m.priority).toBe('urgent');
    expect(m.awaits).toContain('rec-car-t-relapsed');
  });

  // acs-treating-all: "approved to treat adults with B-cell ALL that has come back"
  test('relapsed CD19-negative B-ALL gets neither blinatumomab nor CAR-T, and no CD19 test', () => {
    const ev = evaluateCase(relapsedBAll('late-first', markers({ CD19: 'negative' })));
    expectNoRec(ev, 'rec-blinatumomab-relapsed');
    expectNoRec(ev, 'rec-car-t-relapsed');
    expect(missingActions(ev)).not.toContain('cd19-testing');
  });
});

describe('inotuzumab ozogamicin needs CD22', () => {
  // pdq-adult-all-treatment-hp: "relapsed or refractory CD22-positive ALL"
  test('relapsed CD22-positive B-ALL is offered inotuzumab ozogamicin', () => {
    const rec = expectRec(evaluateCase(relapsedBAll('late-first')), 'rec-inotuzumab-relapsed');
    expect(rec.action).toBe('inotuzumab-ozogamicin');
    expect(rec.agents).toEqual(['inotuzumab-ozogamicin']);
  });

  // pdq-adult-all-treatment-hp: "relapsed or refractory CD22-positive ALL"
  test('relapsed CD22-negative B-ALL is not offered inotuzumab', () => {
    expectNoRec(evaluateCase(relapsedBAll('late-first', markers({ CD22: 'negative' }))), 'rec-inotuzumab-relapsed');
  });

  // pdq-adult-all-treatment-hp: "relapsed or refractory CD22-positive ALL"
  test('relapsed B-ALL with CD22 not tested gets no inotuzumab, and CD22 testing urgently', () => {
    const ev = evaluateCase(relapsedBAll('late-first', markers({ CD22: undefined })));
    expectNoRec(ev, 'rec-inotuzumab-relapsed');
    const m = expectMissingBy(ev, 'rec-inotuzumab-relapsed');
    expect(m.action).toBe('cd22-testing');
    expect(m.priority).toBe('urgent');
  });
});

describe('CAR-T products by age and line', () => {
  // all-patient-overview: "tisagenlecleucel (Kymirah), is only indicated for patients under 25 years"
  test('at 22 in second relapse, tisagenlecleucel is among the CAR-T products', () => {
    const rec = expectRec(evaluateCase(relapsedBAll('second', aged(22))), 'rec-car-t-relapsed');
    expect(rec.action).toBe('car-t');
    expect(rec.agents).toEqual(['tisagenlecleucel', 'brexucabtagene-autoleucel', 'obecabtagene-autoleucel']);
  });

  // facts.md §6.6 (EXT-45): tisagenlecleucel only when refractory or in second or later relapse
  test('at 22 in a late first relapse, tisagenlecleucel is not offered (the adult products are)', () => {
    const agents = agentsFor(evaluateCase(relapsedBAll('late-first', aged(22))), 'car-t');
    expect(agents).not.toContain('tisagenlecleucel');
    expect(agents).toEqual(['brexucabtagene-autoleucel', 'obecabtagene-autoleucel']);
  });

  // facts.md §6.6 (EXT-45): tisagenlecleucel for primary refractory B-ALL up to 25 years
  test('at 22 with primary refractory disease, tisagenlecleucel is offered', () => {
    expect(agentsFor(evaluateCase(refractory(aged(22))), 'car-t')).toContain('tisagenlecleucel');
  });

  // facts.md §6.6 (EXT-45, EXT-47): "up to 25 years of age", i.e. before the 26th birthday
  test('at 25 and a half in second relapse, tisagenlecleucel is still offered', () => {
    expect(agentsFor(evaluateCase(relapsedBAll('second', aged(25.5))), 'car-t')).toContain('tisagenlecleucel');
  });

  // all-patient-overview: "tisagenlecleucel (Kymirah), is only indicated for patients under 25 years"
  test('at 30 in second relapse, tisagenlecleucel is not offered', () => {
    const agents = agentsFor(evaluateCase(relapsedBAll('second', aged(30))), 'car-t');
    expect(agents).not.toContain('tisagenlecleucel');
    expect(agents).toContain('brexucabtagene-autoleucel');
  });

  // acs-treating-all: "approved to treat adults with B-cell ALL that has come back"
  test('at 18, the adult products brexucabtagene and obecabtagene autoleucel are offered', () => {
    const agents = agentsFor(evaluateCase(relapsedBAll('late-first', aged(18))), 'car-t');
    expect(agents).toEqual(expect.arrayContaining(['brexucabtagene-autoleucel', 'obecabtagene-autoleucel']));
  });

  // pdq-adult-all-treatment-hp: "This summary discusses ALL in adults"
  test('at 17, no CAR-T product is proposed (childhood guidance applies)', () => {
    const ev = evaluateCase(relapsedBAll('second', aged(17)));
    expectNoRec(ev, 'rec-car-t-relapsed');
  });
});

describe('revumenib needs a KMT2A rearrangement', () => {
  // acs-treating-all: "Revumenib (Revuforj) is a menin inhibitor"
  test('relapsed KMT2A-rearranged ALL is offered revumenib', () => {
    const rec = expectRec(evaluateCase(relapsedBAll('late-first', { genetics: [...KMT2A_GENETICS] })), 'rec-revumenib-kmt2a');
    expect(rec.action).toBe('revumenib');
    expect(rec.agents).toEqual(['revumenib']);
  });

  // acs-treating-all: "Revumenib (Revuforj) is a menin inhibitor"
  test('relapsed ALL without a KMT2A rearrangement (FISH) is not offered revumenib', () => {
    expectNoRec(evaluateCase(relapsedBAll('late-first')), 'rec-revumenib-kmt2a');
  });

  // acs-treating-all: "Your blood or bone marrow can be tested"
  test('relapsed ALL never tested for KMT2A gets no revumenib, and KMT2A testing in missing', () => {
    const ev = evaluateCase(relapsedBAll('late-first', { genetics: geneticsWithout('KMT2A-rearrangement') }));
    expect(actionsOf(ev)).not.toContain('revumenib');
    expect(expectMissingBy(ev, 'rec-revumenib-kmt2a').action).toBe('kmt2a-testing');
  });

  // acs-treating-all: "Revumenib (Revuforj) is a menin inhibitor"
  test('untreated KMT2A-rearranged ALL is not offered revumenib', () => {
    expectNoRec(evaluateCase(untreatedBAll({ genetics: [...KMT2A_GENETICS] })), 'rec-revumenib-kmt2a');
  });
});

describe('palliative radiation', () => {
  // pdq-adult-all-treatment-hp: "Low-dose palliative radiation therapy may be considered in patients with symptomatic recurrence"
  test('a relapse with a mediastinal mass causing breathlessness is offered palliative radiation to consider', () => {
    const ev = evaluateCase(relapsedBAll('late-first', findings({ extramedullary: ['mediastinum'], symptoms: ['dyspnea'] })));
    const rec = expectRec(ev, 'rec-palliative-radiation');
    expect(rec.action).toBe('palliative-radiation');
    expect(rec.priority).toBe('consider');
  });

  // pdq-adult-all-treatment-hp: "Low-dose palliative radiation therapy may be considered in patients with symptomatic recurrence"
  test('a CNS relapse with headache is offered palliative radiation', () => {
    const ev = evaluateCase(relapsedBAll('late-first', findings({ extramedullary: ['cns'], symptoms: ['headache'] })));
    expectRec(ev, 'rec-palliative-radiation');
  });

  // pdq-adult-all-treatment-hp: "Low-dose palliative radiation therapy may be considered in patients with symptomatic recurrence"
  test('the same mediastinal relapse without local symptoms gets no palliative radiation', () => {
    const ev = evaluateCase(relapsedBAll('late-first', findings({ extramedullary: ['mediastinum'], symptoms: ['fatigue'] })));
    expectNoRec(ev, 'rec-palliative-radiation');
  });

  // pdq-adult-all-treatment-hp: "Low-dose palliative radiation therapy may be considered in patients with symptomatic recurrence"
  test('a marrow-only relapse with bone pain gets no palliative radiation', () => {
    const ev = evaluateCase(relapsedBAll('late-first', findings({ symptoms: ['bone-pain'] })));
    expectNoRec(ev, 'rec-palliative-radiation');
  });
});

describe('palliative care', () => {
  // acs-treating-all: "focus of treatment may shift to controlling the leukemia"
  test('a relapsed patient who declines intensive therapy is offered palliative care', () => {
    const rec = expectRec(evaluateCase(relapsedBAll('late-first', { preferences: { declinesIntensiveTherapy: true } })), 'rec-palliative-care');
    expect(rec.action).toBe('palliative-care');
    expect(rec.category).toBe('supportive');
  });

  // acs-treating-all: "If the leukemia doesn't go away or keeps coming back"
  test('a second relapse is offered palliative care beside further treatment', () => {
    expectRec(evaluateCase(relapsedBAll('second')), 'rec-palliative-care');
  });

  // acs-treating-all: "If the leukemia doesn't go away or keeps coming back"
  test('a relapse refractory to salvage is offered palliative care', () => {
    const base = relapsedBAll('late-first');
    const ev = evaluateCase(withCourses(base, course('reinduction', 4, { end: daysBefore(0), outcome: 'no-remission' })));
    expect(ev.status).toBe('refractory');
    expectRec(ev, 'rec-palliative-care');
  });

  // acs-treating-all: "focus of treatment may shift to controlling the leukemia"
  test('a newly diagnosed patient who declines intensive therapy is offered palliative care', () => {
    expectRec(evaluateCase(untreatedBAll({ preferences: { declinesIntensiveTherapy: true } })), 'rec-palliative-care');
  });

  // acs-treating-all: "focus of treatment may shift to controlling the leukemia"
  test('a late first relapse in a patient who wants treatment gets no palliative-care recommendation', () => {
    expectNoRec(evaluateCase(relapsedBAll('late-first', { preferences: { declinesIntensiveTherapy: false } })), 'rec-palliative-care');
  });

  // acs-treating-all: "focus of treatment may shift to controlling the leukemia"
  test('a newly diagnosed patient who has not declined intensive therapy gets no palliative-care recommendation', () => {
    expectNoRec(evaluateCase(untreatedBAll()), 'rec-palliative-care');
  });
});
