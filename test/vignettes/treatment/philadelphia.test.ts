/** Philadelphia chromosome-positive ALL: a TKI with induction, continued in remission, switched at relapse. */
import { describe, expect, test } from 'vitest';
import {
  KMT2A_GENETICS, PH_POSITIVE_GENETICS, actionsOf, course, evaluateCase, expectMissingBy, expectNoMissingBy,
  expectNoRec, expectRec, gene, geneticsWithout, inRemission, missingOf, onInduction, refractory, relapsedBAll,
  untreatedBAll, withAgentsInLastCourse, withCourses,
} from './builders.js';
import type { Agent, GeneticTestResult } from '../../../src/index.js';

/** Ph-positive B-ALL in first remission, due for consolidation, on `tki` since induction. */
const phRemissionOn = (tki: Agent) => withCourses(
  inRemission('consolidation', { genetics: [...PH_POSITIVE_GENETICS] }),
  course('tki', 30, { agents: [tki] }),
);
/** Ph-positive B-ALL in late first relapse while on the `prior` TKIs; more genetics may be added. */
const phRelapseAfter = (prior: Agent[], ...extra: GeneticTestResult[]) =>
  withAgentsInLastCourse(relapsedBAll('late-first', { genetics: [...PH_POSITIVE_GENETICS, ...extra] }), ...prior);

describe('TKI with induction for newly diagnosed Ph-positive ALL', () => {
  // pdq-adult-all-treatment-hp: "clinical activity as a single agent in Ph-positive ALL"
  test('untreated Ph-positive B-ALL is offered an urgent TKI alongside induction chemotherapy', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [...PH_POSITIVE_GENETICS] }));
    const rec = expectRec(ev, 'rec-tki-ph-positive');
    expect(rec.action).toBe('tki');
    expect(rec.priority).toBe('urgent');
    expect(rec.agents).toEqual(expect.arrayContaining(['imatinib', 'dasatinib']));
    expectRec(ev, 'rec-induction-chemotherapy');
  });

  // facts.md §6.3 (EXT-36): ponatinib with chemotherapy for newly diagnosed Ph-positive ALL
  test('the TKI choices at diagnosis include ponatinib', () => {
    const ev = evaluateCase(onInduction({ genetics: [...PH_POSITIVE_GENETICS] }));
    expect(expectRec(ev, 'rec-tki-ph-positive').agents).toContain('ponatinib');
  });

  // pdq-adult-all-treatment-hp: "clinical activity as a single agent in Ph-positive ALL"
  test('Ph-negative B-ALL (BCR::ABL1 not detected by RT-PCR) is offered no TKI', () => {
    const ev = evaluateCase(untreatedBAll());
    expect(ev.diagnosis.philadelphia).toBe('negative');
    expectNoRec(ev, 'rec-tki-ph-positive');
    expect(actionsOf(ev)).not.toContain('tki');
  });

  // pdq-adult-all-treatment-hp: "This last point is of utmost importance"
  test('Ph-unknown B-ALL gets no TKI, and BCR::ABL1 testing is urgent in missing', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: geneticsWithout('BCR::ABL1') }));
    expect(ev.diagnosis.philadelphia).toBe('unknown');
    expect(actionsOf(ev)).not.toContain('tki');
    const m = expectMissingBy(ev, 'rec-tki-ph-positive');
    expect(m.action).toBe('bcr-abl1-testing');
    expect(m.priority).toBe('urgent');
  });

  // pdq-adult-all-treatment-hp: "may be detectable only by fluorescence in situ hybridization (FISH)"
  test('a karyotype without t(9;22) leaves B-ALL Ph-unknown: still no TKI, still urgent BCR::ABL1 testing', () => {
    const genetics = [...geneticsWithout('BCR::ABL1'), gene('t(9;22)', 'not-detected', 'karyotype')];
    const ev = evaluateCase(untreatedBAll({ genetics }));
    expect(actionsOf(ev)).not.toContain('tki');
    expect(missingOf(ev, 'bcr-abl1-testing')?.priority).toBe('urgent');
  });
});

describe('TKI continued in remission', () => {
  // pdq-adult-all-treatment-hp: "Imatinib has been incorporated into maintenance regimens"
  test('Ph-positive ALL in remission on imatinib is offered imatinib to continue', () => {
    const ev = evaluateCase(phRemissionOn('imatinib'));
    const rec = expectRec(ev, 'rec-tki-ph-positive-continue');
    expect(rec.priority).toBe('routine');
    expect(rec.agents).toEqual(['imatinib']);
  });

  // acs-treating-all: "Continuing on one of these drugs can also help keep the leukemia"
  test('Ph-positive ALL in remission on dasatinib continues dasatinib, not imatinib', () => {
    const ev = evaluateCase(phRemissionOn('dasatinib'));
    expect(expectRec(ev, 'rec-tki-ph-positive-continue').agents).toEqual(['dasatinib']);
  });

  // acs-treating-all: "Continuing on one of these drugs can also help keep the leukemia"
  test('Ph-positive ALL in remission on nilotinib is offered nilotinib to continue (not silently nothing)', () => {
    const ev = evaluateCase(phRemissionOn('nilotinib'));
    expect(expectRec(ev, 'rec-tki-ph-positive-continue').agents).toEqual(['nilotinib']);
  });

  // pdq-adult-all-treatment-hp: "Imatinib has been incorporated into maintenance regimens"
  test('Ph-negative ALL in remission is offered no TKI to continue', () => {
    const ev = evaluateCase(inRemission('consolidation'));
    expectNoRec(ev, 'rec-tki-ph-positive-continue');
  });
});

