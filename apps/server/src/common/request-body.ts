import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ErrorCode } from '@linli/shared-types';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error';
import { sendError } from './error.filter';

/** The largest JSON or form body any route takes (a window with 100 items is ~10 kB). */
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * How deep a body may nest: objects and arrays inside each other. The deepest DTO (a window's
 * items, a quote's items) needs 3; anything past this is refused before class-transformer and
 * class-validator, which recurse and overflow the stack on a body thousands of levels deep.
 */
export const MAX_BODY_DEPTH = 10;

/**
 * How deep `value` nests (a scalar 0, `{}` 1, `{"a":[1]}` 2), counted without recursion and
 * giving up as soon as it passes `limit`.
 */
export function nestingDepth(value: unknown, limit = MAX_BODY_DEPTH): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop() as { value: unknown; depth: number };
    if (v === null || typeof v !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > limit) return deepest;
    for (const child of Object.values(v as object)) stack.push({ value: child, depth: here });
  }
  return deepest;
}

/** A parsed body (JSON, form or multipart fields) a DTO can take: an object, not nested too deep. */
export function assertBodyShape(body: unknown): void {
  if (body === undefined) return;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new DomainError('BODY_NOT_JSON');
  if (nestingDepth(body) > MAX_BODY_DEPTH) throw new DomainError('BODY_TOO_DEEP');
}

/** body-parser's refusals (http-errors with a `type`), as our own. */
function bodyParserCode(error: { type?: unknown; status?: unknown }): ErrorCode | null {
  switch (error.type) {
    case 'entity.too.large':
    case 'parameters.too.many':
      return 'BODY_TOO_LARGE';
    case 'querystring.parse.rangeError':
      return 'BODY_TOO_DEEP';
    default:
      return typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? 'BODY_NOT_JSON' : null;
  }
}

/**
 * Parses JSON and form bodies, and refuses those a DTO cannot take, before Nest routes the request.
 *
 * The parsers run as Express middleware, ahead of Nest's exception filter: an error they pass on
 * would reach the h5 build's static handler (ServeStaticModule), which turns any error on an
 * /api route into 404 NOT_FOUND. So their refusals are answered here, through the same
 * `sendError` as the filter, right after the parsers.
 */
export function installBodyParsers(app: NestExpressApplication): void {
  // `strict` JSON: the root must be an object or array (a `null` or `"text"` root is refused).
  app.useBodyParser('json', { limit: MAX_BODY_BYTES, strict: true });
  app.useBodyParser('urlencoded', { limit: MAX_BODY_BYTES, extended: true, depth: MAX_BODY_DEPTH - 1, parameterLimit: 200 });
  app.use((req: Request, _res: Response, next: NextFunction) => {
    assertBodyShape(req.body);
    next();
  });
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    const code = error instanceof DomainError ? null : bodyParserCode(error as { type?: unknown; status?: unknown });
    if (error instanceof DomainError || code !== null) return sendError(req, res, code ? new DomainError(code) : error);
    return next(error);
  });
}
