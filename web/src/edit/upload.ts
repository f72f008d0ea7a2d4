/**
 * Uploaded documents, told apart by shape: a FHIR Bundle (sent to the server
 * as it is), a contract case, or an example document `{case, expect}` (its case fills the form).
 */

export type UploadedDocument =
  | { readonly kind: 'bundle'; readonly bundle: Record<string, unknown> }
  | { readonly kind: 'case'; readonly data: Record<string, unknown>; readonly fromExample: boolean }
  | { readonly kind: 'unreadable'; readonly message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What an uploaded file holds. The form validates a case; the server validates a Bundle. */
export function readUpload(text: string): UploadedDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { kind: 'unreadable', message: `The file is not JSON (${e instanceof SyntaxError ? e.message : 'unreadable'}).` };
  }
  if (!isRecord(data)) return { kind: 'unreadable', message: 'The file holds JSON but not an object: expected a case, an example document or a FHIR Bundle.' };
  if (data['resourceType'] === 'Bundle') return { kind: 'bundle', bundle: data };
  if (typeof data['resourceType'] === 'string') {
    return { kind: 'unreadable', message: `The file is a FHIR ${data['resourceType']}, not a Bundle: expected a case, an example document or a FHIR Bundle.` };
  }
  const keys = Object.keys(data);
  if (keys.includes('case') && keys.every((k) => k === 'case' || k === 'expect')) {
    const inner = data['case'];
    if (!isRecord(inner)) return { kind: 'unreadable', message: 'The example document\'s "case" is not an object.' };
    return { kind: 'case', data: inner, fromExample: true };
  }
  return { kind: 'case', data, fromExample: false };
}
