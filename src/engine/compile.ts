/**
 * Conditions compiled to JavaScript, once per knowledge base. `logic.ts` is the reference: it
 * walks a condition as data. Here each condition becomes one small function whose fact reads are
 * fixed property names, which V8 turns into a few machine instructions, as ajv does for JSON
 * Schemas. The answers are the reference's, leaf for leaf (test/engine/compile.test.ts checks it
 * over every condition of the knowledge base and generated facts); only the speed differs.
 *
 * The generated code comes from knowledge data alone (fact names, values and thresholds, each
 * written as a JSON literal), never from a case.
 */
import type { Condition, Comparison } from '../knowledge/format.js';
import type { Facts, GeneticRecord } from '../knowledge/facts.js';
import type { Knowledge } from '../knowledge/index.js';
import type { FactValue, Outcome, Tri } from './logic.js';

/** A compiled condition: its answer, what it read (for the trace), and what was unknown. */
export interface CompiledCondition {
  readonly value: (facts: Facts) => Tri;
  /** The answer and the trace of what was read: the same as `test` in logic.ts. */
  readonly test: (facts: Facts) => Outcome;
  /** What was read alone: `test(facts).used`. */
  readonly read: (facts: Facts) => Record<string, FactValue>;
}

type Leaf = Exclude<Condition, { op: 'all' | 'any' | 'not' }>;

// Inside generated code a three-valued answer is a number: no 0, unknown 1, yes 2, so that
// Kleene "and" is the minimum, "or" the maximum and "not" is 2 − x.

const lit = (value: unknown) => JSON.stringify(value);
const fact = (name: string) => `f[${lit(name)}]`;

function leavesOf(c: Condition): Leaf[] {
  switch (c.op) {
    case 'all': case 'any': return c.of.flatMap(leavesOf);
    case 'not': return leavesOf(c.of);
    default: return [c];
  }
}

/** The name a leaf has in the trace and in the unknown list. */
function nameOf(c: Leaf): string {
  switch (c.op) {
    case 'marker': case 'reported': return c.marker;
    case 'genetic': return `${c.findings.join('|')} ${c.result}${c.methods === 'any' ? '' : ` by ${c.methods.join('|')}`}`;
    default: return c.fact;
  }
}

const CMP: Readonly<Record<Comparison, string>> = { '>': '>', '>=': '>=', '<': '<', '<=': '<=' };

/** Statements that set `v<i>` (the value seen) and `l<i>` (the answer, 0–2) for leaf i. */
function leafCode(c: Leaf, i: number, trace: boolean): string {
  const v = `v${i}`;
  const l = `l${i}`;
  switch (c.op) {
    case 'is':
      return `const ${v} = ${fact(c.fact)}; const ${l} = ${v} === null || ${v} === "unknown" ? 1 : ${v} === ${lit(c.value)} ? 2 : 0;`;
    case 'flag':
      return `const ${v} = ${fact(c.fact)}; const ${l} = ${v} === null ? 1 : ${v} ? 2 : 0;`;
    case 'compare':
      return `const ${v} = ${fact(c.fact)}; const ${l} = ${v} === null ? 1 : ${v} ${CMP[c.cmp]} ${lit(c.value)} ? 2 : 0;`;
    case 'some':
      return `const s${i} = ${fact(c.fact)}; const ${v} = ${trace ? `s${i}.join(", ")` : 'null'}; `
        + `let ${l} = 0; for (const x of s${i}) if (x ${CMP[c.cmp]} ${lit(c.value)}) { ${l} = 2; break; }`;
    case 'includes':
      return `const s${i} = ${fact(c.fact)}; const ${v} = s${i} === null ? null : ${trace ? `s${i}.join(", ")` : '""'}; `
        + `const ${l} = s${i} === null ? 1 : s${i}.includes(${lit(c.item)}) ? 2 : 0;`;
    case 'marker':
      return `const m${i} = f.markers[${lit(c.marker)}]; const ${v} = m${i} ?? null; const ${l} = m${i} === undefined ? 1 : m${i} === ${lit(c.result)} ? 2 : 0;`;
    case 'reported':
      return `const ${v} = f.markers[${lit(c.marker)}] ?? null; const ${l} = ${v} === ${lit(c.result)} ? 2 : 0;`;
    case 'genetic':
      return `const ${v} = genetic(f.genetics, ${lit(c.findings)}, ${lit(c.result)}, ${lit(c.methods)}); const ${l} = ${v} ? 2 : 0;`;
    case 'unknown':
      return `const ${v} = ${fact(c.fact)}; const ${l} = ${v} === null || ${v} === "unknown" ? 2 : 0;`;
  }
}

/** The expression that combines the leaves' answers; `next` numbers the leaves in order. */
function combine(c: Condition, next: { i: number }): string {
  switch (c.op) {
    case 'all': return c.of.length === 0 ? '2' : `Math.min(${c.of.map((x) => combine(x, next)).join(', ')})`;
    case 'any': return c.of.length === 0 ? '0' : `Math.max(${c.of.map((x) => combine(x, next)).join(', ')})`;
    case 'not': return `(2 - ${combine(c.of, next)})`;
    default: return `l${next.i++}`;
  }
}

