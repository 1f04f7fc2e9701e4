import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PersonView, RedeemInviteResponse, RoleInviteView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { CreateRoleInviteDto, RedeemInviteDto, RevokeRoleDto } from './dto/people.dto';
import { InvitesService } from './invites.service';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller()
export class PeopleController {
  constructor(
    private readonly invites: InvitesService,
    private readonly people: PeopleService,
  ) {}

  /** A one-time code (72 hours) that makes its holder staff, a supervisor or a squad leader here. */
  @Post('staff/invites')
  @Roles('staff', 'supervisor')
  invite(@CurrentActor() actor: Actor, @Body() dto: CreateRoleInviteDto): Promise<RoleInviteView> {
    return this.invites.create(actor, dto);
  }

  /** My community's invites: open ones, and who used the others. */
  @Get('staff/invites')
  @Roles('staff', 'supervisor')
  listInvites(@CurrentActor() actor: Actor): Promise<RoleInviteView[]> {
    return this.invites.list(actor);
  }

  /** Takes an unused code back. */
  @Post('staff/invites/:id/cancel')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  cancelInvite(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<RoleInviteView> {
    return this.invites.cancel(actor, id);
  }

  /** Anyone logged in with a code (staff's or a pharmacy's) gets its role in its community. */
  @Post('invites/redeem')
  @HttpCode(200)
  redeem(@CurrentActor() actor: Actor, @Body() dto: RedeemInviteDto): Promise<RedeemInviteResponse> {
    return this.invites.redeem(actor, dto.code);
  }

  /** Staff, supervisors, volunteers and pharmacists of my community. */
  @Get('staff/people')
  @Roles('staff', 'supervisor')
  list(@CurrentActor() actor: Actor): Promise<PersonView[]> {
    return this.people.list(actor);
  }

  /** Takes a role away from a person of my community, with a reason kept in the audit log. */
  @Post('staff/people/:userId/revoke')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  revoke(@CurrentActor() actor: Actor, @Param('userId', ParseIntPipe) userId: number, @Body() dto: RevokeRoleDto): Promise<PersonView> {
    return this.people.revoke(actor, userId, dto);
  }
}
