/**
 * Input allpath cannot evaluate: exit 2, each problem on stderr under one header naming its
 * JSON path, and nothing on stdout (so a pipeline never consumes half a result).
 */
import { describe, expect, test } from 'vitest';
import { allpath } from './run-cli.js';

const valid = {
  id: 'bad-input', asOf: '2026-05-11', patient: { ageYears: 40, sex: 'female' },
  labs: [{ test: 'wbc', value: 12, unit: '10*9/L', date: '2026-05-10' }],
};

async function evaluateStdin(text: string) {
  return allpath(['evaluate', '--format', 'json', '-'], { stdin: text });
}

function expectRejected(run: { code: number | null; stdout: string; stderr: string }, ...names: string[]) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.split('\n')[0]).toBe('allpath: invalid case:');
  for (const n of names) expect(run.stderr).toContain(n);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('invalid cases exit 2, naming the path', () => {
  test('a sex outside the vocabulary', async () => {
    expectRejected(await evaluateStdin(JSON.stringify({ ...valid, patient: { ageYears: 40, sex: 'F' } })), 'patient.sex: expected one of female, male, other, unknown, found "F"');
  });

  test('a misspelt field (genetcs) is an unknown field, never silently dropped', async () => {
    expectRejected(await evaluateStdin(JSON.stringify({ ...valid, genetcs: [] })), 'genetcs: unknown field');
  });

  test('a unit the test does not accept', async () => {
    const labs = [valid.labs[0], { test: 'wbc', value: 12, unit: 'g/dL', date: '2026-05-10' }];
    expectRejected(await evaluateStdin(JSON.stringify({ ...valid, labs })), 'labs[1].unit', '"g/dL"');
  });

  test('every problem is reported, each on its own line', async () => {
    const run = await evaluateStdin(JSON.stringify({ ...valid, patient: { ageYears: 40, sex: 'F' }, genetcs: [] }));
    expectRejected(run, 'patient.sex', 'genetcs');
    expect(run.stderr.trim().split('\n')).toHaveLength(3);
  });

  test('text that is not JSON', async () => {
    expectRejected(await evaluateStdin('{ "id": "x", '), '(root): expected JSON');
  });

  test('a file that does not exist', async () => {
    expectRejected(await allpath(['evaluate', 'no/such/case.json']), '(root): expected a readable JSON file, found no such file', 'no/such/case.json');
  });

  test('the text and markdown formats reject the same way', async () => {
    for (const format of ['text', 'markdown']) {
      const run = await allpath(['evaluate', '--format', format, '-'], { stdin: JSON.stringify({ ...valid, genetcs: [] }) });
      expectRejected(run, 'genetcs: unknown field');
    }
  });
});

describe('usage errors exit 2', () => {
  test('an unknown format', async () => {
    const run = await allpath(['evaluate', '--format', 'pdf', 'examples/ph-positive-b-all.json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("'pdf' is invalid");
  });

  test('an --as-of that is not a date', async () => {
    const run = await allpath(['evaluate', '--as-of', '2026-02-30', 'examples/ph-positive-b-all.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('YYYY-MM-DD');
  });

  test('a missing file argument', async () => {
    const run = await allpath(['evaluate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing required argument 'file'");
  });

  test('an unknown command', async () => {
    expect((await allpath(['diagnose'])).code).toBe(2);
  });

  test('no command at all prints the usage on stderr', async () => {
    const run = await allpath([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: allpath');
  });
});
