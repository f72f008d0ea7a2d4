/**
 * The case registry over HTTP: list with filters, read (any version), create, update (a new
 * version), the versions and the stored evaluations. A case comes in as contract JSON or a FHIR
 * Bundle, is validated and evaluated here, and is stored with its evaluation in one step; the
 * store audits every read and write with the signed-in user and the request id.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PHASES, PH_STATUSES, STATUSES, SUBTYPES, type Issue } from '../index.js';
import type { CaseFilter, Store } from '../store/types.js';
import { actorOf } from './access.js';
import { FHIR_JSON, readAsOf, sendIssues } from './api.js';
import { HttpError } from './errors.js';
import { evaluateInput, today } from './evaluate-input.js';

export interface CaseOptions {
  readonly store: Store;
  readonly now: () => Date;
}

const ListQuery = z.strictObject({
  status: z.enum(STATUSES).optional(),
  subtype: z.enum(SUBTYPES).optional(),
  ph: z.enum(PH_STATUSES).optional(),
  phase: z.enum(PHASES).optional(),
  critical: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

/** A query parsed by `schema`, or 400 with the issues named `?name`. */
function query<S extends z.ZodType>(schema: S, request: FastifyRequest): z.infer<S> {
  const r = schema.safeParse({ ...(request.query as object) });
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => {
    const path = `?${i.path.join('.') || '(query)'}`;
    return { code: i.code, path, message: `${path}: ${i.message}` };
  });
  throw new HttpError(400, 'invalid query', { body: { issues } });
}

function filterOf(q: z.infer<typeof ListQuery>): CaseFilter {
  return {
    ...(q.status === undefined ? {} : { status: q.status }),
    ...(q.subtype === undefined ? {} : { subtype: q.subtype }),
    ...(q.ph === undefined ? {} : { philadelphia: q.ph }),
    ...(q.phase === undefined ? {} : { phase: q.phase }),
    ...(q.critical === 'true' ? { criticalAlerts: true } : {}),
    ...(q.q === undefined || q.q === '' ? {} : { search: q.q }),
    limit: q.limit,
    offset: q.offset,
  };
}

const caseIdParam = { type: 'object', properties: { id: { type: 'string', description: 'The case id' } } } as const;
const versionQuery = { type: 'object', properties: { version: { type: 'integer', minimum: 1, description: 'A version (default: the latest)' } } } as const;
const inputQuery = { type: 'object', properties: { asOf: { type: 'string', format: 'date', description: 'The date a FHIR Bundle is read for (default: today); a case\'s own asOf must agree' } } } as const;
const inputBody = {
  anyOf: [
    { $ref: 'Case#' },
    { type: 'object', description: 'FHIR R4 Bundle (mCODE)', required: ['resourceType'], properties: { resourceType: { const: 'Bundle' } } },
  ],
} as const;
const issues400 = {
  description: 'The input breaks the contract: every problem with its JSON path; an OperationOutcome (application/fhir+json) for a FHIR Bundle',
  content: {
    'application/json': { schema: { $ref: 'Issues#' } },
    [FHIR_JSON]: { schema: { type: 'object', description: 'FHIR R4 OperationOutcome', properties: { resourceType: { const: 'OperationOutcome' } } } },
  },
} as const;

/**
 * A FHIR Bundle's case is named by its Patient's id, so that a CDS Hooks call for that patient
 * finds it; undefined when the Bundle has no single Patient with an id.
 */
function patientIdOf(body: unknown): string | undefined {
  const entries = (body as { entry?: unknown } | null)?.entry;
  if (!Array.isArray(entries)) return undefined;
  const ids = entries.flatMap((e: unknown) => {
    const r = (e as { resource?: { resourceType?: unknown; id?: unknown } } | null)?.resource;
    return r?.resourceType === 'Patient' && typeof r.id === 'string' && r.id !== '' ? [r.id] : [];
  });
  return ids.length === 1 ? ids[0] : undefined;
}

function idMismatch(expected: string, found: string): Issue {
  const shown = JSON.stringify(found);
  return { code: 'id_mismatch', path: 'id', expected: `${JSON.stringify(expected)} (the case in the URL)`, found: shown, message: `id: expected ${JSON.stringify(expected)} (the case in the URL), found ${shown}` };
}

function notFound(id: string, version?: number): HttpError {
  return new HttpError(404, version === undefined ? `No case ${id}.` : `Case ${id} has no version ${version}.`);
}

