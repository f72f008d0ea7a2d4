/**
 * The REST API's stateless part: /api/health (open), /api/evaluate (evaluates, stores nothing),
 * /api/schema/{case,evaluation}. Routes translate and route; the contract parses, the engine
 * evaluates.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { evaluationToBundle } from '../fhir/evaluation-bundle.js';
import { operationOutcome } from '../fhir/outcome.js';
import { KNOWLEDGE_VERSION, isCalendarDate, jsonSchema, type Issue } from '../index.js';
import { HttpError } from './errors.js';
import { evaluateInput, today, type InputKind } from './evaluate-input.js';

const OUTPUT_FORMATS = ['json', 'fhir'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ApiOptions {
  readonly version: string;
  readonly now: () => Date;
}

function queryIssue(name: string, expected: string, found: unknown): Issue {
  const shown = JSON.stringify(found);
  return { code: 'invalid_value', path: `?${name}`, expected, found: shown, message: `?${name}: expected ${expected}, found ${shown}` };
}

/** `?asOf` and `?format`, checked like any other input. */
function readQuery(query: unknown, formats: boolean): { asOf?: string; format: OutputFormat } {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const issues: Issue[] = [];
  const asOf = q['asOf'];
  if (asOf !== undefined && (typeof asOf !== 'string' || !isCalendarDate(asOf))) issues.push(queryIssue('asOf', 'a calendar date YYYY-MM-DD', asOf));
  const format = q['format'] ?? 'json';
  if (formats && !OUTPUT_FORMATS.some((f) => f === format)) issues.push(queryIssue('format', OUTPUT_FORMATS.join(' | '), format));
  if (issues.length > 0) throw new HttpError(400, 'invalid query', { body: { issues } });
  return { ...(typeof asOf === 'string' ? { asOf } : {}), format: format as OutputFormat };
}

/** `?asOf`, the date a FHIR Bundle is read for; 400 unless a calendar date. */
export function readAsOf(query: unknown): string | undefined {
  return readQuery(query, false).asOf;
}

export const FHIR_JSON = 'application/fhir+json';

/** Issues in the form the input came in: a list for contract JSON, an OperationOutcome for FHIR. */
export function sendIssues(reply: FastifyReply, kind: InputKind, issues: readonly Issue[]): FastifyReply {
  return kind === 'fhir' ? reply.code(400).type(FHIR_JSON).send(operationOutcome(issues)) : reply.code(400).send({ issues });
}

/**
 * A request that speaks FHIR (sent as application/fhir+json, or asking for ?format=fhir) hears
 * about a body it could not read (bad JSON, too large) as an OperationOutcome too.
 */
export function fhirFrameworkError(request: FastifyRequest, status: number, message: string) {
  const query = request.query as Record<string, unknown> | undefined;
  const fhir = (request.headers['content-type'] ?? '').startsWith(FHIR_JSON) || query?.['format'] === 'fhir';
  if (!fhir) return undefined;
  const issue: Issue = { code: status === 413 ? 'too_big' : 'invalid_json', path: '(root)', message: `(root): ${message}` };
  return { body: operationOutcome([issue]), contentType: FHIR_JSON };
}

export async function apiRoutes(app: FastifyInstance, options: ApiOptions): Promise<void> {
  app.get('/api/health', {
    config: { access: 'open' },
    schema: {
      tags: ['health'],
      summary: 'Liveness and versions',
      response: {
        200: {
          type: 'object',
          properties: { status: { const: 'ok' }, version: { type: 'string' }, knowledgeVersion: { type: 'string' } },
        },
      },
    },
  }, async () => ({ status: 'ok', version: options.version, knowledgeVersion: KNOWLEDGE_VERSION }));

  // A viewer may evaluate: nothing is stored.
  app.post('/api/evaluate', {
    config: { access: 'read' },
    schema: {
      tags: ['evaluation'],
      summary: 'Evaluate a case (allpath contract JSON) or a FHIR R4 Bundle',
      description: 'The body is a case in the contract format, an example document {case, expect}, or a FHIR R4 '
        + 'Bundle (told apart by resourceType). A case is evaluated for its own asOf; a Bundle for ?asOf, today by default.',
      consumes: ['application/json', 'application/fhir+json'],
      querystring: {
        type: 'object',
        properties: {
          asOf: { type: 'string', format: 'date', description: "The date to evaluate for. A case's own asOf must agree; a Bundle uses it (default: today)." },
          format: { type: 'string', enum: [...OUTPUT_FORMATS], default: 'json', description: 'json: the Evaluation; fhir: a FHIR Bundle of the evaluation' },
        },
      },
      body: {
        anyOf: [
          { $ref: 'Case#' },
          { type: 'object', description: 'FHIR R4 Bundle (mCODE)', required: ['resourceType'], properties: { resourceType: { const: 'Bundle' } } },
        ],
      },
      response: {
        200: {
          description: 'The evaluation (with `ingest` for a Bundle); with ?format=fhir, the evaluation as a FHIR Bundle',
          content: {
            'application/json': { schema: { $ref: 'Evaluation#' } },
            [FHIR_JSON]: { schema: { type: 'object', description: 'FHIR R4 Bundle', properties: { resourceType: { const: 'Bundle' } } } },
          },
        },
        400: {
          description: 'The input breaks the contract: every problem with its JSON path; an OperationOutcome (application/fhir+json) for a FHIR Bundle',
          content: {
            'application/json': { schema: { $ref: 'Issues#' } },
            [FHIR_JSON]: { schema: { type: 'object', description: 'FHIR R4 OperationOutcome', properties: { resourceType: { const: 'OperationOutcome' } } } },
          },
        },
        413: { description: 'The body is larger than the limit', $ref: 'Error#' },
        415: { description: 'Not JSON', $ref: 'Error#' },
      },
    },
  }, async (request, reply) => {
    const query = readQuery(request.query, true);
    const result = evaluateInput(request.body, { ...(query.asOf === undefined ? {} : { asOf: query.asOf }), asOfSource: '?asOf', today: today(options.now()) });
    if (!result.ok) return sendIssues(reply, result.kind, result.issues);
    if (query.format === 'fhir') return reply.type(FHIR_JSON).send(evaluationToBundle(result.evaluation));
    return result.evaluation;
  });

  for (const which of ['case', 'evaluation'] as const) {
    app.get(`/api/schema/${which}`, {
      schema: { tags: ['schema'], summary: `JSON Schema of the ${which === 'case' ? 'case (input)' : 'evaluation (output)'}` },
    }, async () => jsonSchema(which));
  }
}
