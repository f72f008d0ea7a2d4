/** `allpath evaluate`: the three formats, stdin, --as-of, and the bundled examples. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Evaluation, parseCaseJson } from '../../src/contract/index.js';
import { allpath, EXAMPLES } from './run-cli.js';

const PH_POSITIVE = 'examples/ph-positive-b-all.json';
const HEADINGS = ['DIAGNOSIS', 'STATUS', 'RISK', 'ALERTS', 'RECOMMENDATIONS', 'MISSING TESTS'];

describe('the bundled examples', () => {
  const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();

  test('include the Ph-positive B-ALL case that `npm start` evaluates, and more', () => {
    expect(examples).toContain('ph-positive-b-all.json');
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  test.each(examples)('%s is a valid case', (name) => {
    const parsed = parseCaseJson(readFileSync(join(EXAMPLES, name), 'utf8'));
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.message)).toEqual([]);
  });

  test('the Ph-positive example is read as untreated Ph-positive precursor-B ALL', async () => {
    const run = await allpath(['evaluate', '--format', 'json', PH_POSITIVE]);
    const out = Evaluation.parse(JSON.parse(run.stdout));
    expect(out.diagnosis).toMatchObject({ leukemia: 'ALL', lineage: 'B', subtype: 'precursor-B', philadelphia: 'positive' });
    expect(out.status).toBe('untreated');
  });

  test('the T-ALL example is read as untreated T-lineage ALL', async () => {
    const out = Evaluation.parse(JSON.parse((await allpath(['evaluate', '--format', 'json', 'examples/t-all-untreated.json'])).stdout));
    expect([out.diagnosis.lineage, out.status]).toEqual(['T', 'untreated']);
  });

  test('the relapsed example is read as recurrent B-ALL', async () => {
    const out = Evaluation.parse(JSON.parse((await allpath(['evaluate', '--format', 'json', 'examples/relapsed-b-all.json'])).stdout));
    expect([out.diagnosis.lineage, out.status]).toEqual(['B', 'recurrent']);
  });
});

describe('--format json', () => {
  test('prints exactly the evaluation, which validates against the Evaluation schema', async () => {
    const run = await allpath(['evaluate', '--format', 'json', PH_POSITIVE]);
    expect(run.code).toBe(0);
    const out = Evaluation.parse(JSON.parse(run.stdout));
    expect(run.stdout).toBe(`${JSON.stringify(out, null, 2)}\n`);
    expect(out.caseId).toBe('example-ph-positive-b-all');
  });
});

describe('--format text (the default)', () => {
  test('has a header, the notice and every section heading, in order', async () => {
    const run = await allpath(['evaluate', PH_POSITIVE]);
    expect(run.code).toBe(0);
    const out = Evaluation.parse(JSON.parse((await allpath(['evaluate', '--format', 'json', PH_POSITIVE])).stdout));
    const text = run.stdout;
    expect(text).toContain('case example-ph-positive-b-all');
    expect(text).toContain(out.asOf);
    expect(text).toContain(out.knowledgeVersion);
    expect(text.replace(/\s+/g, ' ')).toContain(out.notice);
    const at = HEADINGS.map((h) => text.search(new RegExp(`^${h}$`, 'm')));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at.indexOf(at[0] ?? -1)).toBe(0);
    expect(text.indexOf('DIAGNOSIS')).toBeLessThan(text.indexOf('STATUS'));
    expect(text.indexOf('STATUS')).toBeLessThan(text.indexOf('RISK'));
    expect(text.indexOf('RECOMMENDATIONS')).toBeLessThan(text.indexOf('MISSING TESTS'));
  });

  test('shows each risk factor as present, absent or unknown with its detail', async () => {
    const out = Evaluation.parse(JSON.parse((await allpath(['evaluate', '--format', 'json', PH_POSITIVE])).stdout));
    const text = (await allpath(['evaluate', PH_POSITIVE])).stdout;
    for (const f of out.risk.factors) {
      const word = f.present === 'unknown' ? 'unknown' : f.present ? 'present' : 'absent';
      expect(text).toContain(`[${word}] ${f.id}: ${f.detail.split(' ').slice(0, 3).join(' ')}`);
    }
  });

  test('is not coloured when stdout is not a terminal', async () => {
    const run = await allpath(['evaluate', PH_POSITIVE]);
    expect(run.stdout).not.toContain('\u001b[');
  });
});

describe('--format markdown', () => {
  test('has a title and a heading per section, and the notice', async () => {
    const run = await allpath(['evaluate', '--format', 'markdown', PH_POSITIVE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# allpath evaluation: case example-ph-positive-b-all$/m);
    for (const h of ['Diagnosis', 'Status', 'Risk', 'Alerts', 'Recommendations', 'Missing tests']) {
      expect(run.stdout).toMatch(new RegExp(`^## ${h}$`, 'm'));
    }
    expect(run.stdout).toContain("allpath supports a clinician's decision; it orders nothing.");
  });
});

describe('input', () => {
  test('`-` reads the case from stdin', async () => {
    const text = readFileSync(join(EXAMPLES, 'ph-positive-b-all.json'), 'utf8');
    const run = await allpath(['evaluate', '--format', 'json', '-'], { stdin: text });
    expect(run.code).toBe(0);
    expect(Evaluation.parse(JSON.parse(run.stdout)).caseId).toBe('example-ph-positive-b-all');
  });

  test('--as-of equal to the case asOf is accepted', async () => {
    const run = await allpath(['evaluate', '--format', 'json', '--as-of', '2026-03-02', PH_POSITIVE]);
    expect(run.code).toBe(0);
    expect(Evaluation.parse(JSON.parse(run.stdout)).asOf).toBe('2026-03-02');
  });

  test('--as-of that differs from the case asOf exits 2 naming asOf, with nothing on stdout', async () => {
    const run = await allpath(['evaluate', '--format', 'json', '--as-of', '2026-04-01', PH_POSITIVE]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('asOf: expected 2026-04-01');
  });
});