export async function caseRoutes(app: FastifyInstance, options: CaseOptions): Promise<void> {
  const { store, now } = options;

  /** The body as a case and its evaluation; replies 400 with the issues otherwise. */
  function readInput(request: FastifyRequest, reply: FastifyReply) {
    const asOf = readAsOf(request.query);
    const caseId = patientIdOf(request.body);
    const r = evaluateInput(request.body, {
      ...(asOf === undefined ? {} : { asOf }), ...(caseId === undefined ? {} : { caseId }), asOfSource: '?asOf', today: today(now()),
    });
    if (!r.ok) {
      void sendIssues(reply, r.kind, r.issues);
      return undefined;
    }
    return r;
  }

  app.get('/api/cases', {
    schema: {
      tags: ['cases'], summary: 'The registry: the latest version of each case with what its latest evaluation says',
      querystring: {
        type: 'object',
        properties: {
          status: { enum: [...STATUSES] }, subtype: { enum: [...SUBTYPES] }, ph: { enum: [...PH_STATUSES] }, phase: { enum: [...PHASES] },
          critical: { type: 'boolean', description: 'true: only cases with a critical alert' },
          q: { type: 'string', description: 'The case id contains this (case-insensitive)' },
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, offset: { type: 'integer', minimum: 0, default: 0 },
        },
      },
      response: {
        200: { type: 'object', properties: { total: { type: 'integer' }, cases: { type: 'array', items: { $ref: 'CaseSummary#' } } } },
        400: { description: 'An unknown filter value', $ref: 'Issues#' },
      },
    },
  }, async (request) => store.listCases(filterOf(query(ListQuery, request)), actorOf(request)));

  app.get('/api/cases/:id', {
    schema: {
      tags: ['cases'], summary: 'A case: its latest version, or ?version=N',
      params: caseIdParam, querystring: versionQuery,
      response: { 200: { $ref: 'CaseVersion#' }, 404: { description: 'No such case or version', $ref: 'Error#' } },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const { version } = query(VersionQuery, request);
    const found = await store.getCase(id, actorOf(request), version);
    if (found === null) throw notFound(id, version);
    return found;
  });

  app.post('/api/cases', {
    schema: {
      tags: ['cases'], summary: 'Add a case (contract JSON, or a FHIR Bundle read for ?asOf): validated, evaluated and stored as version 1',
      description: "A FHIR Bundle's case takes its Patient's id, so that CDS Hooks cards for that patient link to it.",
      consumes: ['application/json', FHIR_JSON], querystring: inputQuery, body: inputBody,
      response: {
        201: { description: 'Stored; Location names the case', type: 'object', properties: { case: { $ref: 'CaseVersion#' }, evaluation: { $ref: 'Evaluation#' } } },
        400: issues400,
        409: { description: 'A case with this id exists: PUT /api/cases/{id} adds a version', $ref: 'Error#' },
      },
    },
  }, async (request, reply) => {
    const input = readInput(request, reply);
    if (input === undefined) return reply;
    const stored = await store.createCase(input.case, input.evaluation, actorOf(request));
    return reply.code(201).header('location', `/api/cases/${encodeURIComponent(stored.caseId)}`).send({ case: stored, evaluation: input.evaluation });
  });

  app.put('/api/cases/:id', {
    schema: {
      tags: ['cases'], summary: 'Change a case: the body is the whole case again (its id must be the one in the URL); stored as a new version and evaluated',
      consumes: ['application/json', FHIR_JSON], params: caseIdParam, querystring: inputQuery, body: inputBody,
      response: {
        200: { type: 'object', properties: { case: { $ref: 'CaseVersion#' }, evaluation: { $ref: 'Evaluation#' } } },
        400: issues400,
        404: { description: 'No such case: POST /api/cases adds one', $ref: 'Error#' },
      },
    },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const input = readInput(request, reply);
    if (input === undefined) return reply;
    if (input.case.id !== id) return sendIssues(reply, input.kind, [idMismatch(id, input.case.id)]);
    const stored = await store.updateCase(id, input.case, input.evaluation, actorOf(request));
    return { case: stored, evaluation: input.evaluation };
  });

  app.get('/api/cases/:id/versions', {
    schema: {
      tags: ['cases'], summary: 'Every version of a case, oldest first',
      params: caseIdParam,
      response: {
        200: { type: 'object', properties: { caseId: { type: 'string' }, versions: { type: 'array', items: { $ref: 'CaseVersion#' } } } },
        404: { description: 'No such case', $ref: 'Error#' },
      },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const versions = await store.caseVersions(id, actorOf(request));
    if (versions.length === 0) throw notFound(id);
    return { caseId: id, versions };
  });

  app.get('/api/cases/:id/evaluation', {
    schema: {
      tags: ['cases'], summary: 'The stored evaluation of the latest version (or ?version=N), with the knowledge version that made it',
      params: caseIdParam, querystring: versionQuery,
      response: {
        200: {
          type: 'object',
          properties: {
            caseId: { type: 'string' }, caseVersion: { type: 'integer' }, knowledgeVersion: { type: 'string' },
            createdAt: { type: 'string' }, evaluation: { $ref: 'Evaluation#' },
          },
        },
        404: { description: 'No such case or version', $ref: 'Error#' },
      },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const { version } = query(VersionQuery, request);
    const found = await store.latestEvaluation(id, actorOf(request), version);
    if (found === null) throw notFound(id, version);
    return found;
  });
}
