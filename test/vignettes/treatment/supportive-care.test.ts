/** Supportive care: febrile neutropenia, infection prophylaxis, transfusion, tumor lysis, blood counts. */
import { describe, expect, test } from 'vitest';
import {
  AS_OF, daysBefore, evaluateCase, expectAlert, expectMissingBy, expectNoAlert, expectNoMissingBy, expectNoRec,
  expectRec, findings, inRemission, lab, onInduction, relapsedBAll, untreatedBAll, withLabs, withoutLab,
} from './builders.js';
import type { Case } from '../../../src/index.js';

/** On induction day 10 with the patient's temperature and symptoms today, and extra labs. */
const inductionWith = (f: NonNullable<Case['findings']>, ...labs: ReturnType<typeof lab>[]) =>
  withLabs(onInduction(findings(f)), ...labs);

describe('febrile neutropenia', () => {
  // pdq-adult-all-treatment-hp: "Empiric broad-spectrum antimicrobial therapy is an absolute necessity for febrile patients"
  test('38.5 °C with an ANC of 0.3 drawn today is a critical alert for empiric broad-spectrum antibiotics', () => {
    const ev = evaluateCase(inductionWith({ temperatureC: 38.5, symptoms: ['fever'] }, lab('anc', 0.3, '10*9/L', AS_OF)));
    const a = expectAlert(ev, 'alert-febrile-neutropenia');
    expect(a.action).toBe('empiric-broad-spectrum-antibiotics');
    expect(a.severity).toBe('critical');
    expect(ev.alerts[0]?.id).toBe('alert-febrile-neutropenia');
  });

  // facts.md §8 (EXT-59): neutropenia = ANC below 500/µL
  test('38.5 °C with an ANC of 0.6 today raises no febrile-neutropenia alert', () => {
    const ev = evaluateCase(inductionWith({ temperatureC: 38.5, symptoms: ['fever'] }, lab('anc', 0.6, '10*9/L', AS_OF)));
    expectNoAlert(ev, 'alert-febrile-neutropenia');
  });

  // facts.md §8 (EXT-59): fever is 38.3 °C once or 38.0 °C sustained
  test('an ANC of 0.3 today without fever (37.1 °C) raises no febrile-neutropenia alert', () => {
    const ev = evaluateCase(inductionWith({ temperatureC: 37.1, symptoms: ['fatigue'] }, lab('anc', 0.3, '10*9/L', AS_OF)));
    expectNoAlert(ev, 'alert-febrile-neutropenia');
  });

  // pdq-adult-all-treatment-hp: "patients must be closely monitored during remission induction treatment"
  test('38.5 °C with the only ANC dated 5 days ago raises no antibiotic alert but an urgent repeat blood count', () => {
    const base = withoutLab(onInduction(findings({ temperatureC: 38.5, symptoms: ['fever'] })), 'anc');
    const ev = evaluateCase(withLabs(base, lab('anc', 0.3, '10*9/L', daysBefore(5))));
    expectNoAlert(ev, 'alert-febrile-neutropenia');
    const m = expectMissingBy(ev, 'missing-cbc-repeat');
    expect(m.action).toBe('cbc-differential');
    expect(m.priority).toBe('urgent');
  });

  // pdq-adult-all-treatment-hp: "patients must be closely monitored during remission induction treatment"
  test('the same fever with an ANC drawn today asks for no repeat blood count', () => {
    const ev = evaluateCase(inductionWith({ temperatureC: 38.5, symptoms: ['fever'] }, lab('anc', 0.3, '10*9/L', AS_OF)));
    expectNoMissingBy(ev, 'missing-cbc-repeat');
  });
});

describe('prophylaxis for profound neutropenia during intensive chemotherapy', () => {
  // pdq-adult-all-treatment-hp: "expected prolonged, profound granulocytopenia (<100/mm3 for 2 weeks)"
  test('an ANC of 0.05 during induction brings prophylactic antibiotics and antifungal/antiviral prophylaxis', () => {
    const ev = evaluateCase(withLabs(onInduction(), lab('anc', 0.05, '10*9/L', AS_OF)));
    const abx = expectAlert(ev, 'alert-prophylactic-antibiotics');
    expect(abx.action).toBe('prophylactic-antibiotics');
    expect(abx.severity).toBe('warning');
    expect(expectAlert(ev, 'alert-antifungal-antiviral-prophylaxis').action).toBe('antifungal-antiviral-prophylaxis');
  });

  // pdq-adult-all-treatment-hp: "expected prolonged, profound granulocytopenia (<100/mm3 for 2 weeks)"
  test('an ANC of 0.3 during induction (not profound) brings no prophylaxis alerts', () => {
    const ev = evaluateCase(onInduction());
    expectNoAlert(ev, 'alert-prophylactic-antibiotics');
    expectNoAlert(ev, 'alert-antifungal-antiviral-prophylaxis');
  });

  // acs-treating-all: "drugs that help prevent fungal and viral infections"
  test('an ANC of 0.05 in maintenance (not intensive chemotherapy) brings no prophylaxis alerts', () => {
    const ev = evaluateCase(withLabs(inRemission('maintenance'), lab('anc', 0.05, '10*9/L', AS_OF)));
    expectNoAlert(ev, 'alert-prophylactic-antibiotics');
    expectNoAlert(ev, 'alert-antifungal-antiviral-prophylaxis');
  });
});

