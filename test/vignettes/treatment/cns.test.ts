/** The CNS: prophylaxis from the start and in each phase; CNS-directed therapy for known CNS disease. */
import { describe, expect, test } from 'vitest';
import {
  evaluateCase, expectNoRec, expectRec, findings, inRemission, missingActions, onInduction, relapsedBAll,
  untreatedBAll,
} from './builders.js';

describe('CNS prophylaxis', () => {
  // pdq-adult-all-treatment-hp: "The early institution of CNS prophylaxis is critical"
  test('untreated ALL with clear CSF gets CNS prophylaxis with intrathecal methotrexate', () => {
    const ev = evaluateCase(untreatedBAll());
    const rec = expectRec(ev, 'rec-cns-prophylaxis');
    expect(rec.action).toBe('cns-prophylaxis');
    expect(rec.agents).toContain('methotrexate');
    expectNoRec(ev, 'rec-cns-directed-therapy');
  });

  // pdq-adult-all-treatment-patient: "is usually given during each phase of therapy"
  test('CNS prophylaxis continues in consolidation', () => {
    expectRec(evaluateCase(inRemission('consolidation')), 'rec-cns-prophylaxis');
  });

  // acs-treating-all: "CNS prophylaxis/treatment is typically continued at this time"
  test('CNS prophylaxis continues in maintenance', () => {
    expectRec(evaluateCase(inRemission('maintenance')), 'rec-cns-prophylaxis');
  });

  // pdq-adult-all-treatment-patient: "is usually given during each phase of therapy"
  test('after treatment is complete (follow-up) no CNS prophylaxis is proposed', () => {
    expectNoRec(evaluateCase(inRemission('follow-up')), 'rec-cns-prophylaxis');
  });

  // acs-treating-all: "This spread is found when the doctor does a"
  test('with no lumbar puncture on record prophylaxis is still offered and the lumbar puncture is named as missing', () => {
    const ev = evaluateCase(onInduction(findings({ cns: undefined })));
    expectRec(ev, 'rec-cns-prophylaxis');
    expect(missingActions(ev)).toContain('lumbar-puncture');
  });
});

describe('CNS-directed therapy for CNS disease', () => {
  // acs-treating-all: "used to treat leukemia that has spread to the brain"
  test('blasts in the CSF at diagnosis get urgent CNS-directed therapy instead of prophylaxis', () => {
    const ev = evaluateCase(untreatedBAll(findings({ cns: { csfBlasts: true } })));
    const rec = expectRec(ev, 'rec-cns-directed-therapy');
    expect(rec.action).toBe('cns-directed-therapy');
    expect(rec.priority).toBe('urgent');
    expectNoRec(ev, 'rec-cns-prophylaxis');
  });

  // acs-treating-all: "used to treat leukemia that has spread to the brain"
  test('a cranial nerve palsy at diagnosis gets CNS-directed therapy', () => {
    const ev = evaluateCase(untreatedBAll(findings({ cns: { csfBlasts: false, cranialNervePalsy: true } })));
    expectRec(ev, 'rec-cns-directed-therapy');
    expectNoRec(ev, 'rec-cns-prophylaxis');
  });

  // acs-treating-all: "used to treat leukemia that has spread to the brain"
  test('blasts found in the CSF during consolidation get CNS-directed therapy, not just prophylaxis', () => {
    const ev = evaluateCase(inRemission('consolidation', findings({ cns: { csfBlasts: true } })));
    expectRec(ev, 'rec-cns-directed-therapy');
    expectNoRec(ev, 'rec-cns-prophylaxis');
  });

  // acs-treating-all: "used to treat leukemia that has spread to the brain"
  test('a relapse in the CNS gets CNS-directed therapy', () => {
    const ev = evaluateCase(relapsedBAll('late-first', findings({ extramedullary: ['cns'], symptoms: ['fatigue'] })));
    expectRec(ev, 'rec-cns-directed-therapy');
  });

  // acs-treating-all: "used to treat leukemia that has spread to the brain"
  test('a marrow relapse with clear CSF gets no CNS-directed therapy', () => {
    expectNoRec(evaluateCase(relapsedBAll('late-first')), 'rec-cns-directed-therapy');
  });
});
