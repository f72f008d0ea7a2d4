/**
 * docs/coverage.md maps every treatment, supportive-care and side-effect statement of the five
 * sources to the rules that encode it (or says why none does), and lists the remaining rules with
 * the passage they rest on. This keeps the document and the knowledge base in step: every rule id
 * has a row, every id a row names exists, every locator is found in its source, and the totals
 * match the rows.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { KNOWLEDGE, SOURCES } from '../../src/knowledge/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');
const DOC_PATH = join(ROOT, 'docs/coverage.md');
const SOURCES_DIR = resolve(ROOT, '../shared/sources');

const STATEMENT_HEADER = ['source', 'statement', 'locator', 'rule', 'note'];
const RULE_HEADER = ['rule', 'source', 'locator', 'note'];
const TOTALS_HEADER = ['source', 'encoded', 'not encoded', 'total'];
const NOT_ENCODED = '—';
const ALL_SOURCES = 'all sources';

/** Every rule id of the knowledge base: derivations, risk factors, actions. */
const KNOWLEDGE_IDS: readonly string[] = [
  ...KNOWLEDGE.derived.flatMap((d) => d.derivations.map((r) => r.id)),
  ...KNOWLEDGE.riskFactors.map((r) => r.id),
  ...KNOWLEDGE.rules.map((r) => r.id),
  ...KNOWLEDGE.orderChecks.map((r) => r.id),
];

interface Row {
  readonly line: number;
  readonly heading: string;
  readonly source: string;
  readonly locator: string;
  /** The rule cell as written. */
  readonly rule: string;
  /** Rule ids in backticks in the rule cell. */
  readonly ids: readonly string[];
  readonly note: string;
}

interface TotalsRow { readonly line: number; readonly source: string; readonly encoded: number; readonly notEncoded: number; readonly total: number }

interface Coverage {
  /** First table: one row per source statement. */
  readonly statements: readonly Row[];
  /** Second table: rules that rest on no treatment statement. */
  readonly ruleOnly: readonly Row[];
  readonly totalsTable: readonly TotalsRow[];
  /** The "Totals: N statements, E encoded, U not encoded." line, if present. */
  readonly totalsLine: { readonly line: number; readonly total: number; readonly encoded: number; readonly notEncoded: number } | undefined;
  /** Table rows that fit no known table shape. */
  readonly malformed: readonly string[];
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
const wordCount = (text: string) => fold(text).split(' ').filter((w) => w.length > 0).length;

/** Cells of a markdown table row; `\|` is an escaped pipe inside a cell. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

const isSeparator = (line: string) => /^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line.trim());
const sameHeader = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c.toLowerCase() === b[i]);

function parseCoverage(text: string): Coverage {
  const lines = text.split('\n');
  const statements: Row[] = [];
  const ruleOnly: Row[] = [];
  const totalsTable: TotalsRow[] = [];
  const malformed: string[] = [];
  let totalsLine: Coverage['totalsLine'];
  let heading = '';
  let header: string[] | undefined;

  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed.startsWith('#')) heading = trimmed.replace(/^#+\s*/, '');
    const totals = /^Totals: (\d+) statements, (\d+) encoded, (\d+) not encoded\.?$/.exec(trimmed);
    if (totals !== null) {
      totalsLine = { line, total: Number(totals[1]), encoded: Number(totals[2]), notEncoded: Number(totals[3]) };
    }
    if (!trimmed.startsWith('|')) {
      header = undefined;
      return;
    }
    if (isSeparator(trimmed)) return;
    const next = lines[index + 1]?.trim() ?? '';
    if (isSeparator(next)) {
      header = cells(trimmed);
      return;
    }
    const row = cells(trimmed);
    if (header === undefined || row.length !== header.length) {
      malformed.push(`line ${line}: ${row.length} cells, table header has ${header?.length ?? 0}`);
      return;
    }
    const ids = (rule: string) => [...rule.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    if (sameHeader(header, STATEMENT_HEADER)) {
      const [source = '', , locator = '', rule = '', note = ''] = row;
      statements.push({ line, heading, source, locator, rule, ids: ids(rule), note });
    } else if (sameHeader(header, RULE_HEADER)) {
      const [rule = '', source = '', locator = '', note = ''] = row;
      ruleOnly.push({ line, heading, source, locator, rule, ids: ids(rule), note });
    } else if (sameHeader(header, TOTALS_HEADER)) {
      const [source = '', encoded = '', notEncoded = '', total = ''] = row;
      totalsTable.push({ line, source, encoded: Number(encoded), notEncoded: Number(notEncoded), total: Number(total) });
    } else {
      malformed.push(`line ${line}: table with unknown header "${header.join(' | ')}"`);
    }
  });
  return { statements, ruleOnly, totalsTable, totalsLine, malformed };
}

