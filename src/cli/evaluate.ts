/** `allpath evaluate`: read a case, validate it, evaluate it, print the evaluation. */
import { evaluate, parseCaseJson, type Evaluation, type Issue } from '../index.js';
import type { Io } from './io.js';
import { reportIssues } from './issues.js';
import { readInput } from './read-input.js';
import { reportMarkdown } from './report-markdown.js';
import { reportText } from './report-text.js';

export const FORMATS = ['text', 'json', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface EvaluateOptions {
  readonly format: Format;
  /** The date to evaluate for. A contract case carries its own asOf, which must agree. */
  readonly asOf?: string;
}

function render(evaluation: Evaluation, format: Format, io: Io): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(evaluation, null, 2)}\n`;
    case 'markdown':
      return reportMarkdown(evaluation);
    case 'text':
      return reportText(evaluation, { colour: io.colour, width: io.width });
  }
}

/** Evaluating a case for a date other than its own would silently re-date it; refuse instead. */
function asOfMismatch(asked: string, stated: string): Issue {
  const expected = `${asked} (from --as-of)`;
  const found = JSON.stringify(stated);
  return { code: 'as_of_mismatch', path: 'asOf', expected, found, message: `asOf: expected ${expected}, found ${found}` };
}

export async function evaluateCommand(file: string, options: EvaluateOptions, io: Io): Promise<number> {
  const input = await readInput(file, io);
  if (!input.ok) return reportIssues([input.issue], io);
  const parsed = parseCaseJson(input.text);
  if (!parsed.ok) return reportIssues(parsed.issues, io);
  if (options.asOf !== undefined && options.asOf !== parsed.value.asOf) {
    return reportIssues([asOfMismatch(options.asOf, parsed.value.asOf)], io);
  }
  io.stdout(render(evaluate(parsed.value), options.format, io));
  return 0;
}
