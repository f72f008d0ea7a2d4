/**
 * `allpath evaluate`: read a case or a FHIR Bundle, validate it, evaluate it, print the
 * evaluation. With --batch, every line of an NDJSON file (batch.ts).
 */
import { evaluationToBundle } from '../fhir/evaluation-bundle.js';
import type { Evaluation } from '../index.js';
import { evaluateInput, parseJson, today, type EvaluatedInput, type InputKind } from '../server/evaluate-input.js';
import { batchCommand } from './batch.js';
import type { Io } from './io.js';
import { reportIssues } from './issues.js';
import { readInput } from './read-input.js';
import { reportMarkdown } from './report-markdown.js';
import { reportText } from './report-text.js';

export const FORMATS = ['text', 'json', 'markdown', 'fhir'] as const;
export type Format = (typeof FORMATS)[number];

export interface EvaluateOptions {
  readonly format: Format;
  /**
   * The date to evaluate for. A contract case carries its own asOf, which must agree; a FHIR
   * Bundle carries none and is evaluated for this date, today by default.
   */
  readonly asOf?: string;
  /** The file is NDJSON: evaluate each line, print one compact evaluation JSON a line. */
  readonly batch?: boolean;
  /** Worker threads for --batch (default: the number of cores). */
  readonly workers?: number;
}

/** What is wrong with how `evaluate` was called, or null. `formatGiven`: --format was on the command line. */
export function evaluateMisuse(options: EvaluateOptions, formatGiven: boolean): string | null {
  if (options.batch === true) {
    return formatGiven && options.format !== 'json' ? `--batch prints JSON lines; --format ${options.format} cannot be used with it` : null;
  }
  return options.workers === undefined ? null : '--workers goes with --batch';
}

/** How an input that cannot be evaluated is named: `invalid case`, `invalid FHIR Bundle`. */
export const inputName = (kind: InputKind): string => (kind === 'fhir' ? 'FHIR Bundle' : 'case');

/**
 * A document's text → its evaluation, or its issues and what kind of input it was. A single file
 * and each line of --batch are read through this one function, so they cannot disagree.
 */
export function evaluateText(text: string, asOf: string | undefined, todayIs: string): EvaluatedInput {
  const data = parseJson(text);
  if (!data.ok) return { ok: false, kind: 'case', issues: data.issues };
  return evaluateInput(data.value, { ...(asOf === undefined ? {} : { asOf }), asOfSource: '--as-of', today: todayIs });
}

function render(evaluation: Evaluation, format: Format, io: Io): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(evaluation, null, 2)}\n`;
    case 'markdown':
      return reportMarkdown(evaluation);
    case 'fhir':
      return `${JSON.stringify(evaluationToBundle(evaluation), null, 2)}\n`;
    case 'text':
      return reportText(evaluation, { colour: io.colour, width: io.width });
  }
}

export async function evaluateCommand(file: string, options: EvaluateOptions, io: Io): Promise<number> {
  if (options.batch === true) {
    return batchCommand(file, { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), ...(options.workers === undefined ? {} : { workers: options.workers }) }, io);
  }
  const input = await readInput(file, io);
  if (!input.ok) return reportIssues([input.issue], io);
  const result = evaluateText(input.text, options.asOf, today());
  if (!result.ok) return reportIssues(result.issues, io, inputName(result.kind));
  io.stdout(render(result.evaluation, options.format, io));
  return 0;
}
