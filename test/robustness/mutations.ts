/**
 * Mutations of JSON documents for the robustness properties. A mutation is data (a kind and a few
 * numbers), applied deterministically, so fast-check shrinks it like any other value. The
 * document is never changed in place: the path to the changed node is copied, the rest shared.
 * Nothing here recurses into the document beyond a small depth, so a deeply nested value that an
 * earlier mutation put in cannot overflow the stack of the test itself.
 */
import fc from 'fast-check';

/** A document as a client may send it: JSON, or (before serialisation) with NaN, Infinity, -0. */
export type Json = unknown;
export type PathKey = string | number;

const MAX_NODES = 3000;
const MAX_WALK_DEPTH = 12;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Sets an own property, even `__proto__`, as JSON.parse would. */
function own(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function copyOf(x: unknown): Record<string, unknown> | unknown[] {
  if (Array.isArray(x)) return [...(x as unknown[])];
  const out: Record<string, unknown> = {};
  if (isRecord(x)) for (const k of Object.keys(x)) own(out, k, x[k]);
  return out;
}

/** The document with `update` applied to the value at `path` (`undefined` from update removes it). */
export function updateAt(doc: Json, path: readonly PathKey[], update: (old: unknown) => unknown): Json {
  const [key, ...rest] = path;
  if (key === undefined) return update(doc);
  const container = copyOf(doc);
  const old = Array.isArray(container) ? container[key as number] : container[key as string];
  const next = updateAt(old, rest, update);
  if (Array.isArray(container)) {
    if (next === undefined) container.splice(key as number, 1);
    else container[key as number] = next;
  } else if (next === undefined) {
    delete container[key as string];
  } else {
    own(container, key as string, next);
  }
  return container;
}

export interface Node {
  readonly path: readonly PathKey[];
  readonly value: unknown;
}

/** The nodes of a document, breadth first, the root first; bounded in number and depth. */
export function nodesOf(doc: Json): Node[] {
  const out: Node[] = [];
  const queue: Node[] = [{ path: [], value: doc }];
  for (let i = 0; i < queue.length && out.length < MAX_NODES; i += 1) {
    const node = queue[i] as Node;
    out.push(node);
    if (node.path.length >= MAX_WALK_DEPTH) continue;
    if (Array.isArray(node.value)) (node.value as unknown[]).slice(0, 50).forEach((v, k) => queue.push({ path: [...node.path, k], value: v }));
    else if (isRecord(node.value)) for (const k of Object.keys(node.value)) queue.push({ path: [...node.path, k], value: node.value[k] });
  }
  return out;
}

export const MUTATION_KINDS = [
  'drop', 'duplicate', 'retype', 'number', 'date', 'unknown-key', 'unit', 'huge', 'unicode', 'nan-like', 'deep', 'enum-case',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Mutation {
  readonly kind: MutationKind;
  /** Which node (modulo the candidates). */
  readonly at: number;
  /** Which replacement (modulo the pool). */
  readonly pick: number;
  /** Free text for keys and strings. */
  readonly text: string;
  /** Length of a huge array or string, depth of a nesting. */
  readonly size: number;
}

const RETYPED: readonly unknown[] = [null, true, false, 0, 1, -1, '', 'text', '1', [], {}, [1, 2], { value: 1 }];
const NUMBERS: readonly unknown[] = [
  -1, -0, -0.0001, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, 131, 101, 46, 24.9, 4.5, 5,
  0.1 + 0.2, 1e-320, NaN, Infinity, -Infinity,
];
const BAD_DATES: readonly string[] = [
  '2026-02-30', '2026-13-01', '2026-00-10', '2026-02-29', '0000-01-01', '9999-12-31', '2026-3-2', '20260302', '2026-03-02T10:00:00Z',
  ' 2026-03-02', '2026-03-02\n', '٢٠٢٦-٠٣-٠٢', '2026-03', '2026', '', '2026/03/02', '02.03.2026', '+02026-03-02', '2099-01-01',
];
const KEYS: readonly string[] = [
  'a.b', '', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'x[0]', '[0]', '😀', '\u0000', 'Id', 'ID',
  'asof', 'ageyears', 'patient.sex', ' id', 'valueOf', '$ref', '"', '\\',
];
const UNITS: readonly string[] = [
  '10^9/L', 'G/L', '10*9/l', '', '%%', 'g/dl', 'mg/dl', 'umol/l', 'µmol/L', 'mmol', 'ms ', 'cells/uL', 'K/uL', '10*3/uL', '/uL', 'g/L', 'mg/dL',
  'U/L', 'mmol/L', 'ms', '%', '10*9/L',
];
const WEIRD: readonly string[] = [
  '\uD800', '\uDFFF', '\u202E', '\u200B', '\uFEFF', 'A\u0301', '𝒳', '👩‍⚕️', '\u0000', '\r\n', 'null', '<script>', 'ＢＣＲ', 'İ', 'ß',
];
const NAN_LIKE: readonly unknown[] = [
  'NaN', 'Infinity', '-Infinity', '1e999', '0x1F', ' 12 ', '12,5', 'null', 'undefined', 'true', '-0', '1_000', '٣', NaN, Infinity,
];

const at = <T>(pool: readonly T[], n: number): T => pool[n % pool.length] as T;

function deepValue(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let d = 0; d < depth; d += 1) v = d % 2 === 0 ? [v] : { a: v };
  return v;
}

function changeCase(s: string, n: number): string {
  switch (n % 4) {
    case 0: return s.toUpperCase();
    case 1: return s.length > 0 ? `${(s[0] ?? '').toUpperCase()}${s.slice(1)}` : 'X';
    case 2: return ` ${s}`;
    default: return `${s}\t`;
  }
}

/** The nodes a mutation of this kind applies to; all nodes when none fits. */
function candidates(kind: MutationKind, all: readonly Node[]): readonly Node[] {
  const fits = (n: Node): boolean => {
    const last = n.path.at(-1);
    switch (kind) {
      case 'drop': return n.path.length > 0;
      case 'duplicate': return Array.isArray(n.value) && n.value.length > 0;
      case 'number': return typeof n.value === 'number';
      case 'date': return typeof n.value === 'string' && /^\d{4}-\d{2}/.test(n.value);
      case 'unknown-key': return isRecord(n.value);
      case 'unit': return last === 'unit' || last === 'code' || last === 'system';
      case 'huge': return Array.isArray(n.value) || typeof n.value === 'string';
      case 'unicode': case 'enum-case': return typeof n.value === 'string';
      default: return true;
    }
  };
  const found = all.filter(fits);
  return found.length > 0 ? found : all;
}

function replacement(m: Mutation, old: unknown): unknown {
  switch (m.kind) {
    case 'drop': return undefined;
    case 'duplicate': return Array.isArray(old) ? [...old.slice(0, 1 + (m.pick % old.length)), old[m.pick % old.length], ...old.slice(1 + (m.pick % old.length))] : [old, old];
    case 'retype': return at(RETYPED.filter((r) => typeof r !== typeof old || Array.isArray(r) !== Array.isArray(old)), m.pick);
    case 'number': return at(NUMBERS, m.pick);
    case 'date': return at(BAD_DATES, m.pick);
    case 'unknown-key': return old; // objects get their key in applyMutation; nothing else takes one
    case 'unit': return at(UNITS, m.pick);
    case 'huge': return Array.isArray(old) ? Array.from({ length: m.size }, (_, i) => old[i % Math.max(old.length, 1)] ?? null) : 'x'.repeat(m.size * 50);
    case 'unicode': return m.pick % 2 === 0 ? m.text : `${String(old)}${at(WEIRD, m.pick)}`;
    case 'nan-like': return at(NAN_LIKE, m.pick);
    case 'deep': return deepValue(m.size, old);
    case 'enum-case': return changeCase(String(old), m.pick);
  }
}

/** The document with one mutation applied. `unknown-key` builds its object with the key as an own property. */
export function applyMutation(doc: Json, m: Mutation): Json {
  const pool = candidates(m.kind, nodesOf(doc));
  const target = pool[m.at % pool.length] as Node;
  if (m.kind === 'unknown-key' && isRecord(target.value)) {
    const key = m.pick % 3 === 0 ? m.text : at(KEYS, m.pick);
    return updateAt(doc, target.path, (old) => {
      const obj = copyOf(old) as Record<string, unknown>;
      own(obj, key, m.pick % 2 === 0 ? 1 : m.text);
      return obj;
    });
  }
  const result = updateAt(doc, target.path, (old) => replacement(m, old));
  // Dropping the root leaves nothing: send null instead, as a client might.
  return result === undefined ? null : result;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  at: fc.nat(),
  pick: fc.nat(),
  text: fc.string({ unit: 'binary', maxLength: 12 }),
  size: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 2, max: 60 }) }, { weight: 1, arbitrary: fc.integer({ min: 500, max: 5000 }) }),
});

