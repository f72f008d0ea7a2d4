/**
 * `npm run bench` measures evaluate() over every case the vignette tests evaluate: with
 * ALLPATH_RECORD_VIGNETTES set to a file, each vignette's parsed case is appended to it as one
 * NDJSON line. Unset (as in `npm test`), this does nothing.
 */
import { appendFileSync } from 'node:fs';
import type { Case } from '../../src/index.js';

const OUT = process.env.ALLPATH_RECORD_VIGNETTES;

export function recordVignette(c: Case): void {
  if (OUT !== undefined && OUT !== '') appendFileSync(OUT, `${JSON.stringify(c)}\n`);
}
