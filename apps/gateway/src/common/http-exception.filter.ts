import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { FieldError } from './field-errors';
import { UpstreamException } from './upstream.exception';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: FieldError[];
  errorId?: string;
}

/**
 * The gateway's one exception filter: every error answers `{statusCode, error, message, errors?}`.
 * Anything that is not a deliberate HttpException (and any 5xx) gets an `errorId`, logged once with the
 * stack, and a generic message: internals never reach the client. The one exception is an
 * {@link UpstreamException} (a service the gateway depends on is down): its message is the gateway's own
 * and is shown, with the errorId.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) return this.internal(exception, status);
    const error = STATUS_CODES[status] ?? 'Error';
    const raw = (exception as HttpException).getResponse();
    const details = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const message = typeof raw === 'string' ? raw : describeMessage(details.message, error);
    const body: ErrorBody = { statusCode: status, error, message };
    if (Array.isArray(details.errors)) body.errors = details.errors as FieldError[];
    return body;
  }

  private internal(exception: unknown, status: number): ErrorBody {
    const errorId = randomUUID();
    if (exception instanceof UpstreamException) {
      this.logger.warn(`errorId=${errorId} ${status} ${exception.message}${exception.detail ? ` (${exception.detail})` : ''}`);
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: exception.message, errorId };
    }
    const stack = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
    this.logger.error(`errorId=${errorId} ${stack}`);
    const error = STATUS_CODES[status] ?? 'Internal Server Error';
    const message = status === 500 ? 'Internal server error' : error;
    return { statusCode: status, error, message, errorId };
  }
}

function describeMessage(message: unknown, fallback: string): string {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return fallback;
}