/** A document from `base` with one to three mutations. */
export function mutated(base: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.tuple(base, fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
    .map(([doc, ms]) => ms.reduce(applyMutation, doc));
}

/** JSON.stringify that gives up (undefined) on a document too deep for it. */
export function safeStringify(doc: Json): string | undefined {
  try {
    return JSON.stringify(doc);
  } catch {
    return undefined;
  }
}

const TEXT_KINDS = ['as-is', 'truncate', 'byte', 'repeat-key', 'deep-brackets', 'bom', 'literal'] as const;

/** JSON text of a document, sometimes broken at the text level. */
export function jsonTextMutation(base: fc.Arbitrary<Json>): fc.Arbitrary<string> {
  return fc.tuple(base, fc.constantFrom(...TEXT_KINDS), fc.nat(), fc.string({ unit: 'binary', maxLength: 4 }), fc.integer({ min: 1, max: 20_000 }))
    .map(([doc, kind, n, chars, depth]) => {
      const text = safeStringify(doc) ?? 'null';
      const cut = text.length === 0 ? 0 : n % text.length;
      switch (kind) {
        case 'as-is': return text;
        case 'truncate': return text.slice(0, cut);
        case 'byte': return `${text.slice(0, cut)}${chars}${text.slice(cut + 1)}`;
        case 'repeat-key': return text.startsWith('{"') ? `{"id":${JSON.stringify(chars)},${text.slice(1)}` : text;
        case 'deep-brackets': return `${'['.repeat(depth)}${text}${']'.repeat(n % 2 === 0 ? depth : 0)}`;
        case 'bom': return `\uFEFF${text}`;
        case 'literal': return at(['NaN', 'Infinity', 'undefined', "{'id': 1}", '{"id": 1,}', '', ' ', '1e999', '{"a":01}', '"\\ud800"'], n);
      }
    });
}
