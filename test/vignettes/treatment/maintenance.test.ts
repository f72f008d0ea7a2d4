/** After consolidation: about two years of maintenance with mercaptopurine and methotrexate. */
import { describe, expect, test } from 'vitest';
import {
  PH_POSITIVE_GENETICS, course, evaluateCase, expectNoRec, expectRec, inRemission, relapsedBAll, withCourses,
} from './builders.js';

describe('maintenance chemotherapy', () => {
  // acs-treating-all: "maintenance chemotherapy with methotrexate and 6-mercaptopurine (6-MP)"
  test('in the maintenance phase, maintenance with mercaptopurine and methotrexate is offered', () => {
    const ev = evaluateCase(inRemission('maintenance'));
    expect(ev.phase).toBe('maintenance');
    const rec = expectRec(ev, 'rec-maintenance-chemotherapy');
    expect(rec.action).toBe('maintenance-chemotherapy');
    expect(rec.agents).toEqual(expect.arrayContaining(['mercaptopurine', 'methotrexate']));
  });

  // pdq-adult-all-treatment-hp: "continuation or maintenance chemotherapy was eliminated had outcomes inferior"
  test('consolidation just ended (no maintenance started yet) is when maintenance is due', () => {
    const base = inRemission('maintenance');
    const ev = evaluateCase({ ...base, treatments: base.treatments?.slice(0, 2) });
    expect(ev.phase).toBe('maintenance');
    expectRec(ev, 'rec-maintenance-chemotherapy');
  });

  // acs-treating-all: "Maintenance usually lasts for about 2 years"
  test('during consolidation, maintenance is not yet proposed', () => {
    expectNoRec(evaluateCase(inRemission('consolidation')), 'rec-maintenance-chemotherapy');
  });

  // acs-treating-all: "Maintenance usually lasts for about 2 years"
  test('after maintenance has been completed, it is not proposed again', () => {
    expectNoRec(evaluateCase(inRemission('follow-up')), 'rec-maintenance-chemotherapy');
  });

  // acs-treating-all: "Maintenance usually lasts for about 2 years"
  test('a relapse during maintenance stops the maintenance recommendation', () => {
    expectNoRec(evaluateCase(relapsedBAll('late-first')), 'rec-maintenance-chemotherapy');
  });

  // pdq-adult-all-treatment-hp: "Imatinib has been incorporated into maintenance regimens"
  test('Ph-positive ALL in maintenance gets maintenance chemotherapy and its TKI continued', () => {
    const ev = evaluateCase(withCourses(inRemission('maintenance', { genetics: [...PH_POSITIVE_GENETICS] }), course('tki', 250, { agents: ['imatinib'] })));
    expectRec(ev, 'rec-maintenance-chemotherapy');
    expect(expectRec(ev, 'rec-tki-ph-positive-continue').agents).toEqual(['imatinib']);
  });
});
