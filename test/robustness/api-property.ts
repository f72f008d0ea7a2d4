/**
 * The HTTP property, shared by api.test.ts and `npm run fuzz`: generated cases, JSON text and
 * FHIR Bundles sent to `POST /api/evaluate` of a built server (fastify.inject: the whole request
 * pipeline, content-type parsing and body limit included, without a socket). The answer is 200
 * with a contract-valid evaluation, or 400 with issues naming the input (an OperationOutcome for
 * FHIR), or 413 for a body over the limit; never a 5xx.
 */
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { Evaluation } from '../../src/index.js';
import { anyCaseInput, mutatedCaseText } from './arbitraries.js';
import { mutatedBundle } from './fhir-arbitraries.js';
import { misplacedFhirIssue, misplacedIssue } from './issue-paths.js';
import { safeStringify, type Json } from './mutations.js';
import { SystemThrew, Violation, type Verdict } from './properties.js';

export interface ApiRequest {
  readonly body: string;
  readonly contentType: 'application/json' | 'application/fhir+json';
  readonly query: string;
}

const FORMATS = ['', 'format=fhir'];

/** Cases as objects (serialised) and as JSON text, and Bundles read for their date. */
export const apiRequest: fc.Arbitrary<ApiRequest> = fc.oneof(
  fc.tuple(anyCaseInput, fc.constantFrom(...FORMATS)).map(([c, format]) => ({
    body: safeStringify(c) ?? `${'['.repeat(50_000)}${']'.repeat(50_000)}`, contentType: 'application/json' as const, query: format,
  })),
  mutatedCaseText.map((body) => ({ body, contentType: 'application/json' as const, query: '' })),
  fc.tuple(mutatedBundle, fc.constantFrom(...FORMATS)).map(([b, format]) => ({
    body: safeStringify(b.bundle) ?? '{}', contentType: 'application/fhir+json' as const, query: [`asOf=${b.asOf}`, format].filter((x) => x !== '').join('&'),
  })),
);

function violation(message: string): never {
  throw new Violation(message);
}

/** The document the server read (its JSON parser drops a leading byte order mark). */
function jsonOf(text: string): Json {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch {
    return undefined;
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A 400 answer: issues naming the input, an OperationOutcome naming elements, or (for a body that is not JSON) a fixed sentence. */
function checkRefusal(body: unknown, request: ApiRequest): void {
  const input = jsonOf(request.body);
  if (isRecord(body) && Array.isArray(body['issues'])) {
    const issues = body['issues'] as { path: string; message: string; code: string }[];
    if (issues.length === 0) violation('400 with an empty list of issues');
    for (const issue of issues) {
      const why = issue.path.startsWith('?') ? undefined : misplacedIssue(issue, input);
      if (why !== undefined) violation(`400: ${why} (issue ${issue.code})`);
    }
    return;
  }
  if (isRecord(body) && body['resourceType'] === 'OperationOutcome' && Array.isArray(body['issue'])) {
    const issues = body['issue'] as { expression?: string[]; diagnostics?: string }[];
    if (issues.length === 0) violation('400 OperationOutcome without an issue');
    for (const i of issues) {
      const path = i.expression?.[0];
      if (typeof i.diagnostics !== 'string' || i.diagnostics === '') violation('400 OperationOutcome issue without diagnostics');
      if (path === undefined) continue;
      const why = request.contentType === 'application/fhir+json' && isRecord(input) && input['resourceType'] === 'Bundle'
        ? misplacedFhirIssue({ code: 'x', path, message: i.diagnostics })
        : misplacedIssue({ code: 'x', path, message: i.diagnostics }, input);
      if (why !== undefined) violation(`400 OperationOutcome: ${why}`);
    }
    return;
  }
  if (isRecord(body) && body['statusCode'] === 400 && typeof body['message'] === 'string') {
    // Without a path: an empty body, a body that is not JSON, or JSON with a key that could alter prototypes, each said as such.
    const expected = request.body === '' ? 'The body is empty; send a JSON document.'
      : input === undefined ? 'The body is not valid JSON.' : 'The body holds a "__proto__" key (or "constructor" with "prototype"), which is refused.';
    if (body['message'] !== expected) violation(`400 "${body['message']}" where "${expected}" was due`);
    return;
  }
  violation(`400 in an unknown shape: ${JSON.stringify(body).slice(0, 200)}`);
}

/** The property against one server; `headers` authenticate the caller. */
export function apiProperty(app: FastifyInstance, headers: Readonly<Record<string, string>>, bodyLimit: number) {
  return {
    id: 'api-evaluate',
    title: 'POST /api/evaluate answers 200 with a contract-valid evaluation, or 400 with issues, never 5xx',
    arbitrary: apiRequest,
    share: 2,
    async check(request: ApiRequest): Promise<Verdict> {
      let res;
      try {
        res = await app.inject({
          method: 'POST', url: `/api/evaluate${request.query === '' ? '' : `?${request.query}`}`,
          headers: { ...headers, 'content-type': request.contentType }, payload: request.body,
        });
      } catch (e) {
        throw new SystemThrew(`inject threw ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      const body = jsonOf(res.body);
      if (res.statusCode >= 500) throw new SystemThrew(`HTTP ${res.statusCode}: ${res.body.slice(0, 200)}`);
      if (res.statusCode === 200) {
        if (request.query.includes('format=fhir')) {
          if (!isRecord(body) || body['resourceType'] !== 'Bundle') violation('200 with ?format=fhir is not a FHIR Bundle');
        } else if (!Evaluation.safeParse(body).success) {
          violation('200 with an evaluation that breaks the contract');
        }
        return 'valid';
      }
      if (res.statusCode === 400) {
        checkRefusal(body, request);
        return 'invalid';
      }
      if (res.statusCode === 413 && Buffer.byteLength(request.body) > bodyLimit) return 'invalid';
      return violation(`HTTP ${res.statusCode}: ${res.body.slice(0, 200)}`);
    },
  };
}