describe('red cell transfusion', () => {
  // pdq-adult-all-treatment-hp: "red blood cell and platelet transfusions, when appropriate" (7 g/dL: AABB, the rule's basis; not in facts.md)
  test('hemoglobin 6.5 g/dL today calls for a red cell transfusion (warning)', () => {
    const a = expectAlert(evaluateCase(withLabs(onInduction(), lab('hemoglobin', 6.5, 'g/dL', AS_OF))), 'alert-rbc-transfusion');
    expect(a.action).toBe('rbc-transfusion');
    expect(a.severity).toBe('warning');
  });

  // acs-treating-all: "may be treated with drugs or with red blood cell transfusions"
  test('hemoglobin 7.5 g/dL calls for no transfusion', () => {
    expectNoAlert(evaluateCase(withLabs(onInduction(), lab('hemoglobin', 7.5, 'g/dL', AS_OF))), 'alert-rbc-transfusion');
  });

  // acs-treating-all: "may be treated with drugs or with red blood cell transfusions"
  test('hemoglobin 6.5 g/dL with breathlessness is critical, saying why', () => {
    const ev = evaluateCase(withLabs(onInduction(findings({ symptoms: ['dyspnea'] })), lab('hemoglobin', 6.5, 'g/dL', AS_OF)));
    const a = expectAlert(ev, 'alert-rbc-transfusion');
    expect(a.severity).toBe('critical');
    expect(a.message).toContain('Symptomatic anemia');
  });

  // pdq-adult-all-treatment-hp: "patients must be closely monitored during remission induction treatment"
  test('hemoglobin 6.5 g/dL measured 5 days ago raises no transfusion alert, but an urgent repeat count', () => {
    const base = withoutLab(onInduction(), 'hemoglobin');
    const ev = evaluateCase(withLabs(base, lab('hemoglobin', 6.5, 'g/dL', daysBefore(5))));
    expectNoAlert(ev, 'alert-rbc-transfusion');
    expect(expectMissingBy(ev, 'missing-cbc-repeat').priority).toBe('urgent');
  });
});

describe('platelet transfusion', () => {
  // acs-treating-all: "platelet transfusions to help protect against bleeding" (10 × 10⁹/L: AABB, the rule's basis; not in facts.md)
  test('platelets 8 × 10⁹/L today call for a platelet transfusion (warning)', () => {
    const a = expectAlert(evaluateCase(withLabs(onInduction(), lab('platelets', 8, '10*9/L', AS_OF))), 'alert-platelet-transfusion');
    expect(a.action).toBe('platelet-transfusion');
    expect(a.severity).toBe('warning');
  });

  // pdq-adult-all-treatment-hp: "red blood cell and platelet transfusions, when appropriate" (50 × 10⁹/L with bleeding: AABB, the rule's basis; not in facts.md)
  test('platelets 30 × 10⁹/L with bleeding are a critical alert', () => {
    const ev = evaluateCase(withLabs(onInduction(findings({ symptoms: ['bleeding'] })), lab('platelets', 30, '10*9/L', AS_OF)));
    const a = expectAlert(ev, 'alert-platelet-transfusion');
    expect(a.severity).toBe('critical');
    expect(a.message).toContain('Active bleeding');
  });

  // acs-treating-all: "platelet transfusions to help protect against bleeding"
  test('platelets 30 × 10⁹/L without bleeding call for no transfusion', () => {
    expectNoAlert(evaluateCase(withLabs(onInduction(), lab('platelets', 30, '10*9/L', AS_OF))), 'alert-platelet-transfusion');
  });

  // acs-treating-all: "platelet transfusions to help protect against bleeding"
  test('platelets 30 × 10⁹/L with petechiae only (no active bleeding) call for no transfusion', () => {
    const ev = evaluateCase(withLabs(onInduction(findings({ symptoms: ['petechiae'] })), lab('platelets', 30, '10*9/L', AS_OF)));
    expectNoAlert(ev, 'alert-platelet-transfusion');
  });

  // pdq-adult-all-treatment-hp: "patients must be closely monitored during remission induction treatment"
  test('platelets 8 × 10⁹/L measured 5 days ago: no transfusion alert, an urgent repeat count', () => {
    const base = withoutLab(onInduction(), 'platelets');
    const ev = evaluateCase(withLabs(base, lab('platelets', 8, '10*9/L', daysBefore(5))));
    expectNoAlert(ev, 'alert-platelet-transfusion');
    expect(expectMissingBy(ev, 'missing-cbc-repeat').action).toBe('cbc-differential');
  });
});

