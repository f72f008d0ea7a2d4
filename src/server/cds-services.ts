/**
 * CDS Hooks 2.0: discovery (open, as the spec has it), three services and their feedback
 * endpoints (each call authenticated by the client's JWT). A service call becomes a case through
 * FHIR ingest, the engine evaluates or checks the draft orders, and cards carry the result back.
 * Patient-view cards link to the registry's case when the patient id names a stored case;
 * feedback is kept in the store.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, Store } from '../store/types.js';
import { checkOrders, evaluate, parseWith, type Case } from '../index.js';
import { patientViewCards, orderCards } from '../fhir/cards.js';
import { Feedback, OrderSelectContext, OrderSignContext, PatientViewContext, Request as CdsHooksRequest } from '../fhir/cds-hooks.js';
import { ingestResources } from '../fhir/ingest.js';
import { agentsFromOrders } from '../fhir/orders.js';
import type { CdsAuthenticator, CdsClient } from './auth.js';
import { HttpError } from './errors.js';
import { today } from './evaluate-input.js';
import { PREFETCH, completePrefetch } from './prefetch.js';

type Hook = 'patient-view' | 'order-sign' | 'order-select';

interface Service {
  readonly id: string;
  readonly hook: Hook;
  readonly title: string;
  readonly description: string;
}

export const SERVICES: readonly Service[] = [
  {
    id: 'allpath-patient-view', hook: 'patient-view', title: 'allpath: adult ALL decision support',
    description: 'Diagnosis, status, risk, alerts, recommendations and missing tests for an adult with acute lymphoblastic leukemia, each with its source passage.',
  },
  {
    id: 'allpath-order-sign', hook: 'order-sign', title: 'allpath: ALL drug order check (sign)',
    description: 'Warns when a targeted ALL drug being signed (TKI, blinatumomab, inotuzumab, CAR-T, nelarabine, revumenib) lacks its indication in the record.',
  },
  {
    id: 'allpath-order-select', hook: 'order-select', title: 'allpath: ALL drug order check (select)',
    description: 'Warns when a targeted ALL drug just selected lacks its indication in the record.',
  },
];

export interface CdsOptions {
  readonly authenticator: CdsAuthenticator;
  readonly publicUrl: string | undefined;
  readonly now: () => Date;
  readonly store: Store;
  readonly fetch: typeof fetch;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The CDS client that signed the request's JWT; null before it is checked. */
    cdsClient: CdsClient | null;
  }
}

/** The audit actor of a CDS Hooks call: the client (by its JWT issuer), never a user. */
function cdsActor(request: FastifyRequest): Actor {
  const issuer = request.cdsClient?.issuer ?? null;
  return { userId: null, username: issuer === null ? 'cds-hooks (unauthenticated)' : `cds-hooks ${issuer}`, requestId: request.id };
}

