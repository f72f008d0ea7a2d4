// Order checks (CDS Hooks order-sign): a targeted drug is questioned when its target is absent
// or unknown, a restricted product when the patient is outside its population.
import { describe, expect, test } from 'vitest';
import { checkOrders, parseCase, type Agent, type Case } from '../../src/index.js';
import { gene, untreatedBAll, untreatedTAll } from './builders.js';

function check(c: Case, ...agents: Agent[]) {
  const parsed = parseCase(c);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return checkOrders(parsed.value, agents);
}
const ids = (c: Case, ...agents: Agent[]) => check(c, ...agents).map((x) => `${x.id}:${x.indication}`);
const phPositive = () => untreatedBAll({ genetics: [gene('BCR::ABL1', 'detected', 'RT-PCR')] });

describe('order checks', () => {
  // pdq-adult-all-treatment-hp: "clinical activity as a single agent in Ph-positive ALL"
  test('imatinib for Ph-negative B-ALL is questioned', () => {
    expect(ids(untreatedBAll({ genetics: [gene('BCR::ABL1', 'not-detected', 'RT-PCR')] }), 'imatinib')).toEqual(['order-tki-without-ph:no']);
  });

  // pdq-adult-all-treatment-hp: "clinical activity as a single agent in Ph-positive ALL"
  test('dasatinib while Ph is unknown is questioned as unknown', () => {
    expect(ids(untreatedBAll({ genetics: [] }), 'dasatinib')).toEqual(['order-tki-without-ph:unknown']);
  });

  // pdq-adult-all-treatment-hp: "clinical activity as a single agent in Ph-positive ALL"
  test('imatinib for Ph-positive B-ALL passes', () => {
    expect(check(phPositive(), 'imatinib')).toEqual([]);
  });

  // pdq-adult-all-treatment-hp: "Blinatumomab is a bispecific antibody targeting CD19 and CD3"
  test('blinatumomab is questioned when CD19 is negative, and passes when positive', () => {
    const cd19Negative = untreatedBAll({ immunophenotype: { markers: { CD19: 'negative', CD22: 'positive', TdT: 'positive', MPO: 'negative' } } });
    expect(ids(cd19Negative, 'blinatumomab')).toEqual(['order-blinatumomab-without-cd19:no']);
    expect(check(untreatedBAll(), 'blinatumomab')).toEqual([]);
  });

  // pdq-adult-all-treatment-hp: "relapsed or refractory CD22-positive ALL"
  test('inotuzumab without a CD22 result is questioned as unknown; with CD22 positive it passes', () => {
    expect(ids(untreatedBAll(), 'inotuzumab-ozogamicin')).toEqual(['order-inotuzumab-without-cd22:unknown']);
    const cd22 = untreatedBAll({ immunophenotype: { markers: { CD19: 'positive', CD22: 'positive', TdT: 'positive', MPO: 'negative' } } });
    expect(check(cd22, 'inotuzumab-ozogamicin')).toEqual([]);
  });

  // acs-treating-all: "Revumenib (Revuforj) is a menin inhibitor"
  test('revumenib is questioned when KMT2A is not rearranged, or not tested; with t(4;11) it passes', () => {
    expect(ids(untreatedBAll(), 'revumenib')).toEqual(['order-revumenib-without-kmt2a:no']);
    expect(ids(untreatedBAll({ genetics: [gene('BCR::ABL1', 'not-detected', 'RT-PCR')] }), 'revumenib')).toEqual(['order-revumenib-without-kmt2a:unknown']);
    expect(check(untreatedBAll({ genetics: [gene('t(4;11)', 'detected', 'karyotype')] }), 'revumenib')).toEqual([]);
  });

  // all-patient-overview: "tisagenlecleucel (Kymirah), is only indicated for patients under 25 years"
  test('tisagenlecleucel at 40 is questioned; at 24 it passes', () => {
    expect(ids(untreatedBAll({ patient: { ageYears: 40, sex: 'male' } }), 'tisagenlecleucel')).toEqual(['order-tisagenlecleucel-over-25:no']);
    expect(check(untreatedBAll({ patient: { ageYears: 24, sex: 'male' } }), 'tisagenlecleucel')).toEqual([]);
  });

  // acs-treating-all: "the chemo drug nelarabine (Arranon) may be helpful"
  test('nelarabine in B-ALL is questioned; in T-ALL it passes', () => {
    expect(ids(untreatedBAll(), 'nelarabine')).toEqual(['order-nelarabine-not-t-cell:no']);
    expect(check(untreatedTAll(), 'nelarabine')).toEqual([]);
  });

  // pdq-adult-all-treatment-hp: "clinical activity as a single agent in Ph-positive ALL"
  test('a drug without a check (vincristine) raises nothing', () => {
    expect(check(untreatedBAll(), 'vincristine')).toEqual([]);
  });
});
