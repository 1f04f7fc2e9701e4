import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, isErrorCode, type ErrorCode, type ImportRowError } from '@linli/shared-types';

/**
 * Local addition to the contract: the request never reached the server or no answer came
 * back (offline, timeout, DNS). shared-types has no code for this because the server never
 * sends it.
 */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR';

export const NETWORK_MESSAGE = '网络不好，请检查网络后再试';

/** A refusal from the server (`{ code, message, details }`) or a failed connection. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    /** HTTP status; 0 when no answer came back. */
    readonly status: number,
    /** The server's Chinese message for people; empty when there is none. */
    readonly serverMessage: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(serverMessage || code);
    this.name = 'ApiError';
  }
}

/** Local addition to the contract: `details` of 422 IMPORT_INVALID. */
export interface ImportInvalidDetails {
  errors: ImportRowError[];
}

export function networkError(): ApiError {
  return new ApiError('NETWORK_ERROR', 0, '');
}

/** A code for an answer whose body is not ours (a proxy error page, a framework default). */
function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'SERVICE_UNAVAILABLE';
  return 'INTERNAL';
}

/** Turns an error answer's body (already parsed, or raw text) into an ApiError. */
export function decodeErrorBody(status: number, body: unknown): ApiError {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body) as unknown;
    } catch {
      parsed = null;
    }
  }
  if (typeof parsed === 'object' && parsed !== null) {
    const { code, message, details } = parsed as { code?: unknown; message?: unknown; details?: unknown };
    if (isErrorCode(code)) {
      return new ApiError(
        code,
        status,
        typeof message === 'string' ? message : '',
        typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined,
      );
    }
  }
  // Not our error body: its message (if any) is not meant for people.
  return new ApiError(codeForStatus(status), status, '');
}

/** The Chinese sentence to show for any error: the server's message, else the code's, else the network one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.serverMessage) return error.serverMessage;
    if (error.code !== 'NETWORK_ERROR') return ERROR_MESSAGES[error.code];
  }
  return NETWORK_MESSAGE;
}

/** Shows the error's Chinese message as a toast, long enough for slow readers. */
export function showApiError(error: unknown): void {
  void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3500 });
}

/** Row errors of a rejected Excel import, or [] when the error is something else. */
export function importRowErrors(error: unknown): ImportRowError[] {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_INVALID') return [];
  const errors = (error.details as Partial<ImportInvalidDetails> | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is ImportRowError => typeof e === 'object' && e !== null && typeof (e as ImportRowError).row === 'number');
}

/** Field errors of VALIDATION_FAILED (field path → Chinese explanation). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const fields = error.details?.fields;
  return typeof fields === 'object' && fields !== null ? (fields as Record<string, string>) : {};
}
