import { SetMetadata } from '@nestjs/common';

export const CALLS_OUT = 'linli:calls-out';

/**
 * The route's command calls an outside service (WeChat): the idempotency interceptor opens no
 * transaction around it, and its service opens short ones around its own reads and writes,
 * calling out between them (ARCHITECTURE §5: nothing calls out inside a transaction). The
 * Idempotency-Key still holds: the key is claimed before the command runs and its answer stored
 * after, and a twin waits for that answer. Such a command must be safe to run again from the
 * top (a server that dies mid-call leaves a claim that lapses, and the retry runs it): WeChat's
 * prepay and query are, and so are our conditional writes around them.
 */
export const CallsOut = (): MethodDecorator => SetMetadata(CALLS_OUT, true);
