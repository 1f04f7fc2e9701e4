import { type CanActivate, type ExecutionContext, Injectable, mixin, type Type } from '@nestjs/common';
import type { ErrorCode } from '@linli/shared-types';
import busboy from 'busboy';
import type { Request } from 'express';
import { DomainError } from './domain-error';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * What an upload form may hold besides its one file: a few short text fields (a photo's
 * `purpose`). A form past these is refused as soon as the part that breaks them arrives.
 */
export const UPLOAD_FORM_LIMITS = { fields: 5, fieldSize: 1024, fieldNameSize: 100, parts: 6, headerPairs: 20 } as const;

export interface UploadLimits {
  maxBytes: number;
  /** The refusal for a file over maxBytes, and for a body that is not a readable upload. */
  tooLarge: ErrorCode;
  unreadable: ErrorCode;
}

/** The uploaded file, as `@UploadedFile()` hands it to the controller. */
export interface UploadedBytes {
  fieldname: string;
  originalname: string;
  mimetype: string;
  buffer: Buffer;
  size: number;
}

/**
 * Reads a multipart body: one file in `field` (at most `limits.maxBytes`) and a few text fields.
 * Rejects at the first part that breaks a limit, without reading the rest of the body (the
 * refusal then closes the connection, see `sendError`). multer, which wraps the same busboy
 * parser, drains the whole body before it reports a limit, so a 200 MB body would be read.
 */
export function readUpload(
  req: Request,
  field: string,
  limits: UploadLimits,
): Promise<{ file?: UploadedBytes; fields: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = Object.create(null) as Record<string, string>;
    let file: UploadedBytes | undefined;
    let settled = false;
    let parser: busboy.Busboy;
    const fail = (code: ErrorCode): void => {
      if (settled) return;
      settled = true;
      // Left to the garbage collector: destroying busboy from inside its own event throws.
      req.unpipe(parser);
      reject(new DomainError(code));
    };
    try {
      // busboy reports fileSize and parts on reaching them; one more lets exactly the limit through.
      parser = busboy({
        headers: req.headers,
        limits: {
          ...UPLOAD_FORM_LIMITS,
          fieldSize: UPLOAD_FORM_LIMITS.fieldSize + 1,
          parts: UPLOAD_FORM_LIMITS.parts + 1,
          fileSize: limits.maxBytes + 1,
          files: 1,
        },
      });
    } catch {
      reject(new DomainError(limits.unreadable));
      return;
    }
    parser.on('file', (name, stream, info) => {
      if (name !== field || file) {
        stream.resume();
        return fail(limits.unreadable);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
      });
      stream.on('limit', () => fail(limits.tooLarge));
      stream.on('end', () => {
        const buffer = Buffer.concat(chunks, size);
        file = { fieldname: name, originalname: info.filename ?? '', mimetype: info.mimeType, buffer, size };
      });
    });
    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated || name in fields) return fail('FORM_TOO_LARGE');
      fields[name] = value;
    });
    for (const event of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const) parser.on(event, () => fail('FORM_TOO_LARGE'));
    parser.on('error', () => fail(limits.unreadable));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolve({ file, fields });
    });
    req.on('aborted', () => fail(limits.unreadable));
    req.pipe(parser);
  });
}

/**
 * Reads one multipart file field (`@UseGuards(FileUpload('file'))`) into memory as `req.file`,
 * its text fields into `req.body`; a body that is not multipart is left as it is.
 *
 * A guard, because of where guards run: after the auth guard, so a stranger's upload (or a
 * resident's to a staff route) is refused before a byte of its body is read; and before
 * interceptors, so the upload is not received inside the idempotency interceptor's database
 * transaction, and its bytes join the request's fingerprint.
 */
export function FileUpload(field: string, options: Partial<UploadLimits> = {}): Type<CanActivate> {
  const limits: UploadLimits = { maxBytes: MAX_UPLOAD_BYTES, tooLarge: 'FILE_TOO_LARGE', unreadable: 'IMPORT_FILE_UNREADABLE', ...options };

  @Injectable()
  class FileUploadGuard implements CanActivate {
    async canActivate(ctx: ExecutionContext): Promise<boolean> {
      const req = ctx.switchToHttp().getRequest<Request & { file?: UploadedBytes }>();
      if (!req.is('multipart/form-data')) return true;
      const { file, fields } = await readUpload(req, field, limits);
      req.body = fields;
      req.file = file;
      return true;
    }
  }
  return mixin(FileUploadGuard);
}
