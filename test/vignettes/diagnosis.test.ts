/** Diagnosis: ALL versus lymphoblastic lymphoma versus not-ALL, lineage, subtype, Ph and KMT2A. */
import { describe, expect, test } from 'vitest';
import {
  B_MARKERS, NEGATIVE_GENETICS, counts, daysBefore, diagnosticLabs, evaluateCase, gene, inRemission, marrowBlasts,
  untreatedBAll, untreatedTAll,
} from './builders.js';

const NO_CNS = { cns: { csfBlasts: false, cranialNervePalsy: false } };
const markers = (m: NonNullable<Parameters<typeof untreatedBAll>[0]>['immunophenotype']) => ({ immunophenotype: m });
const BURKITT_MARKERS = { CD19: 'positive', CD20: 'positive', CD10: 'positive', sIg: 'positive', TdT: 'negative', MPO: 'negative' } as const;
/** A diagnostic marrow with FAB morphology. */
const morphology = (fab: 'L1' | 'L2' | 'L3') => [{ date: daysBefore(3), blastPercent: 85, fab, vacuolatedBlasts: fab === 'L3', starrySky: fab === 'L3' }];

describe('ALL versus lymphoblastic lymphoma: the 20% marrow blast rule', () => {
  // acs-about-all: "at least 20% of the bone marrow is made up"
  test('B-lineage lymphoblasts making up 20% of the marrow are ALL', () => {
    const ev = evaluateCase(untreatedBAll({ labs: diagnosticLabs({ marrowBlasts: 20 }) }));
    expect(ev.diagnosis.leukemia).toBe('ALL');
  });

  // acs-about-all: "at least 20% of the bone marrow is made up"
  test('19% marrow lymphoblasts without nodal disease fall short of ALL and stay undecided', () => {
    const ev = evaluateCase(untreatedBAll({ labs: diagnosticLabs({ marrowBlasts: 19 }) }));
    expect(ev.diagnosis.leukemia).toBe('unknown');
  });

  // acs-about-all: "lymphomas mainly affect the lymph nodes or other organs"
  test('T lymphoblasts below 20% of the marrow with a mediastinal mass are lymphoblastic lymphoma', () => {
    const ev = evaluateCase(untreatedTAll({ labs: diagnosticLabs({ marrowBlasts: 10 }), findings: { extramedullary: ['mediastinum'], ...NO_CNS } }));
    expect(ev.diagnosis.leukemia).toBe('lymphoblastic-lymphoma');
  });

  // acs-about-all: "at least 20% of the bone marrow is made up"
  test('a mediastinal mass with 25% marrow lymphoblasts is ALL, not lymphoma', () => {
    const ev = evaluateCase(untreatedTAll({ labs: diagnosticLabs({ marrowBlasts: 25 }), findings: { extramedullary: ['mediastinum'], ...NO_CNS } }));
    expect(ev.diagnosis.leukemia).toBe('ALL');
  });

  // acs-about-all: "lymphomas mainly affect the lymph nodes or other organs"
  test('B lymphoblasts at 5% of the marrow with enlarged lymph nodes are lymphoblastic lymphoma', () => {
    const ev = evaluateCase(untreatedBAll({ labs: diagnosticLabs({ marrowBlasts: 5 }), findings: { extramedullary: ['lymph-nodes'], ...NO_CNS } }));
    expect(ev.diagnosis.leukemia).toBe('lymphoblastic-lymphoma');
  });

  // acs-about-all: "at least 20% of the bone marrow is made up"
  test('a remission marrow below 20% never turns ALL into lymphoblastic lymphoma', () => {
    const ev = evaluateCase(inRemission({ findings: { extramedullary: ['mediastinum'], ...NO_CNS } }));
    expect(ev.diagnosis.leukemia).toBe('ALL');
  });

  // acs-about-all: "lymphomas mainly affect the lymph nodes or other organs"
  test('without a diagnostic marrow, a clear marrow after treatment does not make lymphoblastic lymphoma', () => {
    const ev = evaluateCase(inRemission({
      labs: [marrowBlasts(2, daysBefore(32)), ...counts(2.1, 180)],
      findings: { extramedullary: ['mediastinum'], ...NO_CNS },
    }));
    expect(ev.diagnosis.leukemia).toBe('unknown');
  });
});

