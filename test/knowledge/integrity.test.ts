/**
 * Integrity of the whole knowledge base: every rule is findable (unique kebab-case id with its
 * kind prefix), rests on evidence, and every citation can be checked by anyone against the
 * source document it names.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ACTION_IDS, MARKERS, parseCase, type SourceName } from '../../src/contract/index.js';
import { deriveFacts } from '../../src/engine/index.js';
import { KNOWLEDGE, SOURCES } from '../../src/knowledge/index.js';
import type { Citation } from '../../src/knowledge/format.js';

const here = dirname(fileURLToPath(import.meta.url));
const SOURCES_DIR = resolve(here, '../../../shared/sources');
const VIGNETTES_DIR = resolve(here, '../vignettes');

interface Cited { readonly id: string; readonly prefixes: readonly string[]; readonly evidence: readonly Citation[] }

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** Diagnosis derivations share dx-; every other derived fact prefixes its ids with its own name (status-, phase-). */
const DIAGNOSTIC_FACTS = new Set(['lineage', 'leukemia', 'subtype', 'philadelphia', 'kmt2a']);
const KIND_PREFIX = { recommendation: 'rec-', alert: 'alert-', missing: 'missing-' } as const;

/** Every rule in the knowledge base, with the prefixes its id may take. */
const RULES: readonly Cited[] = [
  ...KNOWLEDGE.derived.flatMap((d) => d.derivations.map((r) => ({
    id: r.id, prefixes: DIAGNOSTIC_FACTS.has(d.fact) ? ['dx-'] : [`${kebab(d.fact)}-`], evidence: r.evidence,
  }))),
  ...KNOWLEDGE.riskFactors.map((r) => ({ id: r.id, prefixes: ['risk-'], evidence: r.evidence })),
  ...KNOWLEDGE.rules.map((r) => ({ id: r.id, prefixes: [KIND_PREFIX[r.kind]], evidence: r.evidence })),
  ...KNOWLEDGE.orderChecks.map((r) => ({ id: r.id, prefixes: ['order-'], evidence: r.evidence })),
];

const fold = (text: string) => text.replace(/\s+/g, ' ');
const sourceText = new Map<SourceName, string>();
function textOf(source: SourceName): string {
  let text = sourceText.get(source);
  if (text === undefined) {
    text = readFileSync(join(SOURCES_DIR, SOURCES[source].file), 'utf8');
    sourceText.set(source, text);
  }
  return text;
}

/** Why a citation cannot be checked against its source, or undefined when it can. */
function citationProblem(c: { source: string; locator: string; level?: string }): string | undefined {
  if (!Object.hasOwn(SOURCES, c.source)) return `source ${c.source} is not a key of SOURCES`;
  const source = c.source as SourceName;
  if (!existsSync(join(SOURCES_DIR, SOURCES[source].file))) return `no file ${SOURCES[source].file} in shared/sources`;
  const words = c.locator.trim().split(/\s+/).length;
  if (words < 4 || words > 12) return `locator "${c.locator}" has ${words} words (4 to 12 allowed)`;
  const text = textOf(source);
  if (!fold(text).includes(fold(c.locator))) return `locator "${c.locator}" does not occur in ${SOURCES[source].file}`;
  if (c.level !== undefined) {
    // A level of evidence only where the source gives that level in the cited paragraph.
    const paragraphs = text.split(/\n/).filter((p) => fold(p).includes(fold(c.locator)));
    if (!paragraphs.some((p) => p.includes(`[Level of evidence ${c.level}]`))) {
      return `level ${c.level} is not given in ${SOURCES[source].file} beside "${c.locator}"`;
    }
  }
  return undefined;
}

