/**
 * What the server logs: one line per request with method, route pattern, status and duration.
 * Never the URL (its query may hold a date or an id), a header, a body or an error message
 * (which may quote the body): only error classes. Fastify's own per-request lines go through
 * this controller, so none of them carries more.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

function line(request: FastifyRequest, reply: FastifyReply) {
  return {
    method: request.method,
    route: request.routeOptions.url ?? '(no route)',
    status: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 10) / 10,
  };
}

const errorClass = (error: Error | null | undefined) => (error == null ? undefined : error.name);

export class SafeLogController extends LogController {
  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error == null) request.log.info(line(request, reply), 'request');
    else request.log.error({ ...line(request, reply), errorClass: errorClass(error) }, 'request failed');
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    request.log.error({ ...line(request, reply), errorClass: errorClass(error) }, 'error');
  }

  override streamError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    request.log.warn({ ...line(request, reply), errorClass: errorClass(error) }, 'response stream error');
  }

  override writeHeadError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    request.log.warn({ ...line(request, reply), errorClass: errorClass(error) }, 'writeHead failed');
  }

  override serializerError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    request.log.error({ ...line(request, reply), errorClass: errorClass(error) }, 'serializer failed');
  }
}
