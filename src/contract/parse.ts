import type { z } from 'zod';
import { Case } from './case.js';
import { fromZod, type Issue, type Parsed } from './issues.js';

/** Validate untrusted input as a case. Never throws; every problem comes back with its path. */
export function parseCase(input: unknown): Parsed<Case> {
  return parseWith(Case, input);
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const r = schema.safeParse(input, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: fromZod(r.error.issues) };
}

/**
 * An example document (shared/cases): `{ "case": {…}, "expect": {…} }`. Its case is validated
 * with paths under `case.`; `expect` describes the wanted evaluation and is not patient data.
 */
function isExampleDocument(data: unknown): data is { case: unknown } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const keys = Object.keys(data);
  return keys.includes('case') && keys.every((k) => k === 'case' || k === 'expect');
}

/** A case, or an example document holding one. */
export function parseCaseDocument(data: unknown): Parsed<Case> {
  if (!isExampleDocument(data)) return parseCase(data);
  const r = parseCase(data.case);
  if (r.ok) return r;
  const issues = r.issues.map((i): Issue => {
    const path = i.path === '(root)' ? 'case' : i.path.startsWith('[') ? `case${i.path}` : `case.${i.path}`;
    return { ...i, path, message: `${path}${i.message.slice(i.path.length)}` };
  });
  return { ok: false, issues };
}

/**
 * Parse JSON text first, so that a syntax error is reported like any other issue. A leading byte
 * order mark (as some editors save UTF-8) is not part of the JSON and is dropped, as the HTTP
 * API's parser drops it.
 */
export function parseCaseJson(text: string): Parsed<Case> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : 'unreadable';
    const issue: Issue = { code: 'invalid_json', path: '(root)', expected: 'JSON', found: why, message: `(root): expected JSON, found ${why}` };
    return { ok: false, issues: [issue] };
  }
  return parseCaseDocument(data);
}