describe('knowledge integrity', () => {
  test('the knowledge base has rules of every kind to check', () => {
    const prefixes = new Set(RULES.flatMap((r) => r.prefixes));
    for (const p of ['dx-', 'status-', 'phase-', 'risk-', 'missing-', 'alert-']) expect(prefixes).toContain(p);
  });

  test('rule ids are unique', () => {
    const seen = new Map<string, number>();
    for (const r of RULES) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([id]) => id)).toEqual([]);
  });

  test('rule ids are kebab-case with the prefix of their kind', () => {
    const bad = RULES.filter((r) => !/^[a-z0-9]+(-[a-z0-9]+)+$/.test(r.id) || !r.prefixes.some((p) => r.id.startsWith(p)));
    expect(bad.map((r) => `${r.id} (expected prefix ${r.prefixes.join(' or ')})`)).toEqual([]);
  });

  test('every rule rests on at least one citation', () => {
    expect(RULES.filter((r) => r.evidence.length === 0).map((r) => r.id)).toEqual([]);
  });

  test('every citation names a source, a 4-12 word locator found verbatim in it, and a level only where the source gives one', () => {
    const problems = RULES.flatMap((r) => r.evidence.flatMap((e) => {
      const why = citationProblem(e);
      return why === undefined ? [] : [`${r.id}: ${why}`];
    }));
    expect(problems).toEqual([]);
  });

  test('the citation check rejects a locator that is not in the source', () => {
    expect(citationProblem({ source: 'pdq-adult-all-treatment-hp', locator: 'typically express CD10, CD19, and CD34' })).toBeUndefined();
    expect(citationProblem({ source: 'pdq-adult-all-treatment-hp', locator: 'typically express CD10, CD20, and CD34' })).toMatch(/does not occur/);
    expect(citationProblem({ source: 'pdq-adult-all-treatment-hp', locator: 'Typically express CD10, CD19, and CD34' })).toMatch(/does not occur/);
    expect(citationProblem({ source: 'pdq-adult-all-treatment-hp', locator: 'CD10, CD19' })).toMatch(/words/);
    expect(citationProblem({ source: 'no-such-source', locator: 'typically express CD10, CD19, and CD34' })).toMatch(/not a key/);
  });

  test('the citation check folds whitespace but accepts a level only beside its paragraph', () => {
    expect(citationProblem({ source: 'pdq-adult-all-treatment-hp', locator: 'karyotype  was the most\nimportant predictor', level: 'C2' })).toBeUndefined();
    expect(citationProblem({ source: 'pdq-adult-all-treatment-hp', locator: 'karyotype was the most important predictor', level: 'A1' })).toMatch(/level A1/);
    expect(citationProblem({ source: 'acs-treating-all', locator: 'Maintenance usually lasts for about 2 years', level: 'C3' })).toMatch(/level C3/);
  });

  test('every action a rule names is in the contract vocabulary', () => {
    const known = new Set<string>(ACTION_IDS);
    const used = KNOWLEDGE.rules.map((r) => ({ id: r.id, action: r.action }));
    expect(used.filter((u) => !known.has(u.action))).toEqual([]);
  });

  test('every test named for an unknown fact is an action in the contract vocabulary', () => {
    const known = new Set<string>(ACTION_IDS);
    const entries = Object.entries(KNOWLEDGE.factTests);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter(([, t]) => !known.has(t.action)).map(([fact]) => fact)).toEqual([]);
  });

  test('every test named for an unknown fact answers a fact the rules read, or a marker', () => {
    const parsed = parseCase({ id: 'i', asOf: '2026-01-01', patient: { ageYears: 40, sex: 'male' } });
    if (!parsed.ok) throw new Error('minimal case is invalid');
    const names = new Set<string>([...Object.keys(deriveFacts(parsed.value).facts), ...MARKERS]);
    expect(Object.keys(KNOWLEDGE.factTests).filter((fact) => !names.has(fact))).toEqual([]);
  });

  test('every source the knowledge may cite is a file in shared/sources', () => {
    for (const s of Object.values(SOURCES)) expect(existsSync(join(SOURCES_DIR, s.file)), s.file).toBe(true);
  });

  test('every locator quoted beside a vignette occurs verbatim in its source', () => {
    const quote = /\/\/ ([a-z-]+): "([^"]+)"/g;
    const files = readdirSync(VIGNETTES_DIR).filter((f) => f.endsWith('.test.ts'));
    const quotes = files.flatMap((f) => [...readFileSync(join(VIGNETTES_DIR, f), 'utf8').matchAll(quote)]
      .filter((m) => Object.hasOwn(SOURCES, m[1] ?? ''))
      .map((m) => ({ file: f, source: m[1] ?? '', locator: m[2] ?? '' })));
    expect(quotes.length).toBeGreaterThan(20);
    const problems = quotes.flatMap((q) => {
      const why = citationProblem(q);
      return why === undefined ? [] : [`${q.file}: ${why}`];
    });
    expect(problems).toEqual([]);
  });
});
