/**
 * The robustness properties, defined once for `npm test` (test/robustness/*.test.ts, a few
 * thousand runs with fixed seeds) and `npm run fuzz` (scripts/fuzz.ts, 100,000 runs).
 *
 * Each property takes one generated input, calls the library, and either returns whether the
 * input was accepted (`valid`) or refused with issues (`invalid`), or throws: {@link SystemThrew}
 * when the library itself threw (never allowed), {@link Violation} when an answer breaks the
 * contract or an invariant.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { ingestBundle } from '../../src/fhir/ingest.js';
import { evaluateFhir } from '../../src/fhir/evaluate-fhir.js';
import {
  Evaluation, SOURCE_NAMES, TKI_AGENTS, evaluate, parseCase, parseCaseDocument, parseCaseJson,
  type Case, type Issue, type Parsed,
} from '../../src/index.js';
import { mutatedCase, mutatedCaseText, validCase } from './arbitraries.js';
import { mutatedBundle, type BundleInput } from './fhir-arbitraries.js';
import { misplacedFhirIssue, misplacedIssue } from './issue-paths.js';
import type { Json } from './mutations.js';

export type Verdict = 'valid' | 'invalid';

/** The library threw: the one thing that must never happen. */
export class SystemThrew extends Error {
  override readonly name = 'SystemThrew';
}

/** An answer came back, but it breaks the contract or an invariant. */
export class Violation extends Error {
  override readonly name = 'Violation';
}

/** `f()`, with a throw turned into {@link SystemThrew} naming the call. */
export function guarded<R>(call: string, f: () => R): R {
  try {
    return f();
  } catch (e) {
    const what = e instanceof Error ? `${e.name}: ${e.message.slice(0, 300)}` : String(e);
    throw new SystemThrew(`${call} threw ${what}`, { cause: e });
  }
}

function violation(message: string): never {
  throw new Violation(message);
}

export interface RobustnessProperty<T> {
  /** kebab-case; names the property in the fuzz report and on the command line. */
  readonly id: string;
  /** What it proves, as a test name. */
  readonly title: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Share of the runs (npm test and npm run fuzz) this property gets. */
  readonly share: number;
  check(input: T): Verdict;
}

function define<T>(p: RobustnessProperty<T>): RobustnessProperty<T> {
  return p;
}

/** The evaluation of a parsed case passes the contract's Evaluation schema. */
export function checkedEvaluation(c: Case, call = 'evaluate'): Evaluation {
  const evaluation = guarded(call, () => evaluate(c));
  const schema = Evaluation.safeParse(evaluation);
  if (!schema.success) violation(`${call}: the evaluation breaks the contract at ${schema.error.issues.slice(0, 3).map((i) => i.path.join('.')).join(', ')}`);
  return evaluation;
}

/** A parse answer: a case that evaluates within the contract, or issues that each name a place in `input`. */
export function checkParsed(parsed: Parsed<Case>, input: Json): Verdict {
  if (parsed.ok) {
    checkedEvaluation(parsed.value);
    return 'valid';
  }
  if (parsed.issues.length === 0) violation('refused with no issue');
  for (const issue of parsed.issues) {
    const why = misplacedIssue(issue, input) ?? longEcho(issue);
    if (why !== undefined) violation(`${why} (issue ${issue.code})`);
  }
  return 'invalid';
}

/**
 * An issue quotes at most a short piece of what it found: a 1 MB unit is not sent back whole. (A
 * value is cut at 60 characters; a list of Patients names three keys of at most 40.)
 */
export const MAX_FOUND = 200;

function longEcho(issue: Issue): string | undefined {
  return issue.found !== undefined && issue.found.length > MAX_FOUND ? `${issue.path.slice(0, 60)}: found quotes ${issue.found.length} characters of the input` : undefined;
}

/** The document a JSON text stands for (a leading byte order mark dropped, as parseCaseJson does), or undefined when it is not JSON. */
function jsonOf(text: string): Json {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch {
    return undefined;
  }
}

