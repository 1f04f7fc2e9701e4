import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ERROR_MESSAGES, type ErrorBody, type ErrorCode } from '@linli/shared-types';
import type { Request, Response } from 'express';
import { DomainError, ERROR_STATUS, ReplayedError } from './domain-error';

const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'VALIDATION_FAILED',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'BODY_TOO_LARGE',
  [HttpStatus.TOO_MANY_REQUESTS]: 'RATE_LIMITED',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
};

/** Turns any error into `{ code, message, details }`: the one place errors meet HTTP. */
export function toErrorAnswer(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof ReplayedError) return { status: error.status, body: error.body };
  if (error instanceof DomainError) {
    const body: ErrorBody = { code: error.code, message: error.message };
    if (error.details) body.details = error.details;
    return { status: ERROR_STATUS[error.code], body };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    return { status, body: { code, message: ERROR_MESSAGES[code] } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };
}

const logger = new Logger('ErrorFilter');

/**
 * Answers `error` as `{ code, message, details }`. An answer given before the request's body
 * has arrived in full (a 401 to an upload, a body over the limit) closes the connection, so the
 * rest of the body is never read.
 */
export function sendError(req: Request, res: Response, error: unknown): void {
  const { status, body } = toErrorAnswer(error);
  if (status >= 500) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  if (res.headersSent) return;
  if (!req.complete) res.setHeader('Connection', 'close');
  res.status(status).json(body);
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(http.getRequest<Request>(), http.getResponse<Response>(), error);
  }
}