describe('infection precautions and growth factors', () => {
  // pdq-adult-all-treatment-hp: "Careful instruction in personal hygiene and dental care"
  test('a patient on induction is taught infection precautions', () => {
    const rec = expectRec(evaluateCase(onInduction()), 'rec-infection-precautions');
    expect(rec.action).toBe('infection-precautions');
    expect(rec.category).toBe('supportive');
  });

  // pdq-adult-all-treatment-hp: "Careful instruction in personal hygiene and dental care"
  test('after treatment is complete (follow-up), infection precautions are not proposed', () => {
    expectNoRec(evaluateCase(inRemission('follow-up')), 'rec-infection-precautions');
  });

  // pdq-adult-all-treatment-hp: "the use of myeloid growth factors during remission-induction therapy"
  test('growth factors are offered to consider during induction', () => {
    const rec = expectRec(evaluateCase(onInduction()), 'rec-myeloid-growth-factor');
    expect(rec.priority).toBe('consider');
    expect(rec.agents).toContain('filgrastim');
  });

  // acs-treating-all: "it's not clear if they have an effect"
  test('growth factors are not proposed in remission', () => {
    expectNoRec(evaluateCase(inRemission('consolidation')), 'rec-myeloid-growth-factor');
  });
});

describe('tumor lysis', () => {
  // pdq-adult-all-treatment-hp: "the initial workup should include the following"
  test('untreated ALL gets urgent tumor-lysis prophylaxis before induction', () => {
    const rec = expectRec(evaluateCase(untreatedBAll()), 'rec-tumor-lysis-prophylaxis');
    expect(rec.action).toBe('tumor-lysis-prophylaxis');
    expect(rec.priority).toBe('urgent');
  });

  // pdq-adult-all-treatment-hp: "the initial workup should include the following"
  test('once induction is under way, the pre-induction tumor-lysis recommendation is not repeated', () => {
    expectNoRec(evaluateCase(onInduction()), 'rec-tumor-lysis-prophylaxis');
  });

  // pdq-adult-all-treatment-hp: "the initial workup should include the following"
  test('untreated ALL without a potassium on record gets an urgent chemistry panel', () => {
    const m = expectMissingBy(evaluateCase(withoutLab(untreatedBAll(), 'potassium')), 'missing-chemistry-panel');
    expect(m.action).toBe('chemistry-panel');
    expect(m.priority).toBe('urgent');
  });

  // pdq-adult-all-treatment-hp: "the initial workup should include the following"
  test('untreated ALL with a chemistry panel on record is not asked for one', () => {
    expectNoMissingBy(evaluateCase(untreatedBAll()), 'missing-chemistry-panel');
  });
});

describe('blood counts during induction and reinduction', () => {
  // pdq-adult-all-treatment-hp: "patients must be closely monitored during remission induction treatment"
  test('a patient on induction has blood counts monitored', () => {
    const rec = expectRec(evaluateCase(onInduction()), 'rec-monitor-blood-counts-induction');
    expect(rec.action).toBe('monitor-blood-counts');
  });

  // pdq-adult-all-treatment-hp: "patients must be closely monitored during remission induction treatment"
  test('a relapsed patient due for reinduction has blood counts monitored', () => {
    expectRec(evaluateCase(relapsedBAll('late-first')), 'rec-monitor-blood-counts-induction');
  });

  // pdq-adult-all-treatment-hp: "patients must be closely monitored during remission induction treatment"
  test('a patient in remission is not under the induction blood-count rule', () => {
    expectNoRec(evaluateCase(inRemission('maintenance')), 'rec-monitor-blood-counts-induction');
  });
});
