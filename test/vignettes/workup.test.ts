/** Missing tests: the work-up whose results would change the answer. */
import { describe, expect, test } from 'vitest';
import {
  NEGATIVE_GENETICS, counts, course, daysBefore, diagnosticLabs, marrowBlasts, evaluateCase, gene, inRemission, missingActions, missingOf, onInduction,
  untreatedBAll, untreatedTAll,
} from './builders.js';

/** The diagnostic and response work-up this file is about (other modules name their own tests). */
const CORE_WORKUP = [
  'bcr-abl1-testing', 'flow-cytometry', 'bone-marrow-aspirate-biopsy', 'lumbar-puncture', 'cytogenetics',
  'kmt2a-testing', 'mrd-assessment', 'cbc-differential',
];
const coreMissing = (ev: Parameters<typeof missingActions>[0]) => missingActions(ev).filter((a) => CORE_WORKUP.includes(a));
const KARYOTYPE_ONLY = [gene('t(9;22)', 'not-detected', 'karyotype'), gene('normal-karyotype', 'detected', 'karyotype')];

describe('BCR::ABL1', () => {
  // pdq-adult-all-treatment-hp: "This last point is of utmost importance"
  test('B-ALL with only a karyotype needs urgent BCR::ABL1 testing', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [...KARYOTYPE_ONLY, NEGATIVE_GENETICS[1]!] }));
    expect(missingOf(ev, 'bcr-abl1-testing')?.priority).toBe('urgent');
  });

  // pdq-adult-all-treatment-hp: "This last point is of utmost importance"
  test('B-ALL with no genetics at all needs urgent BCR::ABL1 testing', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [] }));
    expect(missingOf(ev, 'bcr-abl1-testing')?.priority).toBe('urgent');
  });

  // pdq-adult-all-treatment-hp: "the malignant cells should be analyzed using RT-PCR and FISH"
  test('B-ALL with BCR::ABL1 not detected by RT-PCR needs no more BCR::ABL1 testing', () => {
    expect(missingActions(evaluateCase(untreatedBAll()))).not.toContain('bcr-abl1-testing');
  });

  // pdq-adult-all-treatment-hp: "especially in those with B-cell lineage disease"
  test('T-ALL with a karyotype negative for t(9;22) needs no BCR::ABL1 testing', () => {
    const ev = evaluateCase(untreatedTAll({ genetics: [...KARYOTYPE_ONLY, NEGATIVE_GENETICS[1]!] }));
    expect(missingActions(ev)).not.toContain('bcr-abl1-testing');
  });
});

describe('diagnostic work-up', () => {
  // pdq-adult-all-treatment-hp: "Flow cytometry should be performed to characterize expression"
  test('without an immunophenotype, flow cytometry is urgently missing', () => {
    const ev = evaluateCase(untreatedBAll({ immunophenotype: undefined }));
    expect(missingOf(ev, 'flow-cytometry')?.priority).toBe('urgent');
  });

  // pdq-adult-all-treatment-hp: "Flow cytometry should be performed to characterize expression"
  test('a complete lineage panel leaves no flow cytometry missing', () => {
    expect(missingActions(evaluateCase(untreatedBAll()))).not.toContain('flow-cytometry');
  });

  // pdq-adult-all-treatment-hp: "bone marrow biopsy and aspirate are routinely performed even in T-cell ALL"
  test('without a marrow, a bone marrow aspirate and biopsy is urgently missing', () => {
    const ev = evaluateCase(untreatedTAll({ labs: diagnosticLabs({ marrowBlasts: null }) }));
    expect(missingOf(ev, 'bone-marrow-aspirate-biopsy')?.priority).toBe('urgent');
  });

  // pdq-adult-all-treatment-hp: "bone marrow biopsy and aspirate are routinely performed even in T-cell ALL"
  test('a diagnostic marrow on record leaves no marrow missing before treatment', () => {
    expect(missingActions(evaluateCase(untreatedTAll()))).not.toContain('bone-marrow-aspirate-biopsy');
  });

  // acs-treating-all: "This spread is found when the doctor does a"
  test('without a CNS assessment, a lumbar puncture is missing', () => {
    const ev = evaluateCase(untreatedBAll({ findings: { symptoms: ['fatigue'] } }));
    expect(missingActions(ev)).toContain('lumbar-puncture');
  });

  // acs-treating-all: "This spread is found when the doctor does a"
  test('a lumbar puncture on record leaves none missing', () => {
    const ev = evaluateCase(untreatedBAll({ findings: { symptoms: ['fatigue'], cns: { csfBlasts: false } } }));
    expect(missingActions(ev)).not.toContain('lumbar-puncture');
  });

  // pdq-adult-all-treatment-hp: "Malignant cells should be sent for conventional cytogenetic studies"
  test('without a karyotype, cytogenetics is missing', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: NEGATIVE_GENETICS.slice(0, 2) }));
    expect(missingActions(ev)).toContain('cytogenetics');
  });

  // pdq-adult-all-treatment-hp: "Malignant cells should be sent for conventional cytogenetic studies"
  test('a karyotype with an abnormal finding counts as cytogenetics done', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [...NEGATIVE_GENETICS.slice(0, 2), gene('hypodiploidy', 'detected')] }));
    expect(missingActions(ev)).not.toContain('cytogenetics');
  });

  // pdq-adult-all-treatment-hp: "may be rearranged despite normal cytogenetics"
  test('with only a normal karyotype, KMT2A testing is missing', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [NEGATIVE_GENETICS[0]!, NEGATIVE_GENETICS[2]!] }));
    expect(missingActions(ev)).toContain('kmt2a-testing');
  });

  // pdq-adult-all-treatment-hp: "may be rearranged despite normal cytogenetics"
  test('KMT2A tested by FISH leaves no KMT2A testing missing', () => {
    expect(missingActions(evaluateCase(untreatedBAll()))).not.toContain('kmt2a-testing');
  });

  // pdq-adult-all-treatment-hp: "ranging from pancytopenia to hyperleukocytosis"
  test('without neutrophil and platelet counts, a CBC with differential is missing', () => {
    const ev = evaluateCase(untreatedBAll({ labs: diagnosticLabs({ anc: null, platelets: null }) }));
    expect(missingActions(ev)).toContain('cbc-differential');
  });

  // pdq-adult-all-treatment-hp: "ranging from pancytopenia to hyperleukocytosis"
  test('with neutrophil and platelet counts, no CBC is missing', () => {
    expect(missingActions(evaluateCase(untreatedBAll()))).not.toContain('cbc-differential');
  });

  // pdq-adult-all-treatment-hp: "Proper diagnosis is crucial because of the difference in prognosis"
  test('a myeloid leukemia gets none of the ALL work-up', () => {
    const ev = evaluateCase(untreatedBAll({
      immunophenotype: { markers: { MPO: 'positive', CD13: 'positive', CD19: 'negative', CD3: 'negative' } },
      genetics: [], findings: { symptoms: ['fatigue'] },
    }));
    expect(ev.diagnosis.leukemia).toBe('not-ALL');
    expect(coreMissing(ev)).toEqual([]);
  });
});

