import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { ErrorCode } from '@linli/shared-types';
import { DomainError } from './domain-error';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Reads one multipart file field into memory before guards and interceptors run, so that the
 * upload is not received inside a database transaction and its bytes join the request's
 * idempotency fingerprint. Multer's own errors become readable refusals.
 */
export function singleFileUpload(
  field: string,
  { maxBytes = MAX_UPLOAD_BYTES, tooLarge = 'FILE_TOO_LARGE', unreadable = 'IMPORT_FILE_UNREADABLE' }: Partial<UploadLimits> = {},
): RequestHandler {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1 } }).single(field);
  return (req: Request, res: Response, next: NextFunction) => {
    upload(req, res, (error: unknown) => {
      if (!error) return next();
      if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') return next(new DomainError(tooLarge));
      return next(new DomainError(unreadable));
    });
  };
}

export interface UploadLimits {
  maxBytes: number;
  /** The refusal for a file over maxBytes, and for a body that is not a readable upload. */
  tooLarge: ErrorCode;
  unreadable: ErrorCode;
}
