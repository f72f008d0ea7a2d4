/**
 * Risk factors, each present / absent / unknown at its threshold, and the group they add up to.
 * Thresholds come from adult trial groups (facts.md §5.4); the sources name the factors only.
 */
import { describe, expect, test } from 'vitest';
import {
  B_MARKERS, NEGATIVE_GENETICS, course, daysBefore, diagnosticLabs, evaluateCase, factor, gene, inRemission, lab,
  marrowBlasts, counts, onInduction, untreatedBAll, untreatedTAll,
} from './builders.js';

const withGenetics = (...extra: ReturnType<typeof gene>[]) => untreatedBAll({ genetics: [...NEGATIVE_GENETICS, ...extra] });

describe('age', () => {
  // all-patient-overview: "Younger patients tend to have a better prognosis" (threshold: facts.md §5.4)
  test('age 35 is not an adverse age', () => {
    expect(factor(evaluateCase(untreatedBAll({ patient: { ageYears: 35, sex: 'male' } })), 'risk-age')).toBe(false);
  });

  // all-patient-overview: "Younger patients tend to have a better prognosis" (threshold: facts.md §5.4)
  test('age 36 is an adverse age and makes the group high', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { ageYears: 36, sex: 'male' } }));
    expect(factor(ev, 'risk-age')).toBe(true);
    expect(ev.risk.group).toBe('high');
  });
});

describe('white count at diagnosis', () => {
  // all-patient-overview: "have a low white blood cell count at the time of diagnosis" (threshold: facts.md §5.4)
  test('WBC 30 × 10⁹/L in B-ALL is below the B-lineage threshold', () => {
    expect(factor(evaluateCase(untreatedBAll({ labs: diagnosticLabs({ wbc: 30 }) })), 'risk-wbc')).toBe(false);
  });

  // all-patient-overview: "have a low white blood cell count at the time of diagnosis" (threshold: facts.md §5.4)
  test('WBC 31 × 10⁹/L in B-ALL is a high count', () => {
    expect(factor(evaluateCase(untreatedBAll({ labs: diagnosticLabs({ wbc: 31 }) })), 'risk-wbc')).toBe(true);
  });

  // all-patient-overview: "have a low white blood cell count at the time of diagnosis" (threshold: facts.md §5.4)
  test('WBC 31,000 per microliter in B-ALL is the same high count', () => {
    const labs = [...diagnosticLabs({ wbc: 1 }).filter((l) => l.test !== 'wbc'), lab('wbc', 31000, '/uL', daysBefore(3))];
    expect(factor(evaluateCase(untreatedBAll({ labs })), 'risk-wbc')).toBe(true);
  });

  // all-patient-overview: "have a low white blood cell count at the time of diagnosis" (threshold: facts.md §5.4)
  test('WBC 100 × 10⁹/L in T-ALL is below the T-lineage threshold', () => {
    expect(factor(evaluateCase(untreatedTAll({ labs: diagnosticLabs({ wbc: 100 }) })), 'risk-wbc')).toBe(false);
  });

  // all-patient-overview: "have a low white blood cell count at the time of diagnosis" (threshold: facts.md §5.4)
  test('WBC 101 × 10⁹/L in T-ALL is a high count', () => {
    expect(factor(evaluateCase(untreatedTAll({ labs: diagnosticLabs({ wbc: 101 }) })), 'risk-wbc')).toBe(true);
  });

  // facts.md §5.4: the WBC threshold depends on lineage (30 in B, 100 in T)
  test('WBC 50 × 10⁹/L with lineage unknown cannot be judged', () => {
    const ev = evaluateCase(untreatedBAll({ labs: diagnosticLabs({ wbc: 50 }), immunophenotype: { markers: { ...B_MARKERS, cCD3: 'positive' } } }));
    expect(factor(ev, 'risk-wbc')).toBe('unknown');
  });

  // facts.md §5.4: the WBC threshold depends on lineage (30 in B, 100 in T)
  test('WBC 50 × 10⁹/L counts as high in B-ALL once the lineage is known', () => {
    expect(factor(evaluateCase(untreatedBAll({ labs: diagnosticLabs({ wbc: 50 }) })), 'risk-wbc')).toBe(true);
  });

  // facts.md §5.4: WBC at diagnosis, not during treatment
  test('a white count rising after induction started is not the count at diagnosis', () => {
    const base = onInduction({}, 10);
    const ev = evaluateCase({ ...base, labs: [...(base.labs ?? []), lab('wbc', 80, '10*9/L', daysBefore(1))] });
    expect(factor(ev, 'risk-wbc')).toBe(false);
  });
});

