/** The shared example cases satisfy the contract, and its JSON Schema is generated from the same types. */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Evaluation, evaluate, jsonSchema, parseCase } from '../../src/index.js';

const CASES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/cases');

interface Example { readonly case: unknown; readonly expect: { readonly exitCode?: number } }
const examples = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as Example) }));
const valid = examples.filter((e) => e.expect.exitCode === undefined);
const invalid = examples.filter((e) => e.expect.exitCode !== undefined);

describe('shared example cases', () => {
  test('there are valid and invalid examples to check', () => {
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
  });

  test.each(valid.map((e) => [e.file, e.case] as const))('%s parses, and its evaluation satisfies the evaluation schema', (_file, input) => {
    const parsed = parseCase(input);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.message)).toEqual([]);
    if (parsed.ok) expect(Evaluation.safeParse(evaluate(parsed.value)).success).toBe(true);
  });

  test.each(invalid.map((e) => [e.file, e.case] as const))('%s is rejected', (_file, input) => {
    expect(parseCase(input).ok).toBe(false);
  });
});

describe('JSON Schema', () => {
  test('the case schema is produced and describes the patient', () => {
    const schema = jsonSchema('case');
    expect(schema.$id).toBe('https://allpath.dev/schema/case.json');
    expect(Object.keys(schema.properties as object)).toEqual(expect.arrayContaining(['id', 'asOf', 'patient', 'labs', 'genetics']));
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'asOf', 'patient']));
    expect(JSON.stringify(schema)).toContain('"patient"');
    expect(schema.additionalProperties).toBe(false);
  });

  test('the evaluation schema is produced and describes diagnosis, status, phase and risk', () => {
    const schema = jsonSchema('evaluation');
    expect(schema.$id).toBe('https://allpath.dev/schema/evaluation.json');
    expect(Object.keys(schema.properties as object)).toEqual(expect.arrayContaining(['diagnosis', 'status', 'phase', 'risk', 'missing']));
  });
});
