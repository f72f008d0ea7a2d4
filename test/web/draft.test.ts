// The case form's model: values as typed become contract JSON at the contract's paths, and
// every issue the contract's parser reports lands next to the input its path names, or in the
// summary when no input has that path.
import { describe, expect, test } from 'vitest';
import { parseCase, type Issue } from '../../src/contract/index.js';
import {
  booleanFromChoice, calendarDate, emptyDraft, fieldId, fieldPathsOf, issueText, linesFromInput, normalizeDraft, numberFromInput,
  placeIssues, toggleIn,
} from '../../web/src/edit/draft.js';
import { formatPath, getAt, parsePath, setAt } from '../../web/src/edit/json-path.js';

describe('JSON paths', () => {
  test('parse and format are inverse, as the contract writes paths', () => {
    expect(parsePath('labs[1].unit')).toEqual(['labs', 1, 'unit']);
    expect(parsePath('immunophenotype.markers.CD19')).toEqual(['immunophenotype', 'markers', 'CD19']);
    expect(parsePath('(root)')).toEqual([]);
    expect(formatPath(['labs', 1, 'unit'])).toBe('labs[1].unit');
    expect(formatPath([])).toBe('(root)');
  });

  test('setAt creates the way there and never mutates', () => {
    const doc = { patient: { sex: 'male' } };
    const next = setAt(doc, ['labs', 0, 'test'], 'wbc');
    expect(next).toEqual({ patient: { sex: 'male' }, labs: [{ test: 'wbc' }] });
    expect(doc).toEqual({ patient: { sex: 'male' } });
    expect(getAt(next, ['labs', 0, 'test'])).toBe('wbc');
  });

  test('setAt with undefined removes a key, or an array element', () => {
    expect(setAt({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
    expect(setAt({ list: [1, 2, 3] }, ['list', 1], undefined)).toEqual({ list: [1, 3] });
  });

  test('removing what is not there changes nothing (no empty groups appear)', () => {
    const doc = { a: 1 };
    expect(setAt(doc, ['findings', 'cns', 'csfBlasts'], undefined)).toBe(doc);
  });
});

describe('input values', () => {
  test('numbers: blank removes, a number is a number, anything else is kept for the contract to report', () => {
    expect(numberFromInput('  ')).toBeUndefined();
    expect(numberFromInput('38.4')).toBe(38.4);
    expect(numberFromInput('-1')).toBe(-1);
    expect(numberFromInput('.5')).toBe(0.5);
    expect(numberFromInput('4,5')).toBe('4,5');
    expect(numberFromInput('12abc')).toBe('12abc');
  });

  test('choices, lines and toggles', () => {
    expect([booleanFromChoice('yes'), booleanFromChoice('no'), booleanFromChoice('')]).toEqual([true, false, undefined]);
    expect(linesFromInput('diabetes\n\n  CKD stage 3 \n')).toEqual(['diabetes', 'CKD stage 3']);
    expect(linesFromInput('\n')).toBeUndefined();
    const order = ['fever', 'fatigue', 'pallor'] as const;
    expect(toggleIn(['pallor'], 'fever', true, order)).toEqual(['fever', 'pallor']);
    expect(toggleIn(['pallor'], 'pallor', false, order)).toBeUndefined();
    expect(toggleIn(['pallor', 'sneezing'], 'fever', true, order)).toEqual(['fever', 'pallor', 'sneezing']);
  });
});

test('a local date is written as the contract writes dates', () => {
  expect(calendarDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  expect(emptyDraft('2026-01-05')).toEqual({ asOf: '2026-01-05', patient: {} });
});

describe('normalizeDraft', () => {
  test('drops empty lists and groups, keeps rows (a blank row is reported, not lost)', () => {
    const draft = { id: 'x', asOf: '2026-03-02', patient: {}, findings: { symptoms: [], cns: {} }, labs: [{}], preferences: {} };
    expect(normalizeDraft(draft)).toEqual({ id: 'x', asOf: '2026-03-02', patient: {}, labs: [{}] });
  });

  test('an immunophenotype with a date and no markers gets its required (empty) marker map; an empty one goes', () => {
    expect(normalizeDraft({ immunophenotype: { date: '2026-01-01', markers: {} } })['immunophenotype']).toEqual({ date: '2026-01-01', markers: {} });
    expect(normalizeDraft({ immunophenotype: { markers: {} } })['immunophenotype']).toBeUndefined();
  });

  test('a complete form satisfies the contract', () => {
    const draft = {
      ...emptyDraft('2026-03-02'), id: 'new-1', patient: { ageYears: 40, sex: 'male' },
      findings: { symptoms: ['fever'], extramedullary: [] }, labs: [{ test: 'wbc', value: 3, unit: '10*9/L', date: '2026-03-01' }],
    };
    expect(parseCase(normalizeDraft(draft)).ok).toBe(true);
  });
});

describe('placing issues by input', () => {
  const draft = {
    id: 'x', asOf: '2026-03-02', patient: { sex: 'female' },
    labs: [{ test: 'wbc', value: 1, unit: '10*9/L', date: '2026-03-01' }, { test: 'wbc', value: 1, unit: 'g/dL', date: '2026-03-09', colour: 'red' }],
    findings: { symptoms: ['fever', 'sneezing'] },
  };

  function issuesOf(input: unknown): readonly Issue[] {
    const r = parseCase(input);
    return r.ok ? [] : r.issues;
  }

  test('an unknown field names no input and goes to the summary; field issues go to their inputs', () => {
    const issues = issuesOf(normalizeDraft(draft));
    const placed = placeIssues(issues, fieldPathsOf(draft));
    expect(placed.unplaced.map((i) => i.path)).toEqual(['labs[1].colour']);
    expect([...placed.byField.keys()].sort()).toEqual(['findings.symptoms']);
    expect(placed.byField.get('findings.symptoms')?.[0]?.path).toBe('findings.symptoms[1]');
  });

  test('cross-field checks (unit for the test, date after asOf, age or birth date) reach their inputs', () => {
    const fixed = { ...draft, labs: [draft.labs[0], { test: 'wbc', value: 1, unit: 'g/dL', date: '2026-03-09' }], findings: {} };
    const placed = placeIssues(issuesOf(normalizeDraft(fixed)), fieldPathsOf(fixed));
    expect(placed.unplaced).toEqual([]);
    expect([...placed.byField.keys()].sort()).toEqual(['labs[1].date', 'labs[1].unit', 'patient.ageYears']);
    expect(issueText(placed.byField.get('labs[1].unit')?.[0] ?? { code: '', path: '', message: '' }))
      .toBe('expected one of 10*9/L, 10*3/uL, /uL, /mm3 for wbc, found "g/dL"');
  });

  test('a lab shows its specimen input for blasts, or when one is set', () => {
    const fields = fieldPathsOf({ labs: [{ test: 'blasts' }, { test: 'wbc' }, { test: 'wbc', specimen: 'blood' }] });
    expect(['labs[0].specimen', 'labs[1].specimen', 'labs[2].specimen'].map((p) => fields.has(p))).toEqual([true, false, true]);
  });

  test('field ids are valid and distinct', () => {
    expect(fieldId('labs[1].unit')).toBe('f-labs-1-unit');
    expect(fieldId('labs[1].unit', 'error')).toBe('f-labs-1-unit-error');
    expect(fieldId('immunophenotype.markers.cCD3')).toBe('f-immunophenotype-markers-cCD3');
  });
});
