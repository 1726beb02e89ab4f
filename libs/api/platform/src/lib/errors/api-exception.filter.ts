import { type ApiError } from '@chartdesk/contracts';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseInputError } from './database-input-error';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';
import { DomainError, httpStatusFor } from './domain-error';
import { statusText } from './status-text';

/** The one answer for every 404, whether the record is missing or the caller may not see it. */
export const NOT_FOUND_MESSAGE = 'Not found, or you do not have access to it.';

/** Fastify errors (bad JSON, body too large…) carry a statusCode and a code. */
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
}

/**
 * The one place errors become HTTP answers: `{statusCode, error, message,
 * requestId}`. Messages users see are chosen here; stacks go only to the log.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly notFoundFallback?: (req: FastifyRequest, reply: FastifyReply) => boolean) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const body = this.toApiError(exception, String(request.id));
    if (body.statusCode === 404 && this.notFoundFallback?.(request, reply)) return;
    if (body.statusCode === 503) {
      // An outage, not a bug: no stack, and the client knows when to try again.
      this.logger.warn({ requestId: body.requestId, code: body.code }, 'request refused: database unavailable');
    } else if (body.statusCode >= 500) {
      // Log the class and stack, never the request body (it may hold patient data).
      this.logger.error(
        {
          requestId: body.requestId,
          err: exception instanceof Error ? { name: exception.name, stack: exception.stack } : String(exception),
        },
        'request failed',
      );
    }
    if (reply.sent || reply.raw.headersSent) {
      // A stream failed after its first bytes: the status is gone, so end the
      // connection rather than append JSON to a half-sent CSV or NDJSON file.
      reply.raw.destroy();
      return;
    }
    // Routes that answer CSV, NDJSON or files set their own type and disposition
    // before the handler runs; an error is always JSON, and never an attachment.
    reply.removeHeader('content-disposition');
    if (body.statusCode === 503) void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    void reply
      .status(body.statusCode)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(body));
  }

  toApiError(exception: unknown, requestId: string): ApiError {
    const error = this.describe(exception, requestId);
    // Not found and not yours must read the same on every route: one message, no details,
    // so no wording ("No such chart" vs "No such review") tells a caller that a record exists.
    if (error.statusCode === 404) {
      return { statusCode: 404, error: statusText(404), message: NOT_FOUND_MESSAGE, requestId, code: 'NOT_FOUND' };
    }
    return error;
  }

  private describe(exception: unknown, requestId: string): ApiError {
    if (exception instanceof DomainError) {
      const statusCode = httpStatusFor(exception.code);
      return {
        statusCode,
        error: statusText(statusCode),
        message: exception.userMessage,
        requestId,
        code: exception.code,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      return { statusCode, error: statusText(statusCode), requestId, ...messageOf(exception) };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: 503,
        error: statusText(503),
        message: 'The database cannot be reached right now. Your session is kept; try again in a few seconds.',
        requestId,
        code: 'DATABASE_UNAVAILABLE',
      };
    }
    const refused = databaseInputError(exception);
    if (refused) {
      // Still worth seeing: a DTO let this value through.
      this.logger.warn({ requestId, sqlState: refused.sqlState }, 'database refused a request value');
      return {
        statusCode: refused.statusCode,
        error: statusText(refused.statusCode),
        message: refused.message,
        requestId,
      };
    }
    const fastifyError = exception as FastifyLikeError;
    if (
      typeof fastifyError?.statusCode === 'number' &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      const statusCode = fastifyError.statusCode;
      return { statusCode, error: statusText(statusCode), message: fastifyMessage(fastifyError), requestId };
    }
    return {
      statusCode: 500,
      error: statusText(500),
      message: 'An unexpected error occurred. Quote the request id when reporting it.',
      requestId,
    };
  }
}

function messageOf(exception: HttpException): Pick<ApiError, 'message' | 'fieldErrors'> {
  const response = exception.getResponse();
  if (typeof response === 'string') return { message: response };
  const r = response as { message?: unknown; fieldErrors?: Record<string, string[]> };
  if (r.fieldErrors) return { message: String(r.message ?? 'Validation failed'), fieldErrors: r.fieldErrors };
  if (Array.isArray(r.message)) return { message: r.message.join('; ') };
  if (typeof r.message === 'string') return { message: r.message };
  return { message: exception.message };
}

function fastifyMessage(error: FastifyLikeError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type; send application/json.';
    default:
      return statusText(error.statusCode ?? 400);
  }
}