describe('TKI switched at relapse', () => {
  // pdq-adult-all-treatment-hp: "Dasatinib has been approved for use in patients with Ph-positive ALL"
  test('Ph-positive ALL relapsing after imatinib is switched to dasatinib (not imatinib again)', () => {
    const ev = evaluateCase(phRelapseAfter(['imatinib']));
    const rec = expectRec(ev, 'rec-tki-ph-positive-switch');
    expect(rec.priority).toBe('urgent');
    expect(rec.agents).toEqual(['dasatinib']);
    expectNoRec(ev, 'rec-tki-ph-positive');
    expectNoRec(ev, 'rec-tki-ph-positive-continue');
  });

  // facts.md §6.3 (EXT-38): ponatinib for Ph-positive ALL with the T315I mutation
  test('Ph-positive ALL with ABL1 T315I relapsing after imatinib is offered ponatinib and not dasatinib', () => {
    const ev = evaluateCase(phRelapseAfter(['imatinib'], gene('ABL1-T315I', 'detected', 'NGS')));
    expect(expectRec(ev, 'rec-tki-ph-positive-switch').agents).toEqual(['ponatinib']);
  });

  // acs-treating-all: "are often switched to a different targeted drug"
  test('Ph-positive ALL relapsing after dasatinib is offered ponatinib', () => {
    const ev = evaluateCase(phRelapseAfter(['imatinib', 'dasatinib'], gene('ABL1-T315I', 'not-detected', 'NGS')));
    expect(expectRec(ev, 'rec-tki-ph-positive-switch').agents).toEqual(['ponatinib']);
  });

  // pdq-adult-all-treatment-hp: "Dasatinib has been approved for use in patients with Ph-positive ALL"
  test('primary refractory Ph-positive ALL is offered a TKI switch too', () => {
    const ev = evaluateCase(withAgentsInLastCourse(refractory({ genetics: [...PH_POSITIVE_GENETICS] }), 'imatinib'));
    expect(ev.status).toBe('refractory');
    expect(expectRec(ev, 'rec-tki-ph-positive-switch').agents).toEqual(['dasatinib']);
  });

  // acs-treating-all: "are often switched to a different targeted drug"
  test('relapsed Ph-negative ALL is offered no TKI switch', () => {
    const ev = evaluateCase(relapsedBAll('late-first'));
    expectNoRec(ev, 'rec-tki-ph-positive-switch');
  });
});

describe('ABL1 kinase-domain mutation testing when Ph-positive disease resists a TKI', () => {
  // pdq-adult-all-treatment-hp: "efficacy against several different imatinib-resistant BCR::ABL fusion gene mutations"
  test('Ph-positive relapse on imatinib without a T315I result names urgent ABL1 mutation testing', () => {
    const ev = evaluateCase(phRelapseAfter(['imatinib']));
    const m = expectMissingBy(ev, 'missing-abl1-mutation');
    expect(m.action).toBe('abl1-mutation-testing');
    expect(m.priority).toBe('urgent');
  });

  // pdq-adult-all-treatment-hp: "efficacy against several different imatinib-resistant BCR::ABL fusion gene mutations"
  test('once T315I has been tested (not detected), no mutation testing is asked for', () => {
    const ev = evaluateCase(phRelapseAfter(['imatinib'], gene('ABL1-T315I', 'not-detected', 'NGS')));
    expectNoMissingBy(ev, 'missing-abl1-mutation');
    expect(expectRec(ev, 'rec-tki-ph-positive-switch').agents).toEqual(['dasatinib']);
  });

  // pdq-adult-all-treatment-hp: "efficacy against several different imatinib-resistant BCR::ABL fusion gene mutations"
  test('Ph-positive relapse that never saw a TKI asks for no mutation testing', () => {
    const ev = evaluateCase(relapsedBAll('late-first', { genetics: [...PH_POSITIVE_GENETICS] }));
    expectNoMissingBy(ev, 'missing-abl1-mutation');
  });

  // pdq-adult-all-treatment-hp: "efficacy against several different imatinib-resistant BCR::ABL fusion gene mutations"
  test('Ph-negative relapse (KMT2A-rearranged) asks for no ABL1 mutation testing', () => {
    const ev = evaluateCase(relapsedBAll('late-first', { genetics: [...KMT2A_GENETICS] }));
    expectNoMissingBy(ev, 'missing-abl1-mutation');
  });
});
