/**
 * The HTTP server: the REST API under /api, CDS Hooks under /cds-services, the OpenAPI document
 * and its page. `buildServer` returns a fastify instance that is not listening yet.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { cdsAuthenticator, type AuthOptions } from './auth.js';
import { apiRoutes, fhirFrameworkError } from './api.js';
import { cdsRoutes, memoryFeedbackStore, type FeedbackStore } from './cds-services.js';
import { installErrorHandling } from './errors.js';
import { SafeLogController } from './logging.js';
import { registerOpenApi } from './openapi.js';
import { packageVersion } from './package-version.js';

export interface ServerOptions {
  readonly auth: AuthOptions;
  /**
   * The base URL clients call (e.g. https://allpath.example.org). A CDS Hooks token's `aud` must
   * equal this plus the endpoint's path; without it, the URL is derived from the request's Host.
   */
  readonly publicUrl?: string;
  /** Largest accepted body in bytes; 5 MB by default. */
  readonly bodyLimit?: number;
  /** Fastify logger options; off by default. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Where CDS Hooks feedback goes; kept in memory by default. */
  readonly feedback?: FeedbackStore;
  /** The clock adapters read (today's date, token expiry); the engine never does. */
  readonly now?: () => Date;
  /** The HTTP client prefetch uses against the CDS client's FHIR server. */
  readonly fetch?: typeof fetch;
}

export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

export function buildServer(options: ServerOptions): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const now = options.now ?? (() => new Date());
  const publicUrl = options.publicUrl?.replace(/\/+$/, '');
  const authenticator = cdsAuthenticator(options.auth, now);
  const version = packageVersion();

  const app = Fastify({
    logger: options.logger ?? false,
    logController: new SafeLogController(),
    bodyLimit,
    connectionTimeout: 60_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
  });

  // Bodies are validated by the contract's zod schemas (every issue, with its path), not by ajv;
  // the route schemas document the API. Replies are serialised as they are.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // JSON only: a text/plain body is 415, not a string the contract then refuses.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  installErrorHandling(app, bodyLimit, fhirFrameworkError);
  registerOpenApi(app, version, publicUrl);
  void app.register(apiRoutes, { version, now });
  void app.register(cdsRoutes, {
    authenticator, publicUrl, now,
    feedback: options.feedback ?? memoryFeedbackStore(),
    fetch: options.fetch ?? fetch,
  });
  return app;
}
