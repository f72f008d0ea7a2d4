/**
 * Cases, valid and mutated, as objects and as JSON text: parsing never throws, and answers either
 * a case whose evaluation passes the Evaluation schema or issues that each name a path of the input.
 */
import { describe, expect } from 'vitest';
import { caseTextAnswers, mutatedCaseAnswers, validCaseParses } from './properties.js';
import { propertyTest } from './property-test.js';

describe('parseCase and evaluate on generated input', () => {
  propertyTest(validCaseParses);
  // Both outcomes must be reached, or the property proves nothing about one of them.
  propertyTest(mutatedCaseAnswers, (s) => {
    expect(s.valid).toBeGreaterThan(0);
    expect(s.invalid).toBeGreaterThan(0);
  });
  propertyTest(caseTextAnswers, (s) => {
    expect(s.valid).toBeGreaterThan(0);
    expect(s.invalid).toBeGreaterThan(0);
  });
});
