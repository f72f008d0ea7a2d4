/**
 * Mutated FHIR Bundles: ingest and evaluateFhir never throw, and answer a valid case with an
 * ingest report that explains every resource left unused, or issues naming FHIR elements.
 */
import { describe, expect } from 'vitest';
import { bundleAnswers } from './properties.js';
import { propertyTest } from './property-test.js';

describe('FHIR ingest on mutated Bundles', () => {
  propertyTest(bundleAnswers, (s) => {
    expect(s.valid).toBeGreaterThan(0);
    expect(s.invalid).toBeGreaterThan(0);
  });
});