describe('genetics', () => {
  // pdq-adult-all-treatment-hp: "chromosomal abnormalities associated with a poor prognosis are t(4;11)"
  test('Philadelphia-positive ALL is high risk', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [gene('BCR::ABL1', 'detected', 'RT-PCR'), ...NEGATIVE_GENETICS.slice(1)] }));
    expect(factor(ev, 'risk-ph-positive')).toBe(true);
    expect(ev.risk.group).toBe('high');
  });

  // pdq-adult-all-treatment-hp: "chromosomal abnormalities associated with a poor prognosis are t(4;11)"
  test('Philadelphia-negative ALL by RT-PCR has Ph as an absent factor', () => {
    const ev = evaluateCase(untreatedBAll());
    expect(factor(ev, 'risk-ph-positive')).toBe(false);
    expect(ev.risk.group).toBe('standard');
  });

  // pdq-adult-all-treatment-hp: "especially in those with B-cell lineage disease"
  test('B-ALL with only a karyotype has Ph as an unknown factor and an unknown group', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: NEGATIVE_GENETICS.slice(1) }));
    expect(factor(ev, 'risk-ph-positive')).toBe('unknown');
    expect(ev.risk.group).toBe('unknown');
  });

  // pdq-adult-all-treatment-hp: "characterized by rearrangements of the MLL gene"
  test('a KMT2A rearrangement is a high-risk factor', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [gene('BCR::ABL1', 'not-detected', 'RT-PCR'), gene('t(4;11)', 'detected', 'karyotype')] }));
    expect(factor(ev, 'risk-kmt2a')).toBe(true);
    expect(ev.risk.group).toBe('high');
  });

  // pdq-adult-all-treatment-hp: "may be rearranged despite normal cytogenetics"
  test('no KMT2A rearrangement by FISH makes KMT2A an absent factor', () => {
    expect(factor(evaluateCase(untreatedBAll()), 'risk-kmt2a')).toBe(false);
  });

  // pdq-adult-all-treatment-hp: "may be rearranged despite normal cytogenetics"
  test('KMT2A untested by FISH is an unknown factor', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [gene('BCR::ABL1', 'not-detected', 'RT-PCR'), gene('normal-karyotype', 'detected', 'karyotype')] }));
    expect(factor(ev, 'risk-kmt2a')).toBe('unknown');
  });

  // pdq-adult-all-treatment-hp: "karyotype was the most important predictor of disease-free survival" (hypodiploidy: facts.md §5.4)
  test('hypodiploidy on the karyotype is a high-risk factor', () => {
    expect(factor(evaluateCase(withGenetics(gene('hypodiploidy', 'detected', 'karyotype'))), 'risk-hypodiploidy')).toBe(true);
  });

  // pdq-adult-all-treatment-hp: "karyotype was the most important predictor of disease-free survival" (complex karyotype: facts.md §5.4)
  test('a complex karyotype is a high-risk factor', () => {
    expect(factor(evaluateCase(withGenetics(gene('complex-karyotype', 'detected', 'karyotype'))), 'risk-complex-karyotype')).toBe(true);
  });

  // pdq-adult-all-treatment-hp: "patients with deletion of chromosome 7 or trisomy 8"
  test('deletion of chromosome 7 is a high-risk factor', () => {
    expect(factor(evaluateCase(withGenetics(gene('del(7)', 'detected', 'karyotype'))), 'risk-del7')).toBe(true);
  });

  // pdq-adult-all-treatment-hp: "patients with deletion of chromosome 7 or trisomy 8"
  test('trisomy 8 is a high-risk factor', () => {
    expect(factor(evaluateCase(withGenetics(gene('trisomy-8', 'detected', 'karyotype'))), 'risk-trisomy-8')).toBe(true);
  });

  // pdq-adult-all-treatment-hp: "karyotype was the most important predictor of disease-free survival"
  test('a normal karyotype rules out the karyotype factors', () => {
    const ev = evaluateCase(untreatedBAll());
    for (const id of ['risk-hypodiploidy', 'risk-complex-karyotype', 'risk-del7', 'risk-trisomy-8']) expect(factor(ev, id)).toBe(false);
  });

  // pdq-adult-all-treatment-hp: "Malignant cells should be sent for conventional cytogenetic studies"
  test('without a karyotype the karyotype factors are unknown', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: NEGATIVE_GENETICS.slice(0, 2) }));
    for (const id of ['risk-hypodiploidy', 'risk-complex-karyotype', 'risk-del7', 'risk-trisomy-8']) expect(factor(ev, id)).toBe('unknown');
    expect(ev.risk.group).toBe('unknown');
  });

  // pdq-adult-all-treatment-hp: "Malignant cells should be sent for conventional cytogenetic studies"
  test('a FISH probe negative for hypodiploidy rules out hypodiploidy but not deletion 7', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [...NEGATIVE_GENETICS.slice(0, 2), gene('hypodiploidy', 'not-detected', 'FISH')] }));
    expect(factor(ev, 'risk-hypodiploidy')).toBe(false);
    expect(factor(ev, 'risk-del7')).toBe('unknown');
  });
});

