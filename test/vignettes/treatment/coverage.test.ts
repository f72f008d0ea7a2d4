/**
 * Checks over the treatment vignettes themselves: every recommendation, alert and missing-test
 * rule of the treatment modules has a vignette where it fires and a twin where it does not; every
 * vignette names its source just above it; every quoted locator occurs verbatim in that source.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { SOURCES } from '../../../src/knowledge/index.js';
import { INDUCTION } from '../../../src/knowledge/induction.js';
import { PHILADELPHIA } from '../../../src/knowledge/philadelphia.js';
import { BURKITT } from '../../../src/knowledge/burkitt.js';
import { T_CELL } from '../../../src/knowledge/t-cell.js';
import { CNS } from '../../../src/knowledge/cns.js';
import { CONSOLIDATION } from '../../../src/knowledge/consolidation.js';
import { MAINTENANCE } from '../../../src/knowledge/maintenance.js';
import { TRANSPLANT } from '../../../src/knowledge/transplant.js';
import { RELAPSE } from '../../../src/knowledge/relapse.js';
import { TRIALS } from '../../../src/knowledge/trials.js';
import { SUPPORTIVE_CARE } from '../../../src/knowledge/supportive-care.js';
import { TOXICITY } from '../../../src/knowledge/toxicity.js';
import { FOLLOW_UP } from '../../../src/knowledge/follow-up.js';

const here = dirname(fileURLToPath(import.meta.url));
const SOURCES_DIR = resolve(here, '../../../../shared/sources');

const TREATMENT_RULES = [
  ...INDUCTION, ...PHILADELPHIA, ...BURKITT, ...T_CELL, ...CNS, ...CONSOLIDATION, ...MAINTENANCE, ...TRANSPLANT,
  ...RELAPSE, ...TRIALS, ...SUPPORTIVE_CARE, ...TOXICITY, ...FOLLOW_UP,
];

const files = readdirSync(here).filter((f) => f.endsWith('.test.ts') && f !== 'coverage.test.ts');
const texts = files.map((f) => ({ file: f, text: readFileSync(join(here, f), 'utf8') }));

/** Rule ids asserted to fire (expectRec/expectAlert/expectMissingBy) and not to fire (expectNo…). */
function asserted(negative: boolean): Set<string> {
  const call = negative ? /expectNo(?:Rec|Alert|MissingBy)\(.*, '([a-z0-9-]+)'\)/g : /expect(?:Rec|Alert|MissingBy)\(.*, '([a-z0-9-]+)'\)/g;
  return new Set(texts.flatMap(({ text }) => [...text.matchAll(call)].map((m) => m[1] ?? '')));
}

const fold = (s: string) => s.replace(/\s+/g, ' ');
const SOURCE_COMMENT = /^\s*\/\/ ([a-z-]+): "([^"]+)"/;
const FACTS_COMMENT = /^\s*\/\/ facts\.md §[\d.]+ \(EXT-\d+/;

describe('treatment vignettes', () => {
  test('there are at least 70 of them, one file per care step', () => {
    const count = texts.reduce((n, { text }) => n + (text.match(/^\s*test\(/gm) ?? []).length, 0);
    expect(files.length).toBeGreaterThanOrEqual(13);
    expect(count).toBeGreaterThanOrEqual(70);
  });

  test('every treatment rule has a vignette where it fires', () => {
    const fired = asserted(false);
    expect(TREATMENT_RULES.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });

  test('every treatment rule has a twin where it does not fire', () => {
    const silent = asserted(true);
    expect(TREATMENT_RULES.map((r) => r.id).filter((id) => !silent.has(id))).toEqual([]);
  });

  test('the coverage scan sees both kinds of assertion (so the checks above can fail)', () => {
    expect(asserted(false).has('rec-induction-chemotherapy')).toBe(true);
    expect(asserted(true).has('rec-induction-chemotherapy')).toBe(true);
    expect(asserted(false).has('no-such-rule')).toBe(false);
  });

  test('every vignette names its source on the line above it', () => {
    const unsourced = texts.flatMap(({ file, text }) => {
      const lines = text.split('\n');
      return lines.flatMap((line, i) => {
        if (!/^\s*test\(/.test(line)) return [];
        const above = lines[i - 1] ?? '';
        return SOURCE_COMMENT.test(above) || FACTS_COMMENT.test(above) ? [] : [`${file}:${i + 1}`];
      });
    });
    expect(unsourced).toEqual([]);
  });

  test('every quoted locator occurs verbatim in the source it names', () => {
    const quotes = texts.flatMap(({ file, text }) => text.split('\n').flatMap((line) => {
      const m = SOURCE_COMMENT.exec(line);
      return m === null ? [] : [{ file, source: m[1] ?? '', locator: m[2] ?? '' }];
    }));
    expect(quotes.length).toBeGreaterThan(50);
    const problems = quotes.flatMap((q) => {
      if (!Object.hasOwn(SOURCES, q.source)) return [`${q.file}: unknown source ${q.source}`];
      const source = SOURCES[q.source as keyof typeof SOURCES];
      const text = fold(readFileSync(join(SOURCES_DIR, source.file), 'utf8'));
      return text.includes(fold(q.locator)) ? [] : [`${q.file}: "${q.locator}" is not in ${source.file}`];
    });
    expect(problems).toEqual([]);
  });
});