const sourceTexts = new Map<string, string>();
function sourceText(source: string): string | undefined {
  if (!Object.hasOwn(SOURCES, source)) return undefined;
  let text = sourceTexts.get(source);
  if (text === undefined) {
    text = fold(readFileSync(join(SOURCES_DIR, SOURCES[source as keyof typeof SOURCES].file), 'utf8'));
    sourceTexts.set(source, text);
  }
  return text;
}

/** Why a row's locator cannot be checked against its source, or undefined when it can. */
function locatorProblem(row: Pick<Row, 'source' | 'locator'>): string | undefined {
  const text = sourceText(row.source);
  if (text === undefined) return `source "${row.source}" is not one of the five sources`;
  const words = wordCount(row.locator);
  if (words < 4 || words > 12) return `locator "${row.locator}" has ${words} words (4 to 12 allowed)`;
  if (!text.includes(fold(row.locator))) return `locator "${row.locator}" does not occur in ${row.source}`;
  return undefined;
}

/** Every problem with the document, each naming its line; empty when the document is consistent. */
function coverageProblems(text: string, knowledgeIds: readonly string[]): string[] {
  const doc = parseCoverage(text);
  const problems: string[] = [...doc.malformed];
  const known = new Set(knowledgeIds);
  const rows = [...doc.statements, ...doc.ruleOnly];

  if (doc.statements.length === 0) problems.push('no statement table (header: source | statement | locator | rule | note)');
  if (doc.ruleOnly.length === 0) problems.push('no rule table (header: rule | source | locator | note)');

  for (const row of rows) {
    const where = `line ${row.line} (${row.heading})`;
    const locator = locatorProblem(row);
    if (locator !== undefined) problems.push(`${where}: ${locator}`);
    for (const id of row.ids) if (!known.has(id)) problems.push(`${where}: rule id ${id} is not in KNOWLEDGE`);
    if (row.ids.length === 0 && row.rule !== NOT_ENCODED) problems.push(`${where}: rule cell "${row.rule}" is neither ${NOT_ENCODED} nor rule ids in backticks`);
  }
  for (const row of doc.statements) {
    if (row.ids.length === 0 && row.note === '') problems.push(`line ${row.line}: a statement that is not encoded needs a reason in the note`);
  }
  for (const row of doc.ruleOnly) {
    if (row.ids.length !== 1) problems.push(`line ${row.line}: a rule-table row names exactly one rule id`);
  }

  const named = new Set(rows.flatMap((r) => r.ids));
  for (const id of knowledgeIds) if (!named.has(id)) problems.push(`rule id ${id} has no row in docs/coverage.md`);
  const inStatements = new Set(doc.statements.flatMap((r) => r.ids));
  for (const row of doc.ruleOnly) {
    for (const id of row.ids) if (inStatements.has(id)) problems.push(`line ${row.line}: ${id} maps to a statement, so it does not belong in the rule table`);
  }
  const seen = new Map<string, number>();
  for (const row of doc.statements) {
    const key = `${row.source}: ${fold(row.locator)}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push(`line ${row.line}: same source and locator as line ${first} (one row per statement)`);
    else seen.set(key, row.line);
  }

  // Totals: computed from the statement rows.
  const count = (subset: readonly Row[]) => ({
    encoded: subset.filter((r) => r.ids.length > 0).length,
    notEncoded: subset.filter((r) => r.ids.length === 0).length,
    total: subset.length,
  });
  const all = count(doc.statements);
  if (doc.totalsLine === undefined) {
    problems.push('no line "Totals: N statements, E encoded, U not encoded."');
  } else if (doc.totalsLine.total !== all.total || doc.totalsLine.encoded !== all.encoded || doc.totalsLine.notEncoded !== all.notEncoded) {
    problems.push(`line ${doc.totalsLine.line}: totals say ${doc.totalsLine.total} statements, ${doc.totalsLine.encoded} encoded, ${doc.totalsLine.notEncoded} not encoded; the rows give ${all.total}, ${all.encoded}, ${all.notEncoded}`);
  }
  const expected = new Map<string, ReturnType<typeof count>>([
    ...Object.keys(SOURCES).map((s) => [s, count(doc.statements.filter((r) => r.source === s))] as const),
    [ALL_SOURCES, all],
  ]);
  const listed = new Set(doc.totalsTable.map((t) => t.source));
  for (const [source, want] of expected) {
    if (!listed.has(source)) problems.push(`totals table has no row for ${source}`);
    else {
      const got = doc.totalsTable.find((t) => t.source === source);
      if (got !== undefined && (got.encoded !== want.encoded || got.notEncoded !== want.notEncoded || got.total !== want.total)) {
        problems.push(`line ${got.line}: totals for ${source} say ${got.encoded} encoded, ${got.notEncoded} not encoded, ${got.total} total; the rows give ${want.encoded}, ${want.notEncoded}, ${want.total}`);
      }
    }
  }
  for (const t of doc.totalsTable) if (!expected.has(t.source)) problems.push(`line ${t.line}: totals row for unknown source ${t.source}`);
  return problems;
}

const DOC = readFileSync(DOC_PATH, 'utf8');

describe('docs/coverage.md', () => {
  test('the knowledge base has rules to cover', () => {
    expect(KNOWLEDGE_IDS.length).toBeGreaterThan(0);
  });

  test('every rule id of KNOWLEDGE has a row, every id named exists, every locator is in its source, totals match', () => {
    expect(coverageProblems(DOC, KNOWLEDGE_IDS)).toEqual([]);
  });

  test('the document has statements from every source', () => {
    const { statements } = parseCoverage(DOC);
    for (const source of Object.keys(SOURCES)) expect(statements.some((r) => r.source === source)).toBe(true);
  });

  describe('the check itself', () => {
    const firstStatement = parseCoverage(DOC).statements[0];
    const lineOf = (n: number) => DOC.split('\n')[n - 1] ?? '';
    const replaceLine = (n: number, text: string) => DOC.split('\n').map((l, i) => (i === n - 1 ? text : l)).join('\n');

    test('finds a locator that is not in the source', () => {
      if (firstStatement === undefined) throw new Error('no statement row');
      const broken = replaceLine(firstStatement.line, lineOf(firstStatement.line).replace(firstStatement.locator, `${firstStatement.locator} zzz`));
      expect(coverageProblems(broken, KNOWLEDGE_IDS).join('\n')).toMatch(/does not occur in/);
    });

    test('finds a locator of the wrong length', () => {
      if (firstStatement === undefined) throw new Error('no statement row');
      const short = firstStatement.locator.split(' ').slice(0, 3).join(' ');
      const broken = replaceLine(firstStatement.line, lineOf(firstStatement.line).replace(firstStatement.locator, short));
      expect(coverageProblems(broken, KNOWLEDGE_IDS).join('\n')).toMatch(/has 3 words/);
    });

    test('finds a rule id that does not exist and one that has no row', () => {
      expect(coverageProblems(DOC, [...KNOWLEDGE_IDS, 'rec-not-in-the-doc']).join('\n')).toMatch(/rec-not-in-the-doc has no row/);
      const withoutFirst = KNOWLEDGE_IDS.filter((id) => id !== KNOWLEDGE_IDS[0]);
      expect(coverageProblems(DOC, withoutFirst).join('\n')).toMatch(/is not in KNOWLEDGE/);
    });

    test('finds totals that do not match the rows', () => {
      const doc = parseCoverage(DOC);
      if (doc.totalsLine === undefined) throw new Error('no totals line');
      const broken = replaceLine(doc.totalsLine.line, lineOf(doc.totalsLine.line).replace(`${doc.totalsLine.total} statements`, `${doc.totalsLine.total + 1} statements`));
      expect(coverageProblems(broken, KNOWLEDGE_IDS).join('\n')).toMatch(/totals say/);
    });

    test('folds whitespace in locators and sources', () => {
      expect(locatorProblem({ source: 'pdq-adult-all-treatment-hp', locator: 'Entry into  a clinical\ntrial is highly desirable' })).toBeUndefined();
      expect(locatorProblem({ source: 'pdq-adult-all-treatment-hp', locator: 'entry into a clinical trial is highly desirable' })).toMatch(/does not occur/);
      expect(locatorProblem({ source: 'no-such-source', locator: 'Entry into a clinical trial is highly desirable' })).toMatch(/not one of the five/);
    });
  });
});
