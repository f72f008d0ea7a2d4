/**
 * Validation problems as data: each names the JSON path, what was expected and what was found.
 * One function turns zod's issues into these; adapters only print or serialise them.
 */
import type { z } from 'zod';

export interface Issue {
  readonly code: string;
  /** JSON path in the input, e.g. `labs[1].unit`; `(root)` for the document itself. */
  readonly path: string;
  readonly expected?: string;
  readonly found?: string;
  /** One line: `path: expected …, found …` or `path: unknown field`. */
  readonly message: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };

/** A key written bare in a path; any other (`a.b`, `x[0]`, `""`, a control character) is quoted. */
const NAME = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * `['labs', 1, 'unit']` → `labs[1].unit`. A key that is not a plain name is written `["a.b"]`
 * (JSON string in brackets), so that every path names one place: an unknown field `"a.b"` is not
 * field `b` of `a`.
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (!NAME.test(String(key))) out += `[${JSON.stringify(String(key))}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** A short, log-safe description of a found value: type for objects, the value for scalars. */
export function describeFound(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') return JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input);
  return String(input);
}

function issue(code: string, path: string, expected: string | undefined, found: string | undefined, message?: string): Issue {
  const text = message ?? `expected ${expected ?? '?'}, found ${found ?? '?'}`;
  return { code, path, ...(expected === undefined ? {} : { expected }), ...(found === undefined ? {} : { found }), message: `${path}: ${text}` };
}

function listOf(values: readonly unknown[]): string {
  const shown = values.map(String);
  return shown.length === 1 ? shown[0] ?? '' : `one of ${shown.join(', ')}`;
}

/** Zod issues (parsed with `reportInput: true`) → contract issues. */
export function fromZod(issues: readonly z.core.$ZodIssue[]): Issue[] {
  const out: Issue[] = [];
  for (const zi of issues) {
    const path = jsonPath(zi.path);
    const input = (zi as { input?: unknown }).input;
    switch (zi.code) {
      case 'unrecognized_keys':
        for (const key of zi.keys) out.push(issue('unknown_field', jsonPath([...zi.path, key]), undefined, undefined, 'unknown field'));
        break;
      case 'invalid_type':
        out.push(issue('invalid_type', path, zi.expected === 'object' ? 'an object' : zi.expected, describeFound(input)));
        break;
      case 'invalid_value':
        out.push(issue('invalid_value', path, listOf(zi.values), describeFound(input)));
        break;
      case 'too_small':
        out.push(issue('too_small', path, zi.origin === 'array' ? `at least ${String(zi.minimum)} items` : `${zi.inclusive === false ? '>' : '≥'} ${String(zi.minimum)}`, zi.origin === 'array' ? 'fewer' : describeFound(input)));
        break;
      case 'too_big':
        out.push(issue('too_big', path, zi.origin === 'array' ? `at most ${String(zi.maximum)} items` : `${zi.inclusive === false ? '<' : '≤'} ${String(zi.maximum)}`, zi.origin === 'array' ? 'more' : describeFound(input)));
        break;
      case 'invalid_key':
        out.push(issue('invalid_key', path, 'a known key', describeFound(input)));
        break;
      case 'custom': {
        const params = zi.params as { expected?: string; found?: string } | undefined;
        out.push(issue('invalid_value', path, params?.expected, params?.found ?? describeFound(input)));
        break;
      }
      default:
        out.push(issue(zi.code, path, undefined, undefined, zi.message));
    }
  }
  return out;
}
