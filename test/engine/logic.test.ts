/**
 * Three-valued (Kleene) logic: a fact the case does not state is unknown, never false, and the
 * facts that left a condition unknown are reported so the missing test can be named.
 */
import { describe, expect, test } from 'vitest';
import { and, deriveFacts, negate, or, parseCase, test as check, type Tri } from '../../src/index.js';
import {
  all, any, atLeast, below, flag, genetic, includes, is, isUnknown, marker, not, reported, some, stated,
} from '../../src/knowledge/format.js';
import type { Facts } from '../../src/knowledge/facts.js';
import { untreatedBAll } from '../vignettes/builders.js';

const TRI: readonly Tri[] = ['yes', 'no', 'unknown'];

/** The facts of the reference vignette (untreated precursor B-ALL), with some replaced. */
function factsWith(changes: Partial<Facts>): Facts {
  const parsed = parseCase(untreatedBAll());
  if (!parsed.ok) throw new Error('reference vignette is invalid');
  return { ...deriveFacts(parsed.value).facts, ...changes };
}

describe('truth tables', () => {
  // Kleene's strong three-valued logic: "no" decides an and, "yes" decides an or.
  const AND: Record<Tri, Record<Tri, Tri>> = {
    yes: { yes: 'yes', no: 'no', unknown: 'unknown' },
    no: { yes: 'no', no: 'no', unknown: 'no' },
    unknown: { yes: 'unknown', no: 'no', unknown: 'unknown' },
  };
  const OR: Record<Tri, Record<Tri, Tri>> = {
    yes: { yes: 'yes', no: 'yes', unknown: 'yes' },
    no: { yes: 'yes', no: 'no', unknown: 'unknown' },
    unknown: { yes: 'yes', no: 'unknown', unknown: 'unknown' },
  };

  for (const a of TRI) {
    for (const b of TRI) {
      test(`${a} and ${b} is ${AND[a][b]}; ${a} or ${b} is ${OR[a][b]}`, () => {
        expect(and([a, b])).toBe(AND[a][b]);
        expect(or([a, b])).toBe(OR[a][b]);
      });
    }
  }

  test('not swaps yes and no and keeps unknown', () => {
    expect(TRI.map(negate)).toEqual(['no', 'yes', 'unknown']);
  });

  test('an empty and is yes, an empty or is no', () => {
    expect(and([])).toBe('yes');
    expect(or([])).toBe('no');
  });
});

describe('test(condition, facts)', () => {
  test('a known fact gives yes or no and reports no unknown facts', () => {
    const facts = factsWith({ anc: 0.4 });
    expect(check(below('anc', 0.5), facts)).toMatchObject({ value: 'yes', unknown: [], used: { anc: 0.4 } });
    expect(check(atLeast('anc', 0.5), facts)).toMatchObject({ value: 'no', unknown: [] });
  });

  test('an unstated fact is unknown, never false, and is named', () => {
    const out = check(below('anc', 0.5), factsWith({ anc: null }));
    expect(out.value).toBe('unknown');
    expect(out.unknown).toEqual(['anc']);
    expect(check(not(below('anc', 0.5)), factsWith({ anc: null })).value).toBe('unknown');
  });

  test('unknown facts are reported only when the answer is unknown', () => {
    const facts = factsWith({ anc: null, platelets: 10 });
    // "or" decided by the known platelets: anc is read but not reported as missing.
    const decided = check(any(below('anc', 0.5), below('platelets', 20)), facts);
    expect(decided.value).toBe('yes');
    expect(decided.unknown).toEqual([]);
    expect(decided.used).toHaveProperty('anc', null);
    const undecided = check(any(below('anc', 0.5), below('platelets', 5)), facts);
    expect(undecided).toMatchObject({ value: 'unknown', unknown: ['anc'] });
    expect(check(all(below('anc', 0.5), below('platelets', 5)), facts)).toMatchObject({ value: 'no', unknown: [] });
  });

  test('a classification that is unknown leaves "is" unknown', () => {
    expect(check(is('lineage', 'B'), factsWith({ lineage: 'unknown' }))).toMatchObject({ value: 'unknown', unknown: ['lineage'] });
    expect(check(is('lineage', 'B'), factsWith({ lineage: 'T' })).value).toBe('no');
  });

  test('a flag that is not stated is unknown; stated() makes it no', () => {
    const facts = factsWith({ declinesIntensiveTherapy: null });
    expect(check(flag('declinesIntensiveTherapy'), facts).value).toBe('unknown');
    expect(check(stated('declinesIntensiveTherapy'), facts).value).toBe('no');
    expect(check(stated('declinesIntensiveTherapy'), factsWith({ declinesIntensiveTherapy: true })).value).toBe('yes');
  });

  test('marker() is unknown for a marker the panel does not report; reported() is no', () => {
    const facts = factsWith({ markers: { CD19: 'positive' } });
    expect(check(marker('TdT', 'positive'), facts)).toMatchObject({ value: 'unknown', unknown: ['TdT'] });
    expect(check(reported('TdT', 'positive'), facts)).toMatchObject({ value: 'no', unknown: [] });
    expect(check(marker('CD19', 'positive'), facts).value).toBe('yes');
    expect(check(reported('CD19', 'positive'), facts).value).toBe('yes');
    expect(check(marker('CD19', 'negative'), facts).value).toBe('no');
  });

  test('some() over an empty series is no', () => {
    expect(check(some('marrowBlasts', '>=', 0), factsWith({ marrowBlasts: [] }))).toMatchObject({ value: 'no', unknown: [] });
    expect(check(some('marrowBlasts', '>=', 20), factsWith({ marrowBlasts: [3, 25] })).value).toBe('yes');
    expect(check(some('marrowBlasts', '>=', 20), factsWith({ marrowBlasts: [3, 19] })).value).toBe('no');
  });

  test('includes() is unknown when the list is not stated, and no when it is stated without the item', () => {
    expect(check(includes('symptoms', 'fever'), factsWith({ symptoms: null })).value).toBe('unknown');
    expect(check(includes('symptoms', 'fever'), factsWith({ symptoms: ['fatigue'] })).value).toBe('no');
    expect(check(includes('symptoms', 'fever'), factsWith({ symptoms: ['fever'] })).value).toBe('yes');
  });

  test('genetic() finds a result by any method, or only by the methods named', () => {
    const facts = factsWith({ genetics: [{ finding: 't(9;22)', result: 'not-detected', method: 'karyotype', detail: null }] });
    expect(check(genetic(['BCR::ABL1', 't(9;22)'], 'not-detected'), facts).value).toBe('yes');
    expect(check(genetic(['BCR::ABL1', 't(9;22)'], 'not-detected', ['FISH', 'RT-PCR']), facts).value).toBe('no');
    expect(check(genetic(['BCR::ABL1', 't(9;22)'], 'detected'), facts).value).toBe('no');
  });

  test('isUnknown() is yes or no, never unknown', () => {
    expect(check(isUnknown('anc'), factsWith({ anc: null }))).toMatchObject({ value: 'yes', unknown: [] });
    expect(check(isUnknown('anc'), factsWith({ anc: 2 })).value).toBe('no');
    expect(check(isUnknown('philadelphia'), factsWith({ philadelphia: 'unknown' })).value).toBe('yes');
    expect(check(isUnknown('philadelphia'), factsWith({ philadelphia: 'negative' })).value).toBe('no');
    expect(check(not(isUnknown('csfBlasts')), factsWith({ csfBlasts: null })).value).toBe('no');
  });
});