/** This server's base URL as the client sees it. */
function baseUrl(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

/** The URL the client called: `aud` must name it. */
function endpointUrl(request: FastifyRequest, publicUrl: string | undefined): string {
  const path = request.url.split('?')[0] ?? '';
  return `${baseUrl(request, publicUrl)}${path}`;
}

function invalid(issues: readonly unknown[]): HttpError {
  return new HttpError(400, 'invalid CDS Hooks request', { body: { issues } });
}

export async function cdsRoutes(app: FastifyInstance, options: CdsOptions): Promise<void> {
  const { authenticator, publicUrl, now, store } = options;
  app.decorateRequest('cdsClient', null);

  app.get('/cds-services', {
    schema: {
      tags: ['cds-hooks'], summary: 'CDS Hooks discovery: the services and their prefetch templates (no authentication)',
      response: { 200: { $ref: 'CdsHooksDiscovery#' } },
    },
  }, async () => ({ services: SERVICES.map((s) => ({ ...s, prefetch: PREFETCH })) }));

  // CORS: browser-based clients (the CDS Hooks sandbox) call the services from their own
  // origin. Tokens travel in a header, never in cookies, so any origin may read the answers.
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('access-control-allow-origin', '*');
  });
  for (const path of ['/cds-services', '/cds-services/*']) {
    app.options(path, { schema: { hide: true } }, async (_request, reply) => reply.code(204).headers({
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-max-age': '600',
    }).send());
  }

  // Every service call, feedback included, carries the client's JWT. Checked before the body is
  // read, so an unauthenticated caller cannot make the server parse 5 MB.
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'POST') return;
    const url = endpointUrl(request, publicUrl);
    // Feedback belongs to its service: a token for either URL is accepted.
    const audiences = url.endsWith('/feedback') ? [url, url.slice(0, -'/feedback'.length)] : [url];
    request.cdsClient = await authenticator.authenticate(request.headers.authorization, audiences);
  });

  /**
   * The web app's page of the patient's case, when the patient id is a stored case's id. The
   * lookup is audited as a read, with the CDS client as the actor; it reads only the version
   * number, not the case (whose parse and re-validation cost more than evaluating the record).
   */
  async function caseUrlFor(request: FastifyRequest, patientId: string): Promise<string | undefined> {
    const version = await store.latestVersion(patientId, cdsActor(request));
    return version === null ? undefined : `${baseUrl(request, publicUrl)}/#/cases/${encodeURIComponent(patientId)}`;
  }

  /** The patient's record from the prefetch (sent, or fetched from the client's FHIR server) as a case. */
  async function caseFor(request: CdsHooksRequest, patientId: string): Promise<Case> {
    const prefetch = await completePrefetch(request.prefetch ?? undefined, request.context, {
      fhirServer: request.fhirServer,
      accessToken: request.fhirAuthorization?.access_token,
    }, options.fetch);
    // Bundles go in whole: ingest opens them and resolves references by their fullUrl.
    const ingested = ingestResources(Object.values(prefetch), { asOf: today(now()), caseId: patientId });
    if (!ingested.ok) throw new HttpError(422, 'The patient record could not be read as a case.', { body: { issues: ingested.issues } });
    return ingested.case;
  }

  for (const service of SERVICES) {
    app.post(`/cds-services/${service.id}`, {
      schema: {
        tags: ['cds-hooks'], summary: `${service.hook}: ${service.title}`, security: [{ cdsHooksJwt: [] }],
        body: { $ref: 'CdsHooksRequest#' },
        response: {
          200: { $ref: 'CdsHooksCards#' },
          400: { description: 'Not a valid request for this hook', type: 'object', properties: { issues: { type: 'array', items: { $ref: 'Issue#' } } } },
          401: { description: 'Missing or invalid JWT', $ref: 'Error#' },
          412: { description: 'Prefetch missing and no fhirServer to fetch it from', $ref: 'Error#' },
          422: { description: 'The patient record could not be read as a case', type: 'object', properties: { issues: { type: 'array', items: { $ref: 'Issue#' } } } },
          502: { description: "The client's FHIR server failed", $ref: 'Error#' },
        },
      },
    }, async (request) => {
      const parsed = parseWith(CdsHooksRequest, request.body);
      if (!parsed.ok) throw invalid(parsed.issues);
      const hookRequest = parsed.value;
      if (hookRequest.hook !== service.hook) throw new HttpError(400, `This service answers the ${service.hook} hook, not ${hookRequest.hook}.`);
      // The Request schema has checked the context against the hook's definition.
      if (service.hook === 'patient-view') {
        const { patientId } = PatientViewContext.parse(hookRequest.context);
        const evaluation = evaluate(await caseFor(hookRequest, patientId));
        const caseUrl = await caseUrlFor(request, patientId);
        return { cards: patientViewCards(evaluation, caseUrl === undefined ? {} : { caseUrl }) };
      }
      const context = OrderSignContext.parse(hookRequest.context);
      const draft = (context.draftOrders.entry ?? []).flatMap((e) => (e.resource === undefined ? [] : [e.resource]));
      // order-select: only the orders just selected are checked, not the whole draft.
      const selections = service.hook === 'order-select' ? OrderSelectContext.parse(hookRequest.context).selections : undefined;
      const orders = selections === undefined ? draft : draft.filter((r) => selections.includes(`${r.resourceType}/${String(r['id'])}`));
      const mapped = agentsFromOrders(orders).orders;
      // Nothing allpath checks is being ordered: no record needs reading.
      if (mapped.length === 0) return { cards: [] };
      const c = await caseFor(hookRequest, context.patientId);
      return { cards: orderCards(checkOrders(c, mapped.map((o) => o.agent)), mapped) };
    });

    app.post(`/cds-services/${service.id}/feedback`, {
      schema: {
        tags: ['cds-hooks'], summary: `Feedback on ${service.id} cards (accepted, overridden)`, security: [{ cdsHooksJwt: [] }],
        body: { $ref: 'CdsHooksFeedback#' },
        response: { 200: { description: 'Accepted', type: 'object' }, 401: { description: 'Missing or invalid JWT', $ref: 'Error#' } },
      },
    }, async (request, reply) => {
      const parsed = parseWith(Feedback, request.body);
      if (!parsed.ok) throw invalid(parsed.issues);
      await store.saveFeedback(service.id, parsed.value.feedback, cdsActor(request));
      return reply.code(200).send({});
    });
  }
}
