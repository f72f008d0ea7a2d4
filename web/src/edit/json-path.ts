/**
 * JSON paths as the contract writes them (`labs[1].unit`), and reading and writing a value at
 * one in a plain JSON document. Writing never mutates: it returns a new document that shares
 * what did not change, so React state can hold it.
 */

export type PathKey = string | number;
export type Path = readonly PathKey[];

/** `['labs', 1, 'unit']` → `labs[1].unit`; `(root)` for the document itself (as the contract). */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out === '' ? '(root)' : out;
}

/** `labs[1].unit` → `['labs', 1, 'unit']`; `(root)` → `[]`. Keys are names or array indexes. */
export function parsePath(text: string): PathKey[] {
  if (text === '(root)' || text === '') return [];
  const keys: PathKey[] = [];
  for (const m of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) keys.push(Number(m[2]));
    else if (m[1] !== undefined) keys.push(m[1]);
  }
  return keys;
}

type Json = unknown;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getAt(doc: Json, path: Path): unknown {
  let here: unknown = doc;
  for (const key of path) {
    if (typeof key === 'number') here = Array.isArray(here) ? here[key] : undefined;
    else here = isRecord(here) ? here[key] : undefined;
    if (here === undefined) return undefined;
  }
  return here;
}

/**
 * The document with `value` at `path` (objects and arrays created on the way); `undefined`
 * removes the key, or the element from an array.
 */
export function setAt(doc: Json, path: Path, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (value === undefined && getAt(doc, path) === undefined) return doc;
  if (typeof key === 'number') {
    const list = Array.isArray(doc) ? [...(doc as unknown[])] : [];
    const next = rest.length === 0 ? value : setAt(list[key], rest, value);
    if (next === undefined) list.splice(key, 1);
    else list[key] = next;
    return list;
  }
  const obj: Record<string, unknown> = isRecord(doc) ? { ...doc } : {};
  const next = rest.length === 0 ? value : setAt(obj[key], rest, value);
  if (next === undefined) delete obj[key];
  else obj[key] = next;
  return obj;
}

/** A deep copy of JSON data (what the case is), so a what-if never touches the original. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
