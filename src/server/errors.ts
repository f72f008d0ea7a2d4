/**
 * One control-flow error for the HTTP layer, and the one handler that turns anything thrown into
 * a response. The client never sees a stack trace or an internal message; the log never sees a
 * body, a query value or an error message (which may quote patient data), only its class and
 * stack frames.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StoreError } from '../store/types.js';

/** The JSON body of every error that is not a list of input issues. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
}

export function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/** Thrown by a route to answer with `status`; `body` replaces the default {@link ErrorBody}. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    message: string,
    readonly options: {
      readonly body?: unknown;
      readonly contentType?: string;
      readonly headers?: Readonly<Record<string, string>>;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
  }
}

/** A store refusal as the HTTP status that means it. */
const STORE_STATUS: Readonly<Record<StoreError['code'], number>> = { 'not-found': 404, conflict: 409, invalid: 400 };

/** The code of the error the body parser raises for a JSON body with a `__proto__` (or `constructor.prototype`) key. */
export const PROTOTYPE_KEY = 'ALLPATH_PROTOTYPE_KEY';

/**
 * What fastify's own 4xx errors (raised before a handler runs) tell the client. Their messages
 * can quote the body (a JSON syntax error does), so each is replaced by a fixed sentence.
 */
function frameworkMessage(error: FastifyError, bodyLimit: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The body is not valid JSON.';
    case PROTOTYPE_KEY:
      return 'The body holds a "__proto__" key (or "constructor" with "prototype"), which is refused.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The body is empty; send a JSON document.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `The body is larger than the limit of ${bodyLimit} bytes.`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type: send application/json or application/fhir+json.';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'The Content-Length header does not match the body.';
    default:
      return STATUS_CODES[error.statusCode ?? 400] ?? 'Bad request';
  }
}

/**
 * Stack frames without the message line: enough to find the fault, nothing that might quote
 * the input.
 */
function frames(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.stack === undefined) return undefined;
  return error.stack.split('\n').filter((l) => l.trimStart().startsWith('at ')).join('\n');
}

/**
 * Answers a framework error (bad JSON, too large, …) in the shape the route would have used for
 * an input problem; the default is {@link errorBody}.
 */
export type FrameworkErrorRenderer = (request: FastifyRequest, status: number, message: string) =>
  { readonly body: unknown; readonly contentType: string } | undefined;

export function installErrorHandling(app: FastifyInstance, bodyLimit: number, render: FrameworkErrorRenderer): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) {
      if (error.options.headers !== undefined) void reply.headers(error.options.headers);
      if (error.options.contentType !== undefined) void reply.type(error.options.contentType);
      return reply.code(error.status).send(error.options.body ?? errorBody(error.status, error.message));
    }
    if (error instanceof StoreError) {
      const status = STORE_STATUS[error.code];
      return reply.code(status).send(errorBody(status, error.message));
    }
    const status = (error as Partial<FastifyError>).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = frameworkMessage(error as FastifyError, bodyLimit);
      const rendered = render(request, status, message);
      if (rendered !== undefined) return reply.code(status).type(rendered.contentType).send(rendered.body);
      return reply.code(status).send(errorBody(status, message));
    }
    request.log.error({ errorClass: error instanceof Error ? error.name : typeof error, stack: frames(error) }, 'internal error');
    return reply.code(500).send(errorBody(500, 'Internal error; the server log has the details.'));
  });

  app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody(404, `No route for ${request.method} on this path.`)));
}
