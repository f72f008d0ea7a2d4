// Uploaded files told apart by shape: a FHIR Bundle goes to the server, a case or an example
// document's case fills the form, anything else is refused with a reason.
import { describe, expect, test } from 'vitest';
import { readUpload } from '../../web/src/edit/upload.js';

describe('readUpload', () => {
  test('a FHIR Bundle', () => {
    expect(readUpload('{"resourceType":"Bundle","type":"collection","entry":[]}').kind).toBe('bundle');
  });

  test('a contract case', () => {
    expect(readUpload('{"id":"x","asOf":"2026-01-01","patient":{"sex":"male","ageYears":3}}')).toEqual({
      kind: 'case', data: { id: 'x', asOf: '2026-01-01', patient: { sex: 'male', ageYears: 3 } }, fromExample: false,
    });
  });

  test('an example document gives its case', () => {
    expect(readUpload('{"case":{"id":"e1"},"expect":{}}')).toEqual({ kind: 'case', data: { id: 'e1' }, fromExample: true });
  });

  test('not JSON, not an object, another FHIR resource', () => {
    expect(readUpload('{').kind).toBe('unreadable');
    expect(readUpload('[1]').kind).toBe('unreadable');
    const patient = readUpload('{"resourceType":"Patient"}');
    expect(patient.kind === 'unreadable' && patient.message).toMatch(/FHIR Patient, not a Bundle/);
  });
});
