import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@linli/shared-types';
import { PUBLIC_KEY, ROLES_KEY, type RequestWithActor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { UsersService } from '../community/users.service';
import { AuthService } from './auth.service';

/**
 * Every route needs a valid token unless marked @Public; @Roles then asks for one of the roles
 * in the user's community. Access to the particular record is checked by the service.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<RequestWithActor>();
    const header = req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const userId = token ? await this.auth.verify(token) : null;
    const actor = userId === null ? null : await this.users.loadActor(userId);
    if (!actor) throw new DomainError('UNAUTHENTICATED');
    req.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !actor.roles.some((r) => roles.includes(r))) throw new DomainError('FORBIDDEN', { required: roles });
    return true;
  }
}
