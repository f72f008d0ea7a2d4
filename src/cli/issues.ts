/** Input problems on stderr: a header line, then one issue per line, each naming its JSON path. */
import type { Issue } from '../contract/index.js';
import type { Io } from './io.js';

/** The exit code for input allpath cannot evaluate. */
export const INVALID_INPUT = 2;

export function reportIssues(issues: readonly Issue[], io: Io, what = 'case'): number {
  io.stderr(`allpath: invalid ${what}:\n${issues.map((i) => `  ${i.message}\n`).join('')}`);
  return INVALID_INPUT;
}
