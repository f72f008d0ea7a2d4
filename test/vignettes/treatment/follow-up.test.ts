/** After treatment: blood counts at intervals to detect recurrence, and care for late effects. */
import { describe, expect, test } from 'vitest';
import {
  PH_POSITIVE_GENETICS, course, daysBefore, evaluateCase, expectNoRec, expectRec, inRemission, relapsedBAll,
  withCourses,
} from './builders.js';

describe('follow-up after treatment', () => {
  // pdq-adult-all-treatment-patient: "tests will continue to be done from time to time"
  test('after maintenance is complete, blood counts are repeated at intervals', () => {
    const ev = evaluateCase(inRemission('follow-up'));
    expect(ev.phase).toBe('follow-up');
    const rec = expectRec(ev, 'rec-follow-up-blood-counts');
    expect(rec.action).toBe('monitor-blood-counts');
    expect(rec.category).toBe('monitoring');
  });

  // pdq-adult-all-treatment-hp: "ten cases of secondary malignancies"
  test('after maintenance is complete, late effects are followed', () => {
    const rec = expectRec(evaluateCase(inRemission('follow-up')), 'rec-late-effects');
    expect(rec.action).toBe('late-effects-follow-up');
  });

  // pdq-adult-all-treatment-hp: "ten cases of secondary malignancies"
  test('after an allogeneic transplant in first remission, late effects are followed', () => {
    const base = inRemission('consolidation', { genetics: [...PH_POSITIVE_GENETICS], transplant: { donor: 'matched-sibling' } });
    const ev = evaluateCase(withCourses(base, course('allogeneic-hsct', 25, { end: daysBefore(5) })));
    expectRec(ev, 'rec-late-effects');
    expectRec(ev, 'rec-follow-up-blood-counts');
  });

  // pdq-adult-all-treatment-patient: "tests will continue to be done from time to time"
  test('during maintenance, the follow-up rules do not apply yet', () => {
    const ev = evaluateCase(inRemission('maintenance'));
    expectNoRec(ev, 'rec-follow-up-blood-counts');
    expectNoRec(ev, 'rec-late-effects');
  });

  // pdq-adult-all-treatment-hp: "ten cases of secondary malignancies"
  test('a relapse ends follow-up: no late-effects or follow-up count recommendations', () => {
    const ev = evaluateCase(relapsedBAll('late-first'));
    expectNoRec(ev, 'rec-follow-up-blood-counts');
    expectNoRec(ev, 'rec-late-effects');
  });
});