function genetic(
  genetics: readonly GeneticRecord[], findings: readonly string[], result: string, methods: readonly string[] | 'any',
): boolean {
  for (const g of genetics) {
    if (findings.includes(g.finding) && g.result === result
      && (methods === 'any' || (g.method !== 'unknown' && methods.includes(g.method)))) return true;
  }
  return false;
}

/**
 * The source of three functions of the facts `f`: `value` (the answer), `test` (the Outcome) and
 * `read` (the facts read, for the trace). Each reads every leaf; `value` builds no string.
 */
function source(c: Condition): string {
  const leaves = leavesOf(c);
  const names = leaves.map(nameOf);
  const answer = combine(c, { i: 0 });
  const read = (trace: boolean) => leaves.map((leaf, i) => leafCode(leaf, i, trace)).join('\n');
  // The trace names each fact once, at its first reading, with the value of its last.
  const first = [...new Set(names)];
  const used = `{ ${first.map((n) => `${lit(n)}: v${names.lastIndexOf(n)}`).join(', ')} }`;
  const unknown = leaves.flatMap((leaf, i) => (leaf.op === 'unknown' ? [] : [
    `if (l${i} === 1 && !u.includes(${lit(names[i])})) u.push(${lit(names[i])});`,
  ]));
  return [
    'return {',
    `value: function value(f) {\n${read(false)}\nconst a = ${answer};\nreturn a === 2 ? "yes" : a === 0 ? "no" : "unknown";\n},`,
    `read: function read(f) {\n${read(true)}\nreturn ${used};\n},`,
    `test: function test(f) {\n${read(true)}\nconst a = ${answer};`,
    `if (a !== 1) return { value: a === 2 ? "yes" : "no", used: ${used}, unknown: NONE };`,
    'const u = [];',
    ...unknown,
    `return { value: "unknown", used: ${used}, unknown: u };\n},`,
    '};',
  ].join('\n');
}

const NONE: readonly string[] = Object.freeze([]);

export function compileCondition(c: Condition): CompiledCondition {
  // `new Function` returns untyped code. Its shape is what `source` writes, checked once here;
  // test/engine/compile.test.ts compares every condition's answers with the reference. The
  // functions are handed out as they are, so that a rule calls the generated code directly.
  const made = new Function('genetic', 'NONE', source(c))(genetic, NONE);
  if (typeof made?.value !== 'function' || typeof made.test !== 'function' || typeof made.read !== 'function') {
    throw new TypeError('a compiled condition lacks value, test or read');
  }
  return { value: made.value, test: made.test, read: made.read };
}

/** The knowledge base with each condition compiled, index for index. */
export interface CompiledKnowledge {
  /** Per derived fact, per derivation. */
  readonly derived: readonly (readonly CompiledCondition[])[];
  /** Per risk factor; `read` is present and absent together, for the trace. */
  readonly riskFactors: readonly {
    readonly present: CompiledCondition; readonly absent: CompiledCondition;
    readonly pending: CompiledCondition | undefined; readonly read: CompiledCondition;
  }[];
  /** Per action rule: its condition, its escalation, and each conditional agent choice. */
  readonly rules: readonly {
    readonly when: CompiledCondition; readonly escalate: CompiledCondition | undefined;
    readonly agents: readonly (CompiledCondition | undefined)[];
  }[];
  readonly orderChecks: readonly CompiledCondition[];
}

export function compileKnowledge(k: Knowledge): CompiledKnowledge {
  return {
    derived: k.derived.map((d) => d.derivations.map((x) => compileCondition(x.when))),
    riskFactors: k.riskFactors.map((r) => ({
      present: compileCondition(r.present),
      absent: compileCondition(r.absent),
      pending: r.pending === undefined ? undefined : compileCondition(r.pending),
      read: compileCondition({ op: 'all', of: [r.present, r.absent] }),
    })),
    rules: k.rules.map((r) => ({
      when: compileCondition(r.when),
      escalate: r.kind === 'alert' && r.escalate !== undefined ? compileCondition(r.escalate.when) : undefined,
      agents: r.kind === 'recommendation' ? (r.agents ?? []).map((a) => (typeof a === 'string' ? undefined : compileCondition(a.when))) : [],
    })),
    orderChecks: k.orderChecks.map((o) => compileCondition(o.indication)),
  };
}

const COMPILED = new WeakMap<Knowledge, CompiledKnowledge>();

/**
 * The compiled form of a knowledge base, made on its first evaluation. Knowledge is immutable
 * data, so this memo changes no answer; it spares compiling the same knowledge twice.
 */
export function compiledKnowledge(k: Knowledge): CompiledKnowledge {
  const known = COMPILED.get(k);
  if (known !== undefined) return known;
  const made = compileKnowledge(k);
  COMPILED.set(k, made);
  return made;
}

/** The generated source of a condition, for the tests and for reading. */
export const conditionSource = source;
