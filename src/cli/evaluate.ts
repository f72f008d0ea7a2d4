/**
 * `allpath evaluate`: read a case or a FHIR Bundle, validate it, evaluate it, print the
 * evaluation.
 */
import { evaluationToBundle } from '../fhir/evaluation-bundle.js';
import type { Evaluation } from '../index.js';
import { evaluateInput, parseJson, today } from '../server/evaluate-input.js';
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
  const input = await readInput(file, io);
  if (!input.ok) return reportIssues([input.issue], io);
  const data = parseJson(input.text);
  if (!data.ok) return reportIssues(data.issues, io);
  const result = evaluateInput(data.value, {
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }), asOfSource: '--as-of', today: today(),
  });
  if (!result.ok) return reportIssues(result.issues, io, result.kind === 'fhir' ? 'FHIR Bundle' : 'case');
  io.stdout(render(result.evaluation, options.format, io));
  return 0;
}
