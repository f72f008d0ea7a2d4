/**
 * Does an issue name a place in the input? Contract paths (`labs[1].unit`, `["a.b"]`, `(root)`)
 * are read back into keys and looked up in the input: the path must exist, or its parent must
 * (a required key that is missing is named where it belongs). FHIR ingest names elements of
 * the Bundle (`Patient.birthDate`), or the option it was given (`asOf`).
 */
import type { Issue } from '../../src/index.js';
import type { Json, PathKey } from './mutations.js';

/** `labs[1].unit` → ['labs', 1, 'unit']; `["a.b"][0]` → ['a.b', 0]; `(root)` → []. Undefined when it is not a path. */
export function parseIssuePath(path: string): PathKey[] | undefined {
  if (path === '(root)') return [];
  const keys: PathKey[] = [];
  let i = 0;
  while (i < path.length) {
    const rest = path.slice(i);
    const index = /^\[(\d+)\]/.exec(rest);
    const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    const name = (i === 0 ? /^([A-Za-z_$][\w$-]*)/ : /^\.([A-Za-z_$][\w$-]*)/).exec(rest);
    if (index?.[1] !== undefined) keys.push(Number(index[1]));
    else if (quoted?.[1] !== undefined) keys.push(JSON.parse(quoted[1]) as string);
    else if (name?.[1] !== undefined) keys.push(name[1]);
    else return undefined;
    i += (index ?? quoted ?? name)?.[0].length ?? 1;
  }
  return keys.length === 0 ? undefined : keys;
}

type Lookup = { readonly found: true; readonly value: unknown } | { readonly found: false };

function lookup(doc: Json, keys: readonly PathKey[]): Lookup {
  let here: unknown = doc;
  for (const key of keys) {
    if (typeof key === 'number') {
      if (!Array.isArray(here) || key >= here.length) return { found: false };
      here = here[key];
    } else {
      if (typeof here !== 'object' || here === null || Array.isArray(here) || !Object.prototype.hasOwnProperty.call(here, key)) return { found: false };
      here = (here as Record<string, unknown>)[key];
    }
  }
  return { found: true, value: here };
}

/** Why the issue does not name a place in `input`, or undefined when it does. */
export function misplacedIssue(issue: Issue, input: Json): string | undefined {
  if (typeof issue.path !== 'string' || issue.path === '') return 'an issue without a path';
  if (!issue.message.startsWith(`${issue.path}: `)) return `the message does not start with its path: ${issue.message.slice(0, 120)}`;
  const keys = parseIssuePath(issue.path);
  if (keys === undefined) return `not a JSON path: ${issue.path.slice(0, 120)}`;
  if (lookup(input, keys).found) return undefined;
  const parent = lookup(input, keys.slice(0, -1));
  if (parent.found && typeof parent.value === 'object' && parent.value !== null) return undefined;
  return `the path ${issue.path.slice(0, 120)} is not in the input`;
}

/** FHIR ingest issues: a FHIR element path (a resource type first), the Bundle's resourceType, or the asOf option. */
export function misplacedFhirIssue(issue: Issue): string | undefined {
  if (typeof issue.path !== 'string' || issue.path === '') return 'an issue without a path';
  if (!issue.message.startsWith(`${issue.path}: `)) return `the message does not start with its path: ${issue.message.slice(0, 120)}`;
  if (issue.path === 'resourceType' || issue.path === 'asOf') return undefined;
  if (/^[A-Z][A-Za-z]+(?:$|[.[])/.test(issue.path)) return undefined;
  return `not a FHIR element path: ${issue.path.slice(0, 120)}`;
}
