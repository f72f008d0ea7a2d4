/** Clinical trials at every stage, with a ready ClinicalTrials.gov search for the patient. */
import { describe, expect, test } from 'vitest';
import {
  evaluateCase, expectNoRec, expectRec, inRemission, markers, relapsedBAll, untreatedBAll, untreatedTAll,
} from './builders.js';

const API = 'https://clinicaltrials.gov/api/v2/studies';

describe('clinical trial entry', () => {
  // pdq-adult-all-treatment-hp: "Entry into a clinical trial is highly desirable"
  test('a 47-year-old with untreated Ph-negative B-ALL is offered a trial, with a registry search for her age', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { ageYears: 47, sex: 'female' } }));
    const rec = expectRec(ev, 'rec-clinical-trial');
    expect(rec.action).toBe('clinical-trial');
    const search = rec.trialSearch;
    if (search === undefined) return expect.fail('rec-clinical-trial carries no trialSearch');
    expect(search.url.startsWith(API)).toBe(true);
    const advanced = new URL(search.url).searchParams.get('filter.advanced');
    expect(advanced).toContain('47 years');
    expect(search.ageYears).toBe(47);
    expect(search.terms).toEqual(expect.arrayContaining(['B-cell', 'Philadelphia negative', 'newly diagnosed']));
  });

  // pdq-adult-all-treatment-hp: "Younger adults with ALL may be eligible for selected clinical trials"
  test('a 19-year-old with T-ALL gets a search for T-cell trials open at 19', () => {
    const rec = expectRec(evaluateCase(untreatedTAll({ patient: { ageYears: 19, sex: 'male' } })), 'rec-clinical-trial');
    expect(rec.trialSearch?.terms).toContain('T-cell');
    expect(new URL(rec.trialSearch?.url ?? API).searchParams.get('filter.advanced')).toContain('19 years');
  });

  // pdq-adult-all-treatment-hp: "Entry into a clinical trial is highly desirable"
  test('a relapsed patient is offered a trial searched as relapsed, listing the drugs already given', () => {
    const rec = expectRec(evaluateCase(relapsedBAll('second')), 'rec-clinical-trial');
    expect(rec.trialSearch?.status).toBe('recurrent');
    expect(rec.trialSearch?.terms).toContain('relapsed');
    expect(rec.trialSearch?.priorAgents).toContain('blinatumomab');
  });

  // pdq-adult-all-treatment-hp: "Entry into a clinical trial is highly desirable"
  test('a patient in remission during consolidation is offered a trial', () => {
    expectRec(evaluateCase(inRemission('consolidation')), 'rec-clinical-trial');
  });

  // pdq-adult-all-treatment-patient: "tests will continue to be done from time to time"
  test('after treatment is complete (follow-up), no trial is proposed', () => {
    expectNoRec(evaluateCase(inRemission('follow-up')), 'rec-clinical-trial');
  });

  // pdq-adult-all-treatment-hp: "do not express myeloperoxidase include M0 AML, M7 AML, and ALL"
  test('a myeloid (MPO-positive, no lymphoid marker) leukemia gets no ALL trial', () => {
    const ev = evaluateCase(untreatedBAll(markers({ MPO: 'positive', CD19: 'negative', CD22: 'negative', cCD79a: 'negative' })));
    expect(ev.diagnosis.leukemia).toBe('not-ALL');
    expectNoRec(ev, 'rec-clinical-trial');
  });
});
