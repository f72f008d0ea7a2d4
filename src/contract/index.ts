export { ACTION_IDS, type ActionId } from './actions.js';
export * from './vocabulary.js';
export { LAB_TESTS, type LabTest, acceptedUnits, canonicalUnit, toCanonical } from './units.js';
export { ageAt, daysBetween, isCalendarDate } from './dates.js';
export { Case, type Lab, type Treatment, type GeneticTestResult } from './case.js';
export * from './evaluation.js';
export { type Issue, type Parsed, describeFound, jsonPath, fromZod } from './issues.js';
export { parseCase, parseCaseDocument, parseCaseJson, parseWith } from './parse.js';
export { jsonSchema } from './json-schema.js';
