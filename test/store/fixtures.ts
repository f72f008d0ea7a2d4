/** Cases for the store tests: the shared example cases and FHIR fixtures, under fresh ids. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCaseJson, type Case, type Evaluation } from '../../src/contract/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Actor } from '../../src/store/index.js';

const SHARED_CASES = join(import.meta.dirname, '..', '..', '..', 'shared', 'cases');
const FHIR_CASES = join(import.meta.dirname, '..', 'fixtures', 'fhir');

const FILES = {
  'precursor-b-untreated': join(SHARED_CASES, 'e01-precursor-b-untreated.json'),
  'ph-positive': join(SHARED_CASES, 'e02-ph-positive.json'),
  'ph-untested': join(SHARED_CASES, 'e03-ph-untested.json'),
  'relapse': join(SHARED_CASES, 'e04-relapse-cd22.json'),
  'febrile-neutropenia': join(SHARED_CASES, 'e05-febrile-neutropenia.json'),
  'burkitt': join(FHIR_CASES, 'burkitt.case.json'),
  't-all': join(FHIR_CASES, 't-all.case.json'),
} as const;
export type Example = keyof typeof FILES;

/** An example case under another id. */
export function exampleCase(example: Example, id: string): Case {
  const parsed = parseCaseJson(readFileSync(FILES[example], 'utf8'));
  if (!parsed.ok) throw new Error(`${example}: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return { ...parsed.value, id };
}

/** An example case under another id, with its evaluation. */
export function evaluated(example: Example, id: string): { input: Case; evaluation: Evaluation } {
  const input = exampleCase(example, id);
  return { input, evaluation: evaluate(input) };
}

export function actor(username: string, requestId: string | null = null, userId: string | null = null): Actor {
  return { username, requestId, userId };
}
