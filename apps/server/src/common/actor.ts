import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@linli/shared-types';
import type { Request } from 'express';

/** Who is asking: loaded from the database on every request, so a revoked role stops at once. */
export interface Actor {
  userId: number;
  nickname: string;
  /** The community the user's roles belong to; null for a new user with no role yet. */
  communityId: number | null;
  roles: Role[];
  householdId: number | null;
}

export type RequestWithActor = Request & { actor?: Actor };

export const PUBLIC_KEY = 'linli:public';
export const ROLES_KEY = 'linli:roles';

/** No login needed (login itself, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Any of these roles may call; without @Roles any logged-in user may. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** The actor of the request (the guard has put it there). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