export const validCaseParses = define({
  id: 'valid-case-parses',
  title: 'a case valid by construction parses, as an object and as JSON text, and evaluates within the contract',
  arbitrary: validCase,
  share: 3,
  check: (c) => {
    const parsed = guarded('parseCase', () => parseCase(c));
    if (!parsed.ok) violation(`a valid case was refused: ${parsed.issues.slice(0, 3).map((i) => i.message.slice(0, 160)).join('; ')}`);
    const again = guarded('parseCaseJson', () => parseCaseJson(JSON.stringify(c)));
    if (!again.ok || !isDeepStrictEqual(again.value, parsed.value)) violation('the case read back from its JSON text differs');
    checkedEvaluation(parsed.value);
    return 'valid';
  },
});

export const mutatedCaseAnswers = define({
  id: 'mutated-case',
  title: 'a mutated case or example file is evaluated within the contract or refused with issues naming its paths',
  arbitrary: mutatedCase,
  share: 4,
  check: (input) => checkParsed(guarded('parseCaseDocument', () => parseCaseDocument(input)), input),
});

export const caseTextAnswers = define({
  id: 'case-json-text',
  title: 'JSON text, broken or not, is evaluated within the contract or refused with issues naming its paths',
  arbitrary: mutatedCaseText,
  share: 2,
  check: (text) => {
    const parsed = guarded('parseCaseJson', () => parseCaseJson(text));
    const data = jsonOf(text);
    if (!parsed.ok && data === undefined) {
      if (parsed.issues.length !== 1 || parsed.issues[0]?.path !== '(root)') violation('text that is not JSON is not one issue at (root)');
      return 'invalid';
    }
    return checkParsed(parsed, data);
  },
});

/** Invariants over the evaluation of a valid case: each its own property. */
function invariant(id: string, title: string, holds: (c: Case, e: Evaluation, before: Case) => string | undefined): RobustnessProperty<Case> {
  return define({
    id,
    title,
    arbitrary: validCase,
    share: 1,
    check: (c) => {
      const parsed = guarded('parseCase', () => parseCase(c));
      if (!parsed.ok) return violation(`a valid case was refused: ${issueSummary(parsed.issues)}`);
      const before = structuredClone(parsed.value);
      const why = holds(parsed.value, checkedEvaluation(parsed.value), before);
      if (why !== undefined) violation(why);
      return 'valid';
    },
  });
}

const ALL_FAMILY = new Set(['ALL', 'lymphoblastic-lymphoma']);

const TKIS = new Set<string>(TKI_AGENTS);