describe('response assessment', () => {
  // acs-treating-all: "Induction chemo usually lasts for a month or so"
  test('on day 28 of induction without a response marrow, the marrow is urgently due', () => {
    const ev = evaluateCase(onInduction({}, 28));
    expect(missingOf(ev, 'bone-marrow-aspirate-biopsy')).toMatchObject({ priority: 'urgent', awaits: ['missing-response-marrow'] });
  });

  // acs-treating-all: "Induction chemo usually lasts for a month or so"
  test('on day 27 of induction the response marrow is not yet due', () => {
    expect(missingActions(evaluateCase(onInduction({}, 27)))).not.toContain('bone-marrow-aspirate-biopsy');
  });

  // facts.md §4.3: CR = marrow blasts < 5% with counts recovered after treatment
  test('a clear marrow after induction without counts since asks for a CBC, not for a response marrow', () => {
    const ev = evaluateCase(onInduction({
      labs: [...diagnosticLabs({ date: daysBefore(38), anc: 2.0, platelets: 150 }), marrowBlasts(3, daysBefore(6))],
      treatments: [course('induction', 35, { end: daysBefore(7) })],
    }, 35));
    expect(ev.status).toBe('unknown');
    expect(coreMissing(ev)).toContain('cbc-differential');
    expect(missingOf(ev, 'bone-marrow-aspirate-biopsy')?.awaits ?? []).not.toContain('missing-response-marrow');
  });

  // facts.md §4.3: CR = marrow blasts < 5% with counts recovered after treatment
  test('a clear marrow after induction with recovered counts since asks for no CBC', () => {
    const ev = evaluateCase(onInduction({
      labs: [...diagnosticLabs({ date: daysBefore(38) }), marrowBlasts(3, daysBefore(6)), ...counts(1.5, 150)],
      treatments: [course('induction', 35, { end: daysBefore(7) })],
    }, 35));
    expect(ev.status).toBe('remission');
    expect(coreMissing(ev)).not.toContain('cbc-differential');
  });

  // acs-treating-all: "leukemia cells are no longer found in bone marrow samples"
  test('a finished reinduction without a marrow since asks for the response marrow', () => {
    const ev = evaluateCase(onInduction({
      labs: [...diagnosticLabs({ date: daysBefore(38) }), ...counts(1.5, 150)],
      treatments: [course('reinduction', 35, { end: daysBefore(7) })],
    }, 35));
    expect(ev.status).toBe('unknown');
    expect(missingOf(ev, 'bone-marrow-aspirate-biopsy')?.awaits).toContain('missing-response-marrow');
  });

  // acs-about-all: "detect even the smallest amount of leukemia left after treatment" (timing: facts.md §7)
  test('at the end of induction without MRD, an MRD assessment is missing', () => {
    expect(missingActions(evaluateCase(onInduction({}, 28)))).toContain('mrd-assessment');
  });

  // acs-about-all: "detect even the smallest amount of leukemia left after treatment" (timing: facts.md §7)
  test('early in induction no MRD assessment is asked for', () => {
    expect(missingActions(evaluateCase(onInduction({}, 27)))).not.toContain('mrd-assessment');
  });

  // acs-about-all: "detect even the smallest amount of leukemia left after treatment"
  test('in remission without an MRD result since induction, MRD is missing', () => {
    expect(missingActions(evaluateCase(inRemission({ mrd: [] })))).toContain('mrd-assessment');
  });

  // acs-about-all: "detect even the smallest amount of leukemia left after treatment"
  test('in remission with an MRD result since induction, no work-up is missing', () => {
    expect(coreMissing(evaluateCase(inRemission()))).toEqual([]);
  });
});
