/**
 * The HTTP server: the REST API and the case registry under /api (users signed in by a session
 * cookie or an API token), CDS Hooks under /cds-services (the client's JWT), the OpenAPI
 * document and its page, and the web app (built into dist/web) at /. `buildServer` returns a
 * fastify instance that is not listening yet; the store is the caller's to open and close.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBodyParser, type FastifyInstance, type FastifyRequest, type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { Store } from '../store/types.js';
import { installAccessControl } from './access.js';
import { apiRoutes, fhirFrameworkError } from './api.js';
import { cdsAuthenticator, type AuthOptions } from './auth.js';
import { caseRoutes } from './cases.js';
import { cdsRoutes } from './cds-services.js';
import { installErrorHandling, PROTOTYPE_KEY } from './errors.js';
import { SafeLogController } from './logging.js';
import { registerOpenApi } from './openapi.js';
import { packageVersion } from './package-version.js';
import { DEFAULT_LOGIN_LIMIT, sessionRoutes, type LoginLimit } from './sessions.js';
import { userRoutes } from './users.js';
import { DEFAULT_WEB_ROOT, sourceRoutes, webRoutes } from './web.js';

export interface ServerOptions {
  /** The registry: cases, evaluations, users, sessions, tokens, the audit log, CDS feedback. */
  readonly store: Store;
  /** How CDS Hooks clients are authenticated, or `off` to serve no CDS Hooks at all. */
  readonly auth: AuthOptions;
  /**
   * The base URL clients call (e.g. https://allpath.example.org). A CDS Hooks token's `aud` must
   * equal this plus the endpoint's path; without it, the URL is derived from the request's Host.
   * When it is https, the session cookie is always Secure.
   */
  readonly publicUrl?: string;
  /** Sign-in attempts allowed per client address and username; 5 a minute by default. */
  readonly loginLimit?: LoginLimit;
  /** Largest accepted body in bytes; 5 MB by default. */
  readonly bodyLimit?: number;
  /** Fastify logger options; off by default. */
  readonly logger?: FastifyServerOptions['logger'];
  /** The clock adapters read (today's date, token and session expiry); the engine never does. */
  readonly now?: () => Date;
  /** The HTTP client prefetch uses against the CDS client's FHIR server. */
  readonly fetch?: typeof fetch;
  /**
   * Sees every route as it is registered, before anything else does (the test that every route
   * is protected enumerates them this way).
   */
  readonly onRoute?: (route: RouteOptions) => void;
  /** The built web app (index.html and assets/), served at / and /assets/; dist/web by default. */
  readonly webRoot?: string;
  /** How long a client may take; {@link DEFAULT_TIMEOUTS} by default. */
  readonly timeouts?: Partial<Timeouts>;
}

export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

/**
 * Time limits on clients, so that a slow or stalled one holds a connection for a bounded time
 * and never a request handler. Node checks the header and request limits on a timer, which runs
 * at a fifth of the shorter one (at least every 100 ms, at most every 5 s).
 */
export interface Timeouts {
  /** To receive a request's headers: a client that sends them byte by byte (slowloris) is cut off. */
  readonly headersMs: number;
  /** To receive a whole request, headers and body: a body that stalls is answered 408 and the connection closed. */
  readonly requestMs: number;
  /** A connection on which nothing at all moves for this long is closed. */
  readonly idleMs: number;
  /** An idle keep-alive connection is kept open this long between requests. */
  readonly keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 60_000, keepAliveMs: 5_000 };

/** Whether JSON.parse reads the text (a leading byte order mark dropped, as the body parser drops it). */
function isJson(text: string | Buffer): boolean {
  try {
    JSON.parse(String(text).replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const now = options.now ?? (() => new Date());
  const publicUrl = options.publicUrl?.replace(/\/+$/, '');
  const { store } = options;
  const authenticator = options.auth.mode === 'off' ? undefined : cdsAuthenticator(options.auth, now);
  const version = packageVersion();
  const secureCookie = (request: FastifyRequest) => publicUrl?.startsWith('https:') === true || request.protocol === 'https';

  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const headersTimeout = Math.min(timeouts.headersMs, timeouts.requestMs);

  const app = Fastify({
    logger: options.logger ?? false,
    logController: new SafeLogController(),
    bodyLimit,
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: { headersTimeout, connectionsCheckingInterval: Math.min(5_000, Math.max(100, Math.round(headersTimeout / 5))) },
    return503OnClosing: true,
    // Request ids name requests in the audit log, across restarts: random, never taken from the client.
    genReqId: () => randomUUID(),
  });

  if (options.onRoute !== undefined) app.addHook('onRoute', options.onRoute);

  // Bodies are validated by the contract's zod schemas (every issue, with its path), not by ajv;
  // the route schemas document the API. Replies are serialised as they are.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // JSON only: a text/plain body is 415, not a string the contract then refuses. (Nor can a
  // cross-site HTML form post to the API.)
  app.removeContentTypeParser('text/plain');
  // Keys that could alter prototypes ("__proto__", "constructor" with "prototype") are refused,
  // and said so: the body is valid JSON, and "not valid JSON" would send the sender looking for a typo.
  const secureJson = app.getDefaultJsonParser('error', 'error');
  const jsonBody: FastifyBodyParser<string> = (request, body, done) => secureJson(request, body, (error, value) => {
    if (error === null || !isJson(body)) return done(error, value);
    return done(Object.assign(new Error('prototype key in the body'), { statusCode: 400, code: PROTOTYPE_KEY }), undefined);
  });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', 'application/fhir+json'], { parseAs: 'string' }, jsonBody);
  // The request id on every answer, so a caller can find its request in the audit log.
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  installErrorHandling(app, bodyLimit, fhirFrameworkError);
  // Before any route is added: every route gets its access level as it is registered.
  installAccessControl(app, store, now);
  void app.register(cookie);
  void app.register(rateLimit, { global: false });
  registerOpenApi(app, version, publicUrl);
  void app.register(apiRoutes, { version, now });
  void app.register(sessionRoutes, { store, now, secureCookie, loginLimit: options.loginLimit ?? DEFAULT_LOGIN_LIMIT });
  void app.register(userRoutes, { store });
  void app.register(caseRoutes, { store, now });
  void app.register(sourceRoutes);
  void app.register(webRoutes, { root: options.webRoot ?? DEFAULT_WEB_ROOT });
  if (authenticator !== undefined) {
    void app.register(cdsRoutes, { authenticator, publicUrl, now, store, fetch: options.fetch ?? fetch });
  }
  return app;
}
