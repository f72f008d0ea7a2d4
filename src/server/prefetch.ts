/**
 * CDS Hooks prefetch: the FHIR queries each service asks the client to run, and, for what the
 * client did not send, the same queries run against the client's FHIR server with the access
 * token it handed over (`fhirAuthorization`). Search results are followed page by page, on the
 * FHIR server's own origin only, so the token goes nowhere else.
 */
import { HttpError, errorBody } from './errors.js';

/** The patient's record as allpath reads it; the same for every service. */
export const PREFETCH = {
  patient: 'Patient/{{context.patientId}}',
  conditions: 'Condition?patient={{context.patientId}}',
  observations: 'Observation?patient={{context.patientId}}',
  medicationRequests: 'MedicationRequest?patient={{context.patientId}}',
  medicationAdministrations: 'MedicationAdministration?patient={{context.patientId}}',
  medicationStatements: 'MedicationStatement?patient={{context.patientId}}',
  procedures: 'Procedure?patient={{context.patientId}}',
} as const;

export type PrefetchKey = keyof typeof PREFETCH;
export const PREFETCH_KEYS = Object.keys(PREFETCH) as PrefetchKey[];

/** A searchset longer than this many pages is refused rather than read in part. */
const MAX_PAGES = 50;
const FETCH_TIMEOUT_MS = 15_000;

export interface FhirAccess {
  readonly fhirServer?: string | undefined;
  readonly accessToken?: string | undefined;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{{context.patientId}}` and the like, filled from the hook's context. */
export function fillTemplate(template: string, context: Json): string {
  return template.replace(/\{\{\s*context\.(\w+)\s*\}\}/g, (_m, name: string) => {
    const value = context[name];
    if (typeof value !== 'string' || value === '') {
      throw new HttpError(400, `The prefetch template needs context.${name}, which the request does not carry.`);
    }
    return encodeURIComponent(value);
  });
}

function badGateway(key: string, why: string, cause?: unknown): HttpError {
  return new HttpError(502, `Could not fetch prefetch "${key}" from the FHIR server: ${why}.`, { cause });
}

/** Fetch one prefetch query; a read that finds nothing is `null`, as the spec has the client send it. */
async function fetchQuery(key: string, base: URL, query: string, token: string | undefined, fetchImpl: typeof fetch): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/fhir+json' };
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  const get = async (url: URL): Promise<Json | null> => {
    let res: Response;
    try {
      res = await fetchImpl(url, { headers, redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (e) {
      throw badGateway(key, e instanceof Error && e.name === 'TimeoutError' ? 'no answer in time' : 'unreachable', e);
    }
    if (res.status === 404 || res.status === 410) return null;
    if (!res.ok) throw badGateway(key, `HTTP ${res.status}`);
    const body: unknown = await res.json().catch(() => undefined);
    if (!isObject(body)) throw badGateway(key, 'the answer is not a FHIR resource');
    return body;
  };

  const first = await get(new URL(query, base));
  if (first === null || first['resourceType'] !== 'Bundle') return first;
  // Gather every page into one searchset Bundle.
  const entries: unknown[] = Array.isArray(first['entry']) ? [...first['entry']] : [];
  let page: Json | null = first;
  for (let pages = 1; ; pages++) {
    const links: unknown[] = Array.isArray(page['link']) ? page['link'] : [];
    const next = links.find((l): l is Json => isObject(l) && l['relation'] === 'next' && typeof l['url'] === 'string');
    if (next === undefined) break;
    if (pages >= MAX_PAGES) throw badGateway(key, `more than ${MAX_PAGES} pages of results`);
    const url = new URL(String(next['url']), base);
    if (url.origin !== base.origin) throw badGateway(key, 'a next page on another server');
    page = await get(url);
    if (page === null) break;
    if (Array.isArray(page['entry'])) entries.push(...page['entry']);
  }
  return { resourceType: 'Bundle', type: 'searchset', entry: entries };
}

/** The FHIR server's base URL, ending in a slash so that `new URL('Patient/1', base)` keeps its path. */
function serverBase(fhirServer: string): URL {
  let base: URL;
  try {
    base = new URL(fhirServer.endsWith('/') ? fhirServer : `${fhirServer}/`);
  } catch {
    throw new HttpError(400, 'fhirServer is not a URL.');
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new HttpError(400, 'fhirServer must be an http(s) URL.');
  return base;
}

/**
 * The prefetch values for `keys`: those the client sent (a null counts: the client looked and
 * found nothing), the rest fetched from its FHIR server. Without a FHIR server the request cannot
 * be answered: 412, naming the keys.
 */
export async function completePrefetch(
  sent: Readonly<Record<string, unknown>> | undefined,
  context: Json,
  access: FhirAccess,
  fetchImpl: typeof fetch = fetch,
): Promise<Record<PrefetchKey, unknown>> {
  const values: Partial<Record<PrefetchKey, unknown>> = {};
  const missing: PrefetchKey[] = [];
  for (const key of PREFETCH_KEYS) {
    if (sent !== undefined && Object.hasOwn(sent, key)) values[key] = sent[key];
    else missing.push(key);
  }
  if (missing.length > 0) {
    if (access.fhirServer === undefined) {
      const message = `Missing prefetch: ${missing.join(', ')}. Send them, or fhirServer and fhirAuthorization so the service can fetch them.`;
      throw new HttpError(412, message, { body: { ...errorBody(412, message), missingPrefetch: missing } });
    }
    const base = serverBase(access.fhirServer);
    const fetched = await Promise.all(missing.map((key) =>
      fetchQuery(key, base, fillTemplate(PREFETCH[key], context), access.accessToken, fetchImpl)));
    missing.forEach((key, i) => (values[key] = fetched[i]));
  }
  return values as Record<PrefetchKey, unknown>;
}
