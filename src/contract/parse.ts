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

/** Parse JSON text first, so that a syntax error is reported like any other issue. */
export function parseCaseJson(text: string): Parsed<Case> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : 'unreadable';
    const issue: Issue = { code: 'invalid_json', path: '(root)', expected: 'JSON', found: why, message: `(root): expected JSON, found ${why}` };
    return { ok: false, issues: [issue] };
  }
  return parseCase(data);
}
