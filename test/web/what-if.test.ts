// What-if edits change a copy of the case's data and nothing else; the engine decides what the
// changed data means (test/vignettes). Each edit is checked for the fields it sets or removes,
// and for leaving the original untouched.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCase, type Case } from '../../src/contract/index.js';
import {
  applyWhatIf, describeChoices, hasChoices, setAge, setDonor, setEcog, setKmt2a, setMarker, setPhiladelphia,
} from '../../web/src/edit/what-if.js';

function example(name: string): Case {
  const r = parseCase(JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

const phPositive = example('ph-positive-b-all');
const findings = (c: Case) => (c.genetics ?? []).map((g) => `${g.finding}:${g.result}:${g.method ?? ''}`);

describe('Philadelphia', () => {
  test('not detected by RT-PCR replaces both BCR::ABL1 and t(9;22) rows with one RT-PCR row on asOf', () => {
    const c = setPhiladelphia(phPositive, 'not-detected');
    expect(findings(c)).toEqual(['KMT2A-rearrangement:not-detected:FISH', 'BCR::ABL1:not-detected:RT-PCR']);
    expect(c.genetics?.at(-1)?.date).toBe(phPositive.asOf);
  });

  test('untested removes every BCR::ABL1 and t(9;22) row and keeps the others', () => {
    expect(findings(setPhiladelphia(phPositive, 'untested'))).toEqual(['KMT2A-rearrangement:not-detected:FISH']);
  });

  test('detected on a case without genetics adds the one row', () => {
    const { genetics: _g, ...bare } = phPositive;
    expect(findings(setPhiladelphia(bare, 'detected'))).toEqual(['BCR::ABL1:detected:RT-PCR']);
  });

  test('untested on a case whose only genetics are Ph rows removes the genetics field', () => {
    const onlyPh: Case = { ...phPositive, genetics: phPositive.genetics?.filter((g) => g.finding !== 'KMT2A-rearrangement') ?? [] };
    expect('genetics' in setPhiladelphia(onlyPh, 'untested')).toBe(false);
  });
});

describe('KMT2A', () => {
  test('rearranged replaces the not-detected row with a detected FISH row', () => {
    expect(findings(setKmt2a(phPositive, 'rearranged'))).toEqual([
      'BCR::ABL1:detected:RT-PCR', 't(9;22):detected:karyotype', 'KMT2A-rearrangement:detected:FISH',
    ]);
  });

  test('untested removes KMT2A-rearrangement and t(4;11) rows', () => {
    const withT411: Case = { ...phPositive, genetics: [...(phPositive.genetics ?? []), { finding: 't(4;11)', result: 'detected' }] };
    expect(findings(setKmt2a(withT411, 'untested'))).toEqual(['BCR::ABL1:detected:RT-PCR', 't(9;22):detected:karyotype']);
  });
});

describe('markers', () => {
  test('CD19 negative changes that marker only', () => {
    const c = setMarker(phPositive, 'CD19', 'negative');
    expect(c.immunophenotype?.markers.CD19).toBe('negative');
    expect(c.immunophenotype?.markers.CD22).toBe('positive');
    expect(c.immunophenotype?.date).toBe('2026-02-27');
  });

  test('not tested removes the marker', () => {
    expect('CD22' in (setMarker(phPositive, 'CD22', 'not-tested').immunophenotype?.markers ?? {})).toBe(false);
  });

  test('a case without an immunophenotype gets one holding the marker', () => {
    const { immunophenotype: _i, ...bare } = phPositive;
    expect(setMarker(bare, 'CD22', 'positive').immunophenotype).toEqual({ markers: { CD22: 'positive' } });
  });

  test('removing the last marker of an undated immunophenotype removes the immunophenotype', () => {
    const one: Case = { ...phPositive, immunophenotype: { markers: { CD19: 'positive' } } };
    expect('immunophenotype' in setMarker(one, 'CD19', 'not-tested')).toBe(false);
  });
});

describe('donor, age, ECOG', () => {
  test('a donor sets transplant.donor; not recorded removes transplant', () => {
    const withDonor = setDonor(phPositive, 'haploidentical');
    expect(withDonor.transplant).toEqual({ donor: 'haploidentical' });
    expect('transplant' in setDonor(withDonor, 'not-recorded')).toBe(false);
  });

  test('age replaces a birth date (which would have to agree) with ageYears', () => {
    const born: Case = { ...phPositive, patient: { birthDate: '1971-05-01', sex: 'female' } };
    expect(setAge(born, 70).patient).toEqual({ ageYears: 70, sex: 'female' });
  });

  test('ECOG sets performance.ecog; not recorded removes performance', () => {
    expect(setEcog(phPositive, 3).performance).toEqual({ ecog: 3 });
    expect('performance' in setEcog(phPositive, 'not-recorded')).toBe(false);
  });
});

describe('applyWhatIf', () => {
  test('applies every choice to a copy and leaves the original as it was', () => {
    const before = JSON.stringify(phPositive);
    const c = applyWhatIf(phPositive, { philadelphia: 'untested', cd19: 'negative', donor: 'matched-sibling', ageYears: 72, ecog: 2 });
    expect(JSON.stringify(phPositive)).toBe(before);
    expect(c.patient.ageYears).toBe(72);
    expect(c.performance?.ecog).toBe(2);
    expect(c.transplant?.donor).toBe('matched-sibling');
    expect(c.immunophenotype?.markers.CD19).toBe('negative');
    expect(findings(c)).toEqual(['KMT2A-rearrangement:not-detected:FISH']);
  });

  test('every what-if case still satisfies the contract', () => {
    const c = applyWhatIf(phPositive, { philadelphia: 'not-detected', cd22: 'not-tested', kmt2a: 'rearranged', donor: 'none', ageYears: 19, ecog: 'not-recorded' });
    expect(parseCase(c).ok).toBe(true);
  });

  test('no choices: an equal copy, not the same object', () => {
    const c = applyWhatIf(phPositive, {});
    expect(c).toEqual(phPositive);
    expect(c).not.toBe(phPositive);
    expect(hasChoices({})).toBe(false);
    expect(hasChoices({ ecog: 0 })).toBe(true);
  });

  test('describes each choice in a line', () => {
    expect(describeChoices({ philadelphia: 'not-detected', ecog: 'not-recorded' })).toEqual([
      'Ph: BCR::ABL1 not detected by RT-PCR', 'ECOG: not-recorded',
    ]);
  });
});