export const INVARIANTS = [
  invariant('evidence-everywhere', 'every recommendation and alert cites at least one passage of a known source',
    (_c, e) => [...e.recommendations, ...e.alerts].flatMap((item) => (
      item.evidence.length === 0 ? [`${item.id} has no evidence`]
        : item.evidence.filter((ev) => !SOURCE_NAMES.includes(ev.source) || ev.locator.trim() === '').map(() => `${item.id} cites an unknown source or an empty locator`)
    ))[0]),
  invariant('nothing-outside-all', 'no recommendation when the leukemia is not (or not known to be) ALL',
    (_c, e) => {
      if (ALL_FAMILY.has(e.diagnosis.leukemia)) return undefined;
      const given = e.recommendations.map((r) => r.id);
      return given.length === 0 ? undefined : `leukemia ${e.diagnosis.leukemia}, yet recommended: ${given.join(', ')}`;
    }),
  invariant('no-tki-without-ph', 'a B-ALL whose Philadelphia status is unknown or negative is offered no TKI',
    (_c, e) => (e.diagnosis.philadelphia === 'positive' ? undefined
      : e.recommendations.filter((r) => r.action === 'tki' || (r.agents ?? []).some((a) => TKIS.has(a))).map((r) => `Ph ${e.diagnosis.philadelphia}, yet ${r.id} offers a TKI`)[0])),
  invariant('no-therapy-under-18', 'a patient under 18 gets the pediatric-guidance alert and no therapy recommendation',
    (c, e) => {
      const age = c.patient.ageYears;
      if (age === undefined || age >= 18) return undefined;
      if (!e.alerts.some((a) => a.action === 'pediatric-guidance')) return `age ${age}: no pediatric-guidance alert`;
      return e.recommendations.filter((r) => r.category === 'therapy').map((r) => `age ${age}, yet ${r.id} proposes therapy`)[0];
    }),
  invariant('nothing-on-unknown', 'every recommendation and alert comes from a rule whose condition held (yes), never from an unknown one',
    (_c, e) => [...e.recommendations, ...e.alerts].flatMap((item) => {
      const results = e.trace.filter((t) => t.rule === item.id).map((t) => t.result);
      return results.length > 0 && results.every((r) => r === 'yes') ? [] : [`${item.id} is given while its rule came out ${results.join(', ') || 'untraced'}`];
    })[0]),
  invariant('deterministic', 'evaluate is deterministic and leaves its input unchanged',
    (c, e, before) => {
      if (!isDeepStrictEqual(structuredClone(c), before)) return 'evaluate changed its input';
      const again = guarded('evaluate (again)', () => evaluate(structuredClone(c)));
      if (!isDeepStrictEqual(again, e)) return 'a second evaluation of the same case differs';
      if (e.caseId !== c.id || e.asOf !== c.asOf) return 'the evaluation does not name its case and date';
      return undefined;
    }),
];

/** FHIR: a case and a consistent ingest report (nothing dropped silently), or issues naming FHIR elements. */
export const bundleAnswers = define({
  id: 'fhir-bundle',
  title: 'a mutated FHIR Bundle becomes a valid case with an ingest report, or issues naming FHIR elements',
  arbitrary: mutatedBundle,
  share: 4,
  check: ({ bundle, asOf }: BundleInput) => {
    const ingested = guarded('ingestBundle', () => ingestBundle(bundle, { asOf }));
    const evaluated = guarded('evaluateFhir', () => evaluateFhir(bundle, { asOf }));
    if (ingested.ok !== evaluated.ok) violation('ingestBundle and evaluateFhir disagree on whether the Bundle is readable');
    if (!ingested.ok) {
      if (ingested.issues.length === 0) violation('refused with no issue');
      for (const issue of ingested.issues) {
        const why = misplacedFhirIssue(issue) ?? longEcho(issue);
        if (why !== undefined) violation(`${why} (issue ${issue.code})`);
      }
      return 'invalid';
    }
    const reparsed = parseCase(ingested.case);
    if (!reparsed.ok) violation(`the ingested case breaks the contract: ${reparsed.issues[0]?.message.slice(0, 160) ?? ''}`);
    if (ingested.case.asOf !== asOf) violation('the ingested case is not dated asOf');
    const report = ingested.report;
    const explained = new Set([...report.unmapped, ...report.warnings].map((n) => n.resource));
    if (report.mapped > report.resources) violation('more resources mapped than the Bundle holds');
    if (report.resources - report.mapped > explained.size) violation('a resource that gave nothing is not explained in the ingest report');
    if (!evaluated.ok) return violation('unreachable');
    const schema = Evaluation.safeParse(evaluated.evaluation);
    if (!schema.success || evaluated.evaluation.ingest === undefined) violation('evaluateFhir answers an evaluation outside the contract, or without its ingest report');
    return 'valid';
  },
});

/** Every property that needs no server, in report order. */
export const PROPERTIES: readonly RobustnessProperty<unknown>[] = [
  validCaseParses, mutatedCaseAnswers, caseTextAnswers, ...INVARIANTS, bundleAnswers,
];


/** Issues of an answer, for messages. */
export function issueSummary(issues: readonly Issue[]): string {
  return issues.slice(0, 3).map((i) => i.message.slice(0, 120)).join('; ');
}
