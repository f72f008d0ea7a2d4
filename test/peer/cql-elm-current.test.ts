// The committed ELM (bench/cql/elm/AllpathDiagnosis.json) is what the bench and the agreement
// tests run; it must be what the CQL-to-ELM translator makes of bench/cql/AllpathDiagnosis.cql
// today, so that the .cql a reader checks is the logic that ran. Translation takes 5–15 s.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ELM_FILE } from '../../bench/cql/engine.js';
import { TranslationError, translate } from '../../bench/cql/translate.js';

describe('the committed ELM', () => {
  test('equals a fresh translation of AllpathDiagnosis.cql (run npx tsx bench/cql/translate.ts after editing the .cql)', () => {
    expect(readFileSync(ELM_FILE, 'utf8') === translate()).toBe(true);
  }, 120_000);

  test('twin: a changed threshold in the CQL translates to different ELM', () => {
    const cql = readFileSync(new URL('../../bench/cql/AllpathDiagnosis.cql', import.meta.url), 'utf8');
    const changed = cql.replace('exists ("Marrow blasts" B where B >= 20)', 'exists ("Marrow blasts" B where B >= 25)');
    expect(changed).not.toBe(cql);
    expect(readFileSync(ELM_FILE, 'utf8') === translate(changed)).toBe(false);
  }, 120_000);

  test('a CQL error is refused with its message, not written as ELM', () => {
    expect(() => translate('library Broken version \'1\'\nusing FHIR version \'4.0.1\'\ncontext Patient\ndefine "X": "Nowhere"\n'))
      .toThrow(TranslationError);
  }, 120_000);
});
