// The version history's diffs: JSON paths added, removed and changed between two case versions,
// and what appears, disappears or changes between two evaluations.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { evaluate, parseCase, type Case, type Evaluation } from '../../src/index.js';
import { compareById, diffEvaluations, diffJson, evaluationsDiffer, marksOf, showValue, summarizeDiff } from '../../web/src/edit/diff.js';
import { applyWhatIf } from '../../web/src/edit/what-if.js';

describe('diffJson', () => {
  test('names added, removed and changed paths in the contract\'s path syntax', () => {
    const before = { id: 'x', patient: { ageYears: 54, sex: 'female' }, labs: [{ test: 'wbc', unit: '10*9/L' }] };
    const after = { id: 'x', patient: { ageYears: 55, sex: 'female' }, labs: [{ test: 'wbc', unit: '/uL' }, { test: 'anc' }], performance: { ecog: 1 } };
    expect(diffJson(before, after)).toEqual([
      { path: 'patient.ageYears', kind: 'changed', before: 54, after: 55 },
      { path: 'labs[0].unit', kind: 'changed', before: '10*9/L', after: '/uL' },
      { path: 'labs[1]', kind: 'added', after: { test: 'anc' } },
      { path: 'performance', kind: 'added', after: { ecog: 1 } },
    ]);
  });

  test('a removed key and a shorter array are removals', () => {
    expect(diffJson({ a: 1, list: [1, 2] }, { list: [1] })).toEqual([
      { path: 'a', kind: 'removed', before: 1 },
      { path: 'list[1]', kind: 'removed', before: 2 },
    ]);
  });

  test('a value whose type changes is one change at its path', () => {
    expect(diffJson({ a: { b: 1 } }, { a: [1] })).toEqual([{ path: 'a', kind: 'changed', before: { b: 1 }, after: [1] }]);
  });

  test('equal documents have no differences; a changed root is (root)', () => {
    expect(diffJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
    expect(diffJson(1, 2)).toEqual([{ path: '(root)', kind: 'changed', before: 1, after: 2 }]);
  });

  test('values shown on one short line', () => {
    expect(showValue(undefined)).toBe('—');
    expect(showValue('a')).toBe('"a"');
    expect(showValue('x'.repeat(200))).toHaveLength(120);
  });
});

describe('compareById and marks', () => {
  const a = [{ id: 'r1', v: 1 }, { id: 'r2', v: 1 }];
  const b = [{ id: 'r2', v: 2 }, { id: 'r3', v: 1 }];

  test('added, removed, kept, and changed by signature', () => {
    const d = compareById(a, b, (x) => String(x.v));
    expect(d.added.map((x) => x.id)).toEqual(['r3']);
    expect(d.removed.map((x) => x.id)).toEqual(['r1']);
    expect(d.kept.map((x) => x.id)).toEqual(['r2']);
    expect(d.changed.map((x) => x.id)).toEqual(['r2']);
    expect(compareById(a, b).changed).toEqual([]);
  });

  test('the original side marks removals, the other side additions', () => {
    expect([...marksOf(a, b, 'before')]).toEqual([['r1', 'removed'], ['r2', 'unchanged']]);
    expect([...marksOf(a, b, 'after')]).toEqual([['r2', 'unchanged'], ['r3', 'added']]);
  });
});

describe('diffEvaluations', () => {
  const raw = JSON.parse(readFileSync(new URL('../../examples/ph-positive-b-all.json', import.meta.url), 'utf8')) as unknown;
  const parsed = parseCase(raw);
  if (!parsed.ok) throw new Error('example does not parse');
  const original: Case = parsed.value;
  const before: Evaluation = evaluate(original);

  test('the same evaluation twice differs in nothing', () => {
    const d = diffEvaluations(before, before);
    expect(d.fields).toEqual([]);
    expect(evaluationsDiffer(d)).toBe(false);
  });

  test('Ph untested instead of detected: the Philadelphia headline changes and the TKI recommendation disappears', () => {
    const after = evaluate(applyWhatIf(original, { philadelphia: 'untested' }));
    const d = diffEvaluations(before, after);
    expect(d.fields.find((f) => f.field === 'diagnosis.philadelphia')).toEqual({
      field: 'diagnosis.philadelphia', label: 'Philadelphia', before: 'positive', after: 'unknown',
    });
    expect(d.recommendations.removed.map((r) => r.id)).toContain('rec-tki-ph-positive');
    expect(evaluationsDiffer(d)).toBe(true);
  });

  test('one sentence says what changed, and says so when nothing did', () => {
    expect(summarizeDiff(diffEvaluations(before, before))).toBe('No difference in status, phase, risk, diagnosis, recommendations or alerts.');
    const fewer = { ...before, recommendations: before.recommendations.slice(1), status: 'remission' as const };
    expect(summarizeDiff(diffEvaluations(before, fewer))).toBe(`Status untreated → remission; 1 recommendation removed.`);
  });

  test('a different knowledge version is reported', () => {
    const d = diffEvaluations(before, { ...before, knowledgeVersion: 'other' });
    expect(d.knowledgeVersion).toEqual({ before: before.knowledgeVersion, after: 'other' });
  });
});
