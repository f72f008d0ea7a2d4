/**
 * The engine runs conditions compiled to JavaScript (src/engine/compile.ts) for speed; the
 * interpreter in src/engine/logic.ts is the reference. For every condition of the knowledge base
 * the two must give the same answer, read the same facts in the same order and name the same
 * unknown facts, on real cases and on facts made partly unknown at random.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assess, KNOWLEDGE, parseCase, test as interpret, type Case } from '../../src/index.js';
import { compileCondition, conditionSource } from '../../src/engine/compile.js';
import { demoCases } from '../../src/demo/index.js';
import type { Condition } from '../../src/knowledge/format.js';
import type { Facts } from '../../src/knowledge/facts.js';
import { all, any, genetic, includes, is, isUnknown, marker, not, reported, some } from '../../src/knowledge/format.js';

function conditionsOf(): { id: string; when: Condition }[] {
  return [
    ...KNOWLEDGE.derived.flatMap((d) => d.derivations.map((x) => ({ id: x.id, when: x.when }))),
    ...KNOWLEDGE.riskFactors.flatMap((r) => [
      { id: `${r.id} present`, when: r.present }, { id: `${r.id} absent`, when: r.absent },
      ...(r.pending === undefined ? [] : [{ id: `${r.id} pending`, when: r.pending }]),
    ]),
    ...KNOWLEDGE.rules.flatMap((r) => [
      { id: r.id, when: r.when },
      ...(r.kind === 'alert' && r.escalate !== undefined ? [{ id: `${r.id} escalate`, when: r.escalate.when }] : []),
      ...(r.kind === 'recommendation' ? (r.agents ?? []).flatMap((a, i) => (typeof a === 'string' ? [] : [{ id: `${r.id} agent ${i}`, when: a.when }])) : []),
    ]),
    ...KNOWLEDGE.orderChecks.map((o) => ({ id: o.id, when: o.indication })),
  ];
}

const CONDITIONS = conditionsOf();
const COMPILED = CONDITIONS.map((c) => ({ ...c, compiled: compileCondition(c.when) }));

function factsOf(c: Case): Facts {
  const parsed = parseCase(c);
  if (!parsed.ok) throw new Error(`invalid demo case ${c.id}`);
  return assess(parsed.value).facts;
}

/** Same answer, same facts read in the same order with the same values, same unknown facts. */
function expectSame(when: Condition, compiled: ReturnType<typeof compileCondition>, facts: Facts): void {
  const reference = interpret(when, facts);
  const fast = compiled.test(facts);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
  expect(compiled.value(facts)).toBe(reference.value);
}

describe('compiled conditions answer as the reference interpreter does', () => {
  const cohort = demoCases(120, 7).map(factsOf);

  test(`every knowledge condition (${CONDITIONS.length}) on 120 demo cases`, () => {
    for (const facts of cohort) for (const c of COMPILED) expectSame(c.when, c.compiled, facts);
  });

  // Facts made unknown, or set to another value seen in the cohort, at random: unknown must
  // spread exactly as the reference spreads it. Scalars may also become null (not stated).
  const domains = new Map<string, unknown[]>();
  for (const facts of cohort) {
    for (const [k, v] of Object.entries(facts)) {
      if (k === 'markers' || k === 'genetics') continue;
      const seen = domains.get(k) ?? (Array.isArray(v) ? [] : [null]);
      if (!seen.some((x) => JSON.stringify(x) === JSON.stringify(v))) seen.push(v);
      domains.set(k, seen);
    }
  }
  const change = fc.constantFrom(...domains.keys()).chain((k) => fc.tuple(fc.constant(k), fc.constantFrom(...(domains.get(k) ?? [null]))));
  test('on demo facts with facts knocked out or replaced at random (fast-check, 300 runs)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: cohort.length - 1 }),
      fc.array(change, { maxLength: 12 }),
      (i, changes) => {
        const facts: Facts = Object.assign({}, cohort[i], Object.fromEntries(changes));
        for (const c of COMPILED) expectSame(c.when, c.compiled, facts);
      },
    ), { numRuns: 300, seed: 20261203 });
  });
});

describe('the generated code', () => {
  test('holds the knowledge values as literals, never a case value', () => {
    const source = conditionSource(all(is('philadelphia', 'positive'), marker('CD19', 'positive')));
    expect(source).toContain('"positive"');
    expect(source).toContain('f["philadelphia"]');
    expect(source).toContain('f.markers["CD19"]');
  });

  test('a value with quotes or a backslash is written as a string literal, not as code', () => {
    const odd = { op: 'is', fact: 'philadelphia', value: '"); throw new Error("x' } as const;
    const c = compileCondition(odd);
    const facts = factsOf(demoCases(1, 1)[0] as Case);
    expect(c.value({ ...facts, philadelphia: 'positive' })).toBe('no');
  });

  test('every leaf kind, nested under all/any/not, matches the reference on one case', () => {
    const facts = factsOf(demoCases(1, 3)[0] as Case);
    const kinds = [
      not(any(is('leukemia', 'ALL'), isUnknown('philadelphia'))),
      all(some('marrowBlasts', '>=', 20), includes('currentAgents', 'imatinib'), reported('CD19', 'positive')),
      any(genetic(['BCR::ABL1'], 'not-detected', ['RT-PCR', 'FISH']), genetic(['KMT2A-rearrangement'], 'detected')),
      all(),
      any(),
    ];
    for (const when of kinds) expectSame(when, compileCondition(when), facts);
  });
});
