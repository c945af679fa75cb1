import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS, ErrorBody, ErrorCode } from './app-error';
import { databaseUnavailableError, isDatabaseUnavailable } from './database-errors';
import { loggableError } from './logger';
import { uniqueConflictOf } from './unique-conflicts';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_ATTEMPTS',
};

const SAFE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  INVALID_JSON: 'The request body is not valid JSON.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'This content type is not accepted here.',
  BAD_REQUEST: 'The request is malformed.',
  ROUTE_NOT_FOUND: 'No such route.',
};

/** Turns anything thrown into `{ statusCode, code, message, requestId }` and never leaks internals. */
export function toErrorBody(exception: unknown, requestId: string, path: string): { body: ErrorBody; headers?: Record<string, string> } {
  // Two requests that both passed a service's uniqueness check: the constraint's loser gets the same 409.
  const conflict = uniqueConflictOf(exception);
  if (conflict) return toErrorBody(conflict, requestId, path);
  if (exception instanceof AppError) {
    const body: ErrorBody = { statusCode: exception.status, code: exception.code, message: exception.message, requestId };
    if (exception.details !== undefined) body.details = exception.details;
    return { body, headers: exception.headers };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Fastify's own client errors (body parsing, limits) reach us wrapped with a plain-string response.
    const fromFastify = typeof exception.getResponse() === 'string';
    let code: ErrorCode = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
    if (status === 404 && /^Cannot [A-Z]+ /.test(exception.message)) code = 'ROUTE_NOT_FOUND';
    if (fromFastify && status === 400 && /JSON/.test(exception.message)) code = 'INVALID_JSON';
    const message =
      status >= 500
        ? 'Something went wrong on our side.'
        : code === 'ROUTE_NOT_FOUND'
          ? `No route ${path}.`
          : fromFastify
            ? (SAFE_MESSAGES[code] ?? 'Bad request.')
            : exception.message;
    return { body: { statusCode: ERROR_STATUS[code], code, message, requestId } };
  }
  // A lost or refused database connection is an outage to wait out, not a bug: 503 with Retry-After.
  if (isDatabaseUnavailable(exception)) return toErrorBody(databaseUnavailableError(), requestId, path);
  return { body: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side.', requestId } };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const path = (request.url ?? '').split('?')[0];
    const { body, headers } = toErrorBody(exception, String(request.id), path);
    if (body.code === 'DATABASE_UNAVAILABLE') {
      // One line per request during an outage; the watchdog logs the outage itself.
      this.logger.warn(
        { requestId: body.requestId, problem: exception instanceof Error ? exception.message : String(exception) },
        'database unavailable',
      );
    } else if (body.statusCode >= 500) {
      // Only the server log gets the stack, tied to the request id the client sees.
      this.logger.error({ requestId: body.requestId, err: loggableError(exception) }, 'unhandled error');
    }
    for (const [name, value] of Object.entries(headers ?? {})) reply.header(name, value);
    // JSON even where the route had set another type (text/csv): an object sent as CSV would itself fail.
    reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }
}
