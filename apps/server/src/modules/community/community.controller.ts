import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BuildingView, HouseholdView, MeResponse } from '@linli/shared-types';
import { CurrentActor, type Actor } from '../../common/actor';
import { HouseholdsService } from './households.service';
import { MeService } from './me.service';
import { UsersService } from './users.service';

@ApiTags('community')
@ApiBearerAuth()
@Controller()
export class CommunityController {
  constructor(
    private readonly meService: MeService,
    private readonly households: HouseholdsService,
    private readonly users: UsersService,
  ) {}

  /** The user, their roles in the community, their household. */
  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.meService.me(actor);
  }

  /** Buildings and units, for the binding form. */
  @Get('community/buildings')
  async buildings(@CurrentActor() actor: Actor): Promise<BuildingView[]> {
    const communityId = actor.communityId ?? (await this.users.defaultCommunity())?.id;
    return communityId === undefined ? [] : this.households.buildings(communityId);
  }

  /** A household: residents only their own, staff any of their community. */
  @Get('households/:id')
  household(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<HouseholdView> {
    return this.households.getFor(actor, id);
  }
}