describe('not ALL: myeloid blasts', () => {
  // pdq-adult-all-treatment-hp: "do not express myeloperoxidase include M0 AML, M7 AML, and ALL"
  test('myeloperoxidase-positive blasts without a lymphoid marker are not ALL', () => {
    const ev = evaluateCase(untreatedBAll(markers({ markers: { MPO: 'positive', CD34: 'positive', CD19: 'negative', CD3: 'negative' } })));
    expect(ev.diagnosis.leukemia).toBe('not-ALL');
  });

  // pdq-adult-all-treatment-hp: "do not express myeloperoxidase include M0 AML, M7 AML, and ALL"
  test('myeloperoxidase-negative blasts without a lymphoid marker are not called not-ALL', () => {
    const ev = evaluateCase(untreatedBAll(markers({ markers: { MPO: 'negative', CD34: 'positive', CD19: 'negative', CD3: 'negative' } })));
    expect(ev.diagnosis.leukemia).toBe('unknown');
  });

  // pdq-adult-all-treatment-hp: "Proper diagnosis is crucial because of the difference in prognosis"
  test('CD13/CD33-positive blasts with CD19 and CD3 negative are not ALL', () => {
    const ev = evaluateCase(untreatedBAll(markers({ markers: { CD13: 'positive', CD33: 'positive', CD19: 'negative', cCD3: 'negative', MPO: 'negative' } })));
    expect(ev.diagnosis.leukemia).toBe('not-ALL');
  });

  // pdq-adult-all-treatment-hp: "Proper diagnosis is crucial because of the difference in prognosis"
  test('CD13/CD33 co-expressed on CD19-positive lymphoblasts is still B-ALL', () => {
    const ev = evaluateCase(untreatedBAll(markers({ markers: { ...B_MARKERS, CD13: 'positive', CD33: 'positive' } })));
    expect(ev.diagnosis.leukemia).toBe('ALL');
  });

  // pdq-adult-all-treatment-hp: "Proper diagnosis is crucial because of the difference in prognosis"
  test('CD13-positive blasts whose CD19 was not tested are not called myeloid', () => {
    const ev = evaluateCase(untreatedBAll(markers({ markers: { CD13: 'positive', CD3: 'negative', MPO: 'negative' } })));
    expect(ev.diagnosis.leukemia).toBe('unknown');
  });
});

describe('lineage', () => {
  // pdq-adult-all-treatment-hp: "typically express CD10, CD19, and CD34"
  test('CD19-positive lymphoblasts are B lineage', () => {
    const ev = evaluateCase(untreatedBAll(markers({ markers: { CD19: 'positive', CD10: 'positive', TdT: 'positive' } })));
    expect(ev.diagnosis.lineage).toBe('B');
  });

  // facts.md §3.1 (EXT-21): cCD79a and CD22 are B-lineage markers beside CD19
  test('CD19-negative blasts with cCD79a and CD22 are still B lineage', () => {
    const ev = evaluateCase(untreatedBAll(markers({ markers: { CD19: 'negative', cCD79a: 'positive', CD22: 'positive', TdT: 'positive' } })));
    expect(ev.diagnosis.lineage).toBe('B');
  });

  // pdq-adult-all-treatment-hp: "commonly express CD2, CD3, CD7, CD34, and TdT"
  test('cytoplasmic CD3-positive lymphoblasts are T-lineage ALL', () => {
    const ev = evaluateCase(untreatedTAll(markers({ markers: { cCD3: 'positive', CD3: 'negative', CD7: 'positive', TdT: 'positive' } })));
    expect(ev.diagnosis).toMatchObject({ lineage: 'T', subtype: 'T', leukemia: 'ALL' });
  });

  // facts.md §3.1 (EXT-22): CD3 is T-lineage-defining, CD7 and CD2 are not
  test('CD7 and CD2 without CD3 do not assign T lineage', () => {
    const ev = evaluateCase(untreatedTAll(markers({ markers: { cCD3: 'negative', CD3: 'negative', CD7: 'positive', CD2: 'positive', TdT: 'positive' } })));
    expect(ev.diagnosis.lineage).toBe('unknown');
  });

  // pdq-adult-all-treatment-hp: "Diagnostic confusion with AML, hairy cell leukemia, and malignant lymphoma"
  test('blasts positive for both CD19 and cytoplasmic CD3 get no lineage: mixed phenotype', () => {
    const ev = evaluateCase(untreatedBAll(markers({ markers: { ...B_MARKERS, cCD3: 'positive' } })));
    expect(ev.diagnosis).toMatchObject({ lineage: 'unknown', subtype: 'unknown' });
    expect(ev.diagnosis.reasons.join(' ')).toMatch(/mixed phenotype/);
  });
});

