/** `allpath evaluate` of a FHIR Bundle: told apart by resourceType, evaluated for --as-of. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Evaluation } from '../../src/contract/index.js';
import { allpath, ROOT } from './run-cli.js';

const BUNDLE = 'test/fixtures/server/ph-positive-b-all.bundle.json';

describe('allpath evaluate <FHIR Bundle>', () => {
  test('with --as-of evaluates the record for that date, with the ingest report', async () => {
    const run = await allpath(['evaluate', '--format', 'json', '--as-of', '2026-03-01', BUNDLE]);
    expect(run.code).toBe(0);
    const e = Evaluation.parse(JSON.parse(run.stdout));
    expect([e.asOf, e.diagnosis.philadelphia, e.status]).toEqual(['2026-03-01', 'positive', 'untreated']);
    expect(e.ingest?.source).toBe('fhir-bundle');
  });

  test('reads the Bundle from stdin too', async () => {
    const run = await allpath(['evaluate', '--format', 'json', '--as-of', '2026-03-01', '-'], { stdin: readFileSync(join(ROOT, BUNDLE), 'utf8') });
    expect(run.code).toBe(0);
  });

  test('--format fhir prints the evaluation as a FHIR Bundle', async () => {
    const run = await allpath(['evaluate', '--format', 'fhir', '--as-of', '2026-03-01', BUNDLE]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ resourceType: 'Bundle' });
  });

  test('a Bundle that cannot become a case exits 2, naming the element', async () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, BUNDLE), 'utf8')) as { entry: { resource: { resourceType: string } }[] };
    const noPatient = { ...bundle, entry: bundle.entry.filter((e) => e.resource.resourceType !== 'Patient') };
    const run = await allpath(['evaluate', '--as-of', '2026-03-01', '-'], { stdin: JSON.stringify(noPatient) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^allpath: invalid FHIR Bundle:\n {2}Patient\.birthDate: /);
    expect(run.stdout).toBe('');
  });

  test('a contract case still takes --format fhir', async () => {
    const run = await allpath(['evaluate', '--format', 'fhir', 'examples/ph-positive-b-all.json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ resourceType: 'Bundle' });
  });
});
