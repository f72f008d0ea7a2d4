/**
 * The HTTP API, typed with the contract's and the store's types. Every call goes to the same
 * origin with the session cookie; an answer that is not 2xx becomes an ApiError carrying the
 * status, the server's message and, for input problems, every issue with its JSON path.
 */
import type { Case, Evaluation, Issue, Phase, PhStatus, SourceName, Status, Subtype } from '../../src/contract/index.js';
import type { Source } from '../../src/knowledge/sources.js';
import type { CaseSummary, CaseVersion, Role, StoredEvaluation } from '../../src/store/types.js';

export type { Case, Evaluation, Issue, CaseSummary, CaseVersion, StoredEvaluation, Role };

export interface Me {
  readonly username: string;
  readonly role: Role;
}

export interface CaseQuery {
  readonly status?: Status;
  readonly subtype?: Subtype;
  readonly ph?: PhStatus;
  readonly phase?: Phase;
  readonly critical?: boolean;
  /** The case id contains this (case-insensitive). */
  readonly q?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface CaseList {
  readonly total: number;
  readonly cases: CaseSummary[];
}

/** What POST /api/cases and PUT /api/cases/:id answer: the stored version and its evaluation. */
export interface Saved {
  readonly case: CaseVersion;
  readonly evaluation: Evaluation;
}

export type Sources = Readonly<Record<SourceName, Pick<Source, 'name' | 'title' | 'publisher' | 'url' | 'revised'>>>;

/** A FHIR R4 Bundle, sent as application/fhir+json (read for `asOf`, today by default). */
export interface FhirInput {
  readonly bundle: unknown;
  readonly asOf?: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** The HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    /** Every input problem, each with its path, when the server answered with a list. */
    readonly issues: readonly Issue[] = [],
    /** The answer's body as sent (e.g. a FHIR OperationOutcome). */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

/** Called on every 401 (the session expired or was never there), so the app can ask to sign in. */
let onUnauthorized: (() => void) | undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

function messageOf(status: number, body: unknown, issues: readonly Issue[]): string {
  if (issues.length > 0) return issues.map((i) => i.message).join('\n');
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') return body.message;
  return `The server answered ${status}.`;
}

function issuesOf(body: unknown): Issue[] {
  if (typeof body !== 'object' || body === null) return [];
  if ('issues' in body && Array.isArray(body.issues)) return body.issues as Issue[];
  // A FHIR OperationOutcome: one issue per entry, the path in `expression`.
  if ('resourceType' in body && body.resourceType === 'OperationOutcome' && 'issue' in body && Array.isArray(body.issue)) {
    return (body.issue as { code?: string; diagnostics?: string; expression?: string[] }[]).map((i) => ({
      code: i.code ?? 'invalid', path: i.expression?.[0] ?? '(root)', message: i.diagnostics ?? i.code ?? 'invalid',
    }));
  }
  return [];
}

interface Send {
  readonly method?: 'GET' | 'POST' | 'PUT';
  readonly json?: unknown;
  readonly contentType?: string;
  readonly signal?: AbortSignal;
  /** Do not call the 401 handler (the sign-in page and the session check). */
  readonly quiet401?: boolean;
}

async function call<T>(path: string, options: Send = {}): Promise<T> {
  const { method = 'GET', json, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(json === undefined ? {} : { 'content-type': options.contentType ?? 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'The server cannot be reached. Check the connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  if (!response.ok) {
    if (response.status === 401 && options.quiet401 !== true) onUnauthorized?.();
    const issues = issuesOf(body);
    throw new ApiError(response.status, messageOf(response.status, body, issues), issues, body);
  }
  return body as T;
}

function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

const caseUrl = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

/** A case as contract JSON, or a FHIR Bundle. */
function input(body: Case | FhirInput): { json: unknown; contentType?: string; query: string } {
  if ('bundle' in body) return { json: body.bundle, contentType: 'application/fhir+json', query: queryString({ asOf: body.asOf }) };
  return { json: body, query: '' };
}

export const api = {
  /** Who is signed in; 401 (an ApiError) when nobody is. */
  me: (signal?: AbortSignal) => call<Me>('/api/me', { quiet401: true, ...(signal ? { signal } : {}) }),
  login: (username: string, password: string) =>
    call<Me>('/api/login', { method: 'POST', json: { username, password }, quiet401: true }),
  logout: () => call<void>('/api/logout', { method: 'POST', json: {}, quiet401: true }),

  listCases: (query: CaseQuery = {}, signal?: AbortSignal) =>
    call<CaseList>(`/api/cases${queryString({ ...query, critical: query.critical === true ? true : undefined })}`, signal ? { signal } : {}),
  /** The latest version, or `version`. */
  getCase: (id: string, version?: number, signal?: AbortSignal) =>
    call<CaseVersion>(`${caseUrl(id)}${queryString({ version })}`, signal ? { signal } : {}),
  /** Every version, oldest first. */
  versions: (id: string, signal?: AbortSignal) =>
    call<{ caseId: string; versions: CaseVersion[] }>(`${caseUrl(id)}/versions`, signal ? { signal } : {}),
  /** The stored evaluation of the latest version, or of `version`. */
  evaluation: (id: string, version?: number, signal?: AbortSignal) =>
    call<StoredEvaluation>(`${caseUrl(id)}/evaluation${queryString({ version })}`, signal ? { signal } : {}),
  /** Adds a case (version 1); 409 when the id exists. */
  createCase: (body: Case | FhirInput) => {
    const i = input(body);
    return call<Saved>(`/api/cases${i.query}`, { method: 'POST', json: i.json, ...(i.contentType ? { contentType: i.contentType } : {}) });
  },
  /** Stores the whole case again as a new version; its id must be `id`. */
  updateCase: (id: string, body: Case | FhirInput) => {
    const i = input(body);
    return call<Saved>(`${caseUrl(id)}${i.query}`, { method: 'PUT', json: i.json, ...(i.contentType ? { contentType: i.contentType } : {}) });
  },
  /** Evaluates without storing anything (what-if). */
  evaluate: (body: Case | FhirInput, signal?: AbortSignal) => {
    const i = input(body);
    return call<Evaluation>(`/api/evaluate${i.query}`, {
      method: 'POST', json: i.json, ...(i.contentType ? { contentType: i.contentType } : {}), ...(signal ? { signal } : {}),
    });
  },
  /** The documents evidence cites, by source name. */
  sources: () => call<Sources>('/api/sources'),
};

/** A short sentence for an error of any kind, for display. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}