describe('response: time to remission and MRD', () => {
  // all-patient-overview: "unable to detect leukemic cells after 4 to 5 weeks" (threshold: facts.md §5.4)
  test('a remission 28 days after starting induction is not late', () => {
    expect(factor(evaluateCase(inRemission()), 'risk-late-remission')).toBe(false);
  });

  // all-patient-overview: "unable to detect leukemic cells after 4 to 5 weeks" (threshold: facts.md §5.4)
  test('a remission 29 days after starting induction is late', () => {
    const ev = evaluateCase(inRemission({ treatments: [course('induction', 60, { end: daysBefore(31), outcome: 'complete-remission' })] }));
    expect(factor(ev, 'risk-late-remission')).toBe(true);
    expect(ev.risk.group).toBe('high');
  });

  // facts.md §5.4: CR after more than 1 induction cycle is late
  test('a remission only after a second induction course is late', () => {
    const ev = evaluateCase(inRemission({ treatments: [
      course('induction', 60, { end: daysBefore(50), outcome: 'intolerance' }),
      course('induction', 45, { end: daysBefore(35), outcome: 'complete-remission' }),
    ] }));
    expect(factor(ev, 'risk-late-remission')).toBe(true);
  });

  // facts.md §5.4: no CR within 4 weeks is adverse
  test('refractory disease counts as no remission within 4 weeks', () => {
    const ev = evaluateCase(onInduction({
      labs: [...diagnosticLabs({ date: daysBefore(38) }), marrowBlasts(40, daysBefore(6)), ...counts(1.5, 150)],
      treatments: [course('induction', 35, { end: daysBefore(7) })],
    }, 35));
    expect(factor(ev, 'risk-late-remission')).toBe(true);
  });

  // acs-about-all: "detect even the smallest amount of leukemia left after treatment" (threshold: facts.md §5.4)
  test('MRD of 0.01% after induction is a high-risk factor', () => {
    const ev = evaluateCase(inRemission({ mrd: [{ date: daysBefore(32), percent: 0.01, method: 'flow' }] }));
    expect(factor(ev, 'risk-mrd-positive')).toBe(true);
    expect(ev.risk.group).toBe('high');
  });

  // acs-about-all: "detect even the smallest amount of leukemia left after treatment" (threshold: facts.md §5.4)
  test('MRD of 0.009% after induction is below the threshold', () => {
    const ev = evaluateCase(inRemission({ mrd: [{ date: daysBefore(32), percent: 0.009, method: 'flow' }] }));
    expect(factor(ev, 'risk-mrd-positive')).toBe(false);
  });

  // acs-about-all: "detect even the smallest amount of leukemia left after treatment"
  test('an MRD result from before induction is not a response result', () => {
    const ev = evaluateCase(inRemission({ mrd: [{ date: daysBefore(62), percent: 0.001, method: 'flow' }] }));
    expect(factor(ev, 'risk-mrd-positive')).toBe('unknown');
    expect(ev.risk.group).toBe('unknown');
  });

  // facts.md §5.4: response factors are assessed at the end of induction
  test('before the response is assessable the group is standard but provisional', () => {
    const ev = evaluateCase(onInduction({}, 10));
    expect(factor(ev, 'risk-late-remission')).toBe('unknown');
    expect(factor(ev, 'risk-mrd-positive')).toBe('unknown');
    expect(ev.risk).toMatchObject({ group: 'standard', provisional: true });
  });

  // facts.md §5.4: response factors are assessed at the end of induction
  test('once remission and MRD are known and all factors absent, the group is standard and final', () => {
    expect(evaluateCase(inRemission()).risk).toMatchObject({ group: 'standard', provisional: false });
  });
});

describe('CNS involvement', () => {
  // acs-treating-all: "This spread is found when the doctor does a" (risk factor: facts.md §5.4)
  test('blasts in the cerebrospinal fluid are CNS involvement', () => {
    const ev = evaluateCase(untreatedBAll({ findings: { cns: { csfBlasts: true } } }));
    expect(factor(ev, 'risk-cns')).toBe(true);
    expect(ev.risk.group).toBe('high');
  });

  // acs-treating-all: "This spread is found when the doctor does a"
  test('a CSF blast count above zero in the labs is CNS involvement', () => {
    const base = untreatedBAll({ findings: {} });
    const ev = evaluateCase({ ...base, labs: [...(base.labs ?? []), lab('blasts', 2, '%', daysBefore(2), 'csf')] });
    expect(factor(ev, 'risk-cns')).toBe(true);
  });

  // facts.md §2.4: a cranial nerve palsy counts as CNS disease
  test('a cranial nerve palsy is CNS involvement even before a lumbar puncture', () => {
    expect(factor(evaluateCase(untreatedBAll({ findings: { cns: { cranialNervePalsy: true } } })), 'risk-cns')).toBe(true);
  });

  // acs-treating-all: "This spread is found when the doctor does a"
  test('a lumbar puncture without blasts rules out CNS involvement', () => {
    expect(factor(evaluateCase(untreatedBAll({ findings: { cns: { csfBlasts: false } } })), 'risk-cns')).toBe(false);
  });

  // acs-treating-all: "This spread is found when the doctor does a"
  test('without a lumbar puncture CNS status is unknown', () => {
    const ev = evaluateCase(untreatedBAll({ findings: { symptoms: ['fatigue'] } }));
    expect(factor(ev, 'risk-cns')).toBe('unknown');
    expect(ev.risk.group).toBe('unknown');
  });
});
