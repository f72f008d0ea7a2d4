/**
 * The worker thread of `evaluate --batch`: each line is read and evaluated as `evaluate` reads
 * one file (evaluateText), and printed as compact JSON, or as an invalid line (see batch.ts).
 */
import type { Issue } from '../contract/index.js';
import type { BatchWorkerData } from './batch.js';
import { serveLines } from './batch-lines.js';
import { evaluateText, inputName } from './evaluate.js';

/** The output line for an input line that cannot be evaluated. */
export interface InvalidLine {
  readonly line: number;
  /** What the line was read as: `case` (also for a line that is not JSON) or `FHIR Bundle`. */
  readonly invalid: string;
  readonly issues: readonly Issue[];
}

serveLines((data) => {
  const { asOf, today } = data as BatchWorkerData;
  return (line, lineNumber) => {
    const result = evaluateText(line, asOf, today);
    if (result.ok) return { text: JSON.stringify(result.evaluation), invalid: false };
    const invalid: InvalidLine = { line: lineNumber, invalid: inputName(result.kind), issues: result.issues };
    return { text: JSON.stringify(invalid), invalid: true };
  };
});
