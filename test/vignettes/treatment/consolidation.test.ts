/** In remission after induction: consolidation, with blinatumomab for CD19-positive B-ALL when indicated. */
import { describe, expect, test } from 'vitest';
import {
  PH_POSITIVE_GENETICS, T_MARKERS, daysBefore, evaluateCase, expectMissingBy, expectNoRec, expectRec, inRemission,
  markers, missingActions, relapsedBAll,
} from './builders.js';

/** MRD at the end of induction (32 days before asOf in the consolidation builder). */
const mrd = (percent: number) => ({ mrd: [{ date: daysBefore(32), percent, method: 'flow' as const }] });

describe('consolidation chemotherapy', () => {
  // pdq-adult-all-treatment-hp: "short-term, relatively intensive chemotherapy followed by any of the following"
  test('first remission after induction gets urgent consolidation chemotherapy', () => {
    const ev = evaluateCase(inRemission('consolidation'));
    expect(ev.phase).toBe('consolidation');
    const rec = expectRec(ev, 'rec-consolidation-chemotherapy');
    expect(rec.action).toBe('consolidation-chemotherapy');
    expect(rec.priority).toBe('urgent');
  });

  // acs-treating-all: "Chemo treatment for ALL is typically divided into 3 phases"
  test('once consolidation is done and maintenance is under way, consolidation is not proposed again', () => {
    const ev = evaluateCase(inRemission('maintenance'));
    expectNoRec(ev, 'rec-consolidation-chemotherapy');
  });

  // acs-treating-all: "Chemo treatment for ALL is typically divided into 3 phases"
  test('relapsed ALL gets reinduction, not consolidation', () => {
    expectNoRec(evaluateCase(relapsedBAll('late-first')), 'rec-consolidation-chemotherapy');
  });
});

describe('blinatumomab in consolidation', () => {
  // facts.md §6.5 (EXT-39): blinatumomab consolidation for CD19-positive Ph-negative B-ALL, whatever the MRD
  test('CD19-positive Ph-negative B-ALL in remission is offered blinatumomab in consolidation even with MRD below 0.01%', () => {
    const ev = evaluateCase(inRemission('consolidation'));
    const rec = expectRec(ev, 'rec-blinatumomab-consolidation');
    expect(rec.action).toBe('blinatumomab');
    expect(rec.agents).toEqual(['blinatumomab']);
    expect(rec.priority).toBe('routine');
  });

  // facts.md §6.5 (EXT-40): blinatumomab for CD19-positive B-ALL in remission with MRD of 0.1% or more
  test('CD19-positive Ph-positive B-ALL with MRD 0.5% is offered blinatumomab in consolidation', () => {
    const ev = evaluateCase(inRemission('consolidation', { genetics: [...PH_POSITIVE_GENETICS], ...mrd(0.5) }));
    expectRec(ev, 'rec-blinatumomab-consolidation');
  });

  // facts.md §6.5 (EXT-40): blinatumomab for CD19-positive B-ALL in remission with MRD of 0.1% or more
  test('CD19-positive Ph-positive B-ALL with MRD 0.05% (below 0.1%) is not offered blinatumomab', () => {
    const ev = evaluateCase(inRemission('consolidation', { genetics: [...PH_POSITIVE_GENETICS], ...mrd(0.05) }));
    expectNoRec(ev, 'rec-blinatumomab-consolidation');
  });

  // acs-about-all: "detect even the smallest amount of leukemia left after treatment"
  test('Ph-positive B-ALL without an MRD result gets no blinatumomab yet, and MRD assessment in missing', () => {
    const ev = evaluateCase(inRemission('consolidation', { genetics: [...PH_POSITIVE_GENETICS], mrd: [] }));
    expectNoRec(ev, 'rec-blinatumomab-consolidation');
    expect(expectMissingBy(ev, 'rec-blinatumomab-consolidation').action).toBe('mrd-assessment');
  });

  // acs-treating-all: "part of the second (consolidation) phase of treatment"
  test('CD19-negative B-ALL in remission is not offered blinatumomab', () => {
    const ev = evaluateCase(inRemission('consolidation', markers({ CD19: 'negative' })));
    expectNoRec(ev, 'rec-blinatumomab-consolidation');
    expect(missingActions(ev)).not.toContain('cd19-testing');
  });

  // acs-treating-all: "part of the second (consolidation) phase of treatment"
  test('B-ALL in remission with CD19 not tested gets no blinatumomab, and CD19 testing in missing', () => {
    const ev = evaluateCase(inRemission('consolidation', markers({ CD19: undefined })));
    expectNoRec(ev, 'rec-blinatumomab-consolidation');
    expect(expectMissingBy(ev, 'rec-blinatumomab-consolidation').action).toBe('cd19-testing');
  });

  // acs-treating-all: "part of the second (consolidation) phase of treatment"
  test('T-ALL in remission is not offered blinatumomab', () => {
    const ev = evaluateCase(inRemission('consolidation', { immunophenotype: { markers: T_MARKERS } }));
    expectNoRec(ev, 'rec-blinatumomab-consolidation');
  });

  // acs-treating-all: "part of the second (consolidation) phase of treatment"
  test('in the maintenance phase blinatumomab consolidation is no longer proposed', () => {
    expectNoRec(evaluateCase(inRemission('maintenance')), 'rec-blinatumomab-consolidation');
  });
});
