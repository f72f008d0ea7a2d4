/**
 * The report layouts, in process: an evaluation with a critical alert and one without, so the
 * ordering is proven both ways whatever the knowledge base raises today.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCaseJson, type Alert, type Evaluation, type Recommendation } from '../../src/contract/index.js';
import { evaluate } from '../../src/engine/index.js';
import { reportMarkdown } from '../../src/cli/report-markdown.js';
import { reportText } from '../../src/cli/report-text.js';
import { EXAMPLES } from './run-cli.js';

function example(): Evaluation {
  const parsed = parseCaseJson(readFileSync(join(EXAMPLES, 'ph-positive-b-all.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return evaluate(parsed.value);
}

const tki: Recommendation = {
  id: 'rec-test-tki', action: 'tki', category: 'therapy', priority: 'urgent', agents: ['imatinib', 'dasatinib'],
  rationale: 'Add a BCR::ABL1 tyrosine kinase inhibitor to induction chemotherapy.', lay: 'A targeted pill.',
  evidence: [{ source: 'pdq-adult-all-treatment-hp', locator: 'clinical activity as a single agent in Ph-positive ALL', level: 'C3' }],
};
const alertOf = (severity: Alert['severity']): Alert => ({
  id: 'alert-test', action: 'empiric-broad-spectrum-antibiotics', severity,
  message: 'Fever with neutropenia: start empiric antibiotics.', lay: 'Fever needs antibiotics now.',
  evidence: [{ source: 'acs-treating-all', locator: 'at the earliest sign that an infection may be developing' }],
});
const plain = { colour: false, width: 100 };
const trialUrl = 'https://clinicaltrials.gov/api/v2/studies?query.cond=Acute+Lymphoblastic+Leukemia';
const trial: Recommendation = {
  id: 'rec-test-trial', action: 'clinical-trial', category: 'therapy', priority: 'routine',
  trialSearch: {
    condition: 'Acute Lymphoblastic Leukemia', ageYears: 54, subtype: 'precursor-B', philadelphia: 'positive',
    status: 'untreated', priorAgents: [], terms: ['B-cell'], url: trialUrl,
  },
  rationale: 'Entry into a clinical trial is highly desirable.', lay: 'Ask about clinical trials.',
  evidence: [{ source: 'pdq-adult-all-treatment-hp', locator: 'Entry into a clinical trial is highly desirable' }],
};

describe('text report', () => {
  test('a critical alert comes before the recommendations', () => {
    const text = reportText({ ...example(), recommendations: [tki], alerts: [alertOf('critical')] }, plain);
    expect(text.indexOf('\nALERTS\n')).toBeLessThan(text.indexOf('\nRECOMMENDATIONS\n'));
    expect(text).toContain('[critical] empiric-broad-spectrum-antibiotics: Fever with neutropenia');
  });

  test('without a critical alert, the recommendations come first', () => {
    const text = reportText({ ...example(), recommendations: [tki], alerts: [alertOf('warning')] }, plain);
    expect(text.indexOf('\nRECOMMENDATIONS\n')).toBeLessThan(text.indexOf('\nALERTS\n'));
  });

  test('a recommendation shows its priority, agents and evidence: source title, quoted locator, level', () => {
    const text = reportText({ ...example(), recommendations: [tki] }, plain);
    expect(text).toContain('[urgent] tki: Add a BCR::ABL1 tyrosine kinase inhibitor');
    expect(text).toContain('Agents: imatinib, dasatinib');
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Evidence: Adult Acute Lymphoblastic Leukemia Treatment (PDQ®), Health Professional Version: "clinical activity as a single agent in Ph-positive ALL" (level C3)',
    );
  });

  test('an empty section says None rather than disappearing', () => {
    const text = reportText({ ...example(), recommendations: [], alerts: [] }, plain);
    expect(text).toMatch(/^RECOMMENDATIONS\n {2}None\.$/m);
  });

  test('colour is ANSI styling of the same text', () => {
    const e = { ...example(), alerts: [alertOf('critical')] };
    const coloured = reportText(e, { colour: true, width: 100 });
    expect(coloured).toContain('\u001b[31m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(reportText(e, plain));
  });

  test('long lines wrap at the width with a hanging indent', () => {
    const text = reportText({ ...example(), recommendations: [{ ...tki, rationale: 'word '.repeat(60).trim() }] }, { colour: false, width: 60 });
    const lines = text.split('\n');
    expect(lines.every((l) => l.length <= 60 || !l.includes(' '))).toBe(true);
    expect(lines.some((l) => /^ {6}word word/.test(l))).toBe(true);
  });
});

test('a trial search is shown with its URL, a link in markdown', () => {
  const e = { ...example(), recommendations: [trial] };
  expect(reportText(e, plain).replace(/\s+/g, ' ')).toContain(`Trial search (ClinicalTrials.gov API v2): ${trialUrl}`);
  expect(reportMarkdown(e)).toContain(`- [Trial search (ClinicalTrials.gov API v2)](<${trialUrl}>)`);
});

describe('markdown report', () => {
  test('uses # headings and links the source of each citation', () => {
    const md = reportMarkdown({ ...example(), recommendations: [tki], alerts: [alertOf('critical')] });
    expect(md).toMatch(/^# allpath evaluation: case example-ph-positive-b-all$/m);
    expect(md.indexOf('## Alerts')).toBeLessThan(md.indexOf('## Recommendations'));
    expect(md).toContain('- **urgent** `tki`: Add a BCR::ABL1 tyrosine kinase inhibitor');
    expect(md).toContain('](https://www.cancer.gov/types/leukemia/hp/adult-all-treatment-pdq): "clinical activity as a single agent in Ph-positive ALL" (level C3)');
  });

  test('escapes markdown in evaluation text', () => {
    const md = reportMarkdown({ ...example(), recommendations: [{ ...tki, rationale: 'CD19 *bright* <b>' }] });
    expect(md).toContain('CD19 \\*bright\\* \\<b\\>');
  });
});
