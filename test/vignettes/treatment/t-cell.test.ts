/** T-cell ALL: cyclophosphamide-containing regimens at diagnosis, nelarabine at relapse. */
import { describe, expect, test } from 'vitest';
import {
  T_MARKERS, actionsOf, evaluateCase, expectNoRec, expectRec, inRemission, onInduction, refractory, relapsedBAll,
  untreatedBAll, untreatedTAll,
} from './builders.js';

const tLineage = { immunophenotype: { markers: T_MARKERS } };

describe('cyclophosphamide for newly diagnosed T-ALL', () => {
  // pdq-adult-all-treatment-hp: "has shown high cure rates when treated with cyclophosphamide-containing regimens"
  test('untreated T-ALL gets an urgent cyclophosphamide-containing regimen', () => {
    const ev = evaluateCase(untreatedTAll());
    const rec = expectRec(ev, 'rec-cyclophosphamide-t-all');
    expect(rec.action).toBe('cyclophosphamide-containing-regimen');
    expect(rec.priority).toBe('urgent');
    expect(rec.agents).toEqual(['cyclophosphamide']);
  });

  // pdq-adult-all-treatment-hp: "has shown high cure rates when treated with cyclophosphamide-containing regimens"
  test('T-ALL already on induction is still reminded that induction should hold cyclophosphamide', () => {
    expectRec(evaluateCase(onInduction(tLineage)), 'rec-cyclophosphamide-t-all');
  });

  // pdq-adult-all-treatment-hp: "has shown high cure rates when treated with cyclophosphamide-containing regimens"
  test('untreated precursor B-ALL gets no T-cell cyclophosphamide recommendation', () => {
    expectNoRec(evaluateCase(untreatedBAll()), 'rec-cyclophosphamide-t-all');
  });

  // pdq-adult-all-treatment-hp: "has shown high cure rates when treated with cyclophosphamide-containing regimens"
  test('T-ALL in remission gets no induction-time cyclophosphamide recommendation', () => {
    expectNoRec(evaluateCase(inRemission('consolidation', tLineage)), 'rec-cyclophosphamide-t-all');
  });
});

describe('nelarabine for relapsed or refractory T-ALL', () => {
  // acs-treating-all: "the chemo drug nelarabine (Arranon) may be helpful"
  test('relapsed T-ALL is offered nelarabine, and no CD19 or CD22 drugs', () => {
    const ev = evaluateCase(relapsedBAll('late-first', tLineage));
    const rec = expectRec(ev, 'rec-nelarabine-t-all');
    expect(rec.action).toBe('nelarabine');
    expect(rec.agents).toEqual(['nelarabine']);
    const actions = actionsOf(ev);
    expect(actions).not.toContain('blinatumomab');
    expect(actions).not.toContain('car-t');
    expect(actions).not.toContain('inotuzumab-ozogamicin');
  });

  // acs-about-all: "is a newer drug that can be used to treat T-cell ALL"
  test('primary refractory T-ALL is offered nelarabine', () => {
    expectRec(evaluateCase(refractory(tLineage)), 'rec-nelarabine-t-all');
  });

  // acs-treating-all: "the chemo drug nelarabine (Arranon) may be helpful"
  test('relapsed B-ALL is not offered nelarabine', () => {
    expectNoRec(evaluateCase(relapsedBAll('late-first')), 'rec-nelarabine-t-all');
  });

  // acs-about-all: "is a newer drug that can be used to treat T-cell ALL"
  test('untreated T-ALL is not offered nelarabine', () => {
    expectNoRec(evaluateCase(untreatedTAll()), 'rec-nelarabine-t-all');
  });
});