describe('subtype: precursor B, mature B (Burkitt), T', () => {
  // pdq-adult-all-treatment-hp: "along with nuclear terminal deoxynucleotide transferase (TdT)"
  test('TdT-positive B lymphoblasts are precursor B-cell ALL', () => {
    const ev = evaluateCase(untreatedBAll(markers({ markers: { CD19: 'positive', TdT: 'positive' } })));
    expect(ev.diagnosis.subtype).toBe('precursor-B');
  });

  // pdq-adult-all-treatment-hp: "specifically identify these cases prospectively by their L3 morphology"
  test('L3 blasts with surface immunoglobulin, no TdT and t(8;14) are Burkitt (mature B-cell) ALL', () => {
    const ev = evaluateCase(untreatedBAll({
      ...markers({ markers: BURKITT_MARKERS }), marrow: morphology('L3'),
      genetics: [...NEGATIVE_GENETICS, gene('t(8;14)', 'detected', 'karyotype')],
    }));
    expect(ev.diagnosis.subtype).toBe('mature-B-burkitt');
  });

  // pdq-adult-all-treatment-hp: "were not cured with this approach"
  test('L3 surface-Ig blasts without a MYC result are not yet Burkitt, and MYC testing is urgent', () => {
    const ev = evaluateCase(untreatedBAll({ ...markers({ markers: BURKITT_MARKERS }), marrow: morphology('L3') }));
    expect(ev.diagnosis.subtype).toBe('unknown');
    expect(ev.missing.find((m) => m.action === 'myc-testing')?.priority).toBe('urgent');
  });

  // pdq-adult-all-treatment-hp: "cytogenetic abnormalities such as t(8;14), t(2;8), and t(8;22)"
  test('t(8;14) in surface-Ig blasts without L3 morphology on record is not yet Burkitt', () => {
    const ev = evaluateCase(untreatedBAll({ ...markers({ markers: BURKITT_MARKERS }), genetics: [...NEGATIVE_GENETICS, gene('t(8;14)', 'detected', 'karyotype')] }));
    expect(ev.diagnosis.subtype).toBe('unknown');
    expect(ev.missing.map((m) => m.action)).not.toContain('myc-testing');
  });

  // pdq-adult-all-treatment-hp: "Patients with surface immunoglobulin and L1 or L2 morphology"
  test('surface immunoglobulin with L2 morphology and no MYC translocation is not Burkitt', () => {
    const ev = evaluateCase(untreatedBAll({ ...markers({ markers: BURKITT_MARKERS }), marrow: morphology('L2') }));
    expect(ev.diagnosis.subtype).not.toBe('mature-B-burkitt');
  });

  // pdq-adult-all-treatment-hp: "typically express CD10, CD19, and CD34"
  test('CD34-positive B blasts are precursor B even with surface immunoglobulin and L3 morphology', () => {
    const ev = evaluateCase(untreatedBAll({ ...markers({ markers: { ...BURKITT_MARKERS, CD34: 'positive' } }), marrow: morphology('L3') }));
    expect(ev.diagnosis.subtype).toBe('precursor-B');
  });

  // pdq-adult-all-treatment-hp: "About 95% of all types of ALL"
  test('TdT-positive B blasts with L3 morphology are precursor B, not Burkitt', () => {
    const ev = evaluateCase(untreatedBAll({ ...markers({ markers: { ...BURKITT_MARKERS, TdT: 'positive' } }), marrow: morphology('L3') }));
    expect(ev.diagnosis.subtype).toBe('precursor-B');
  });

  // pdq-adult-all-treatment-hp: "typically express CD10, CD19, and CD34"
  test('B lymphoblasts without TdT, CD34 or surface immunoglobulin results have no subtype yet', () => {
    const ev = evaluateCase(untreatedBAll(markers({ markers: { CD19: 'positive', CD10: 'positive' } })));
    expect(ev.diagnosis.subtype).toBe('unknown');
    expect(ev.missing.map((m) => m.action)).toContain('flow-cytometry');
  });
});

describe('Philadelphia chromosome', () => {
  // pdq-adult-all-treatment-hp: "molecular evidence of the BCR::ABL fusion gene, which characterizes the Ph"
  test('t(9;22) on the karyotype makes the ALL Philadelphia-positive', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [gene('t(9;22)', 'detected', 'karyotype')] }));
    expect(ev.diagnosis.philadelphia).toBe('positive');
  });

  // pdq-adult-all-treatment-hp: "have no evidence of the abnormal chromosome by cytogenetics"
  test('BCR::ABL1 by RT-PCR makes the ALL Philadelphia-positive despite a normal karyotype', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [gene('normal-karyotype', 'detected', 'karyotype'), gene('BCR::ABL1', 'detected', 'RT-PCR')] }));
    expect(ev.diagnosis.philadelphia).toBe('positive');
  });

  // pdq-adult-all-treatment-hp: "may be detectable only by fluorescence in situ hybridization (FISH)"
  test('BCR::ABL1 not detected by FISH makes B-ALL Philadelphia-negative', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [gene('BCR::ABL1', 'not-detected', 'FISH')] }));
    expect(ev.diagnosis.philadelphia).toBe('negative');
  });

  // pdq-adult-all-treatment-hp: "especially in those with B-cell lineage disease"
  test('a karyotype without t(9;22) leaves B-ALL Ph status unknown', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [gene('t(9;22)', 'not-detected', 'karyotype')] }));
    expect(ev.diagnosis.philadelphia).toBe('unknown');
  });

  // pdq-adult-all-treatment-hp: "especially in those with B-cell lineage disease"
  test('a karyotype without t(9;22) makes T-ALL Philadelphia-negative', () => {
    const ev = evaluateCase(untreatedTAll({ genetics: [gene('t(9;22)', 'not-detected', 'karyotype')] }));
    expect(ev.diagnosis.philadelphia).toBe('negative');
  });

  // pdq-adult-all-treatment-hp: "have no evidence of the abnormal chromosome by cytogenetics"
  test('a positive BCR::ABL1 result wins over negative ones', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [
      gene('t(9;22)', 'not-detected', 'karyotype'), gene('BCR::ABL1', 'not-detected', 'FISH'), gene('BCR::ABL1', 'detected', 'RT-PCR'),
    ] }));
    expect(ev.diagnosis.philadelphia).toBe('positive');
  });
});

describe('KMT2A (MLL)', () => {
  // pdq-adult-all-treatment-hp: "characterized by rearrangements of the MLL gene"
  test('a KMT2A rearrangement by FISH is reported as rearranged', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [gene('KMT2A-rearrangement', 'detected', 'FISH')] }));
    expect(ev.diagnosis.kmt2a).toBe('rearranged');
  });

  // pdq-adult-all-treatment-hp: "characterized by rearrangements of the MLL gene"
  test('t(4;11) on the karyotype is a KMT2A rearrangement', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [gene('t(4;11)', 'detected', 'karyotype')] }));
    expect(ev.diagnosis.kmt2a).toBe('rearranged');
  });

  // pdq-adult-all-treatment-hp: "may be rearranged despite normal cytogenetics"
  test('no KMT2A rearrangement by FISH rules it out', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [gene('KMT2A-rearrangement', 'not-detected', 'FISH')] }));
    expect(ev.diagnosis.kmt2a).toBe('not-detected');
  });

  // pdq-adult-all-treatment-hp: "may be rearranged despite normal cytogenetics"
  test('a normal karyotype does not rule out a KMT2A rearrangement', () => {
    const ev = evaluateCase(untreatedBAll({ genetics: [gene('normal-karyotype', 'detected', 'karyotype'), gene('KMT2A-rearrangement', 'not-detected', 'karyotype')] }));
    expect(ev.diagnosis.kmt2a).toBe('unknown');
  });
});
