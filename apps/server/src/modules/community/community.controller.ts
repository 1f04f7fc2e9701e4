import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BuildingView, CommunityView, HouseholdView, MeResponse } from '@linli/shared-types';
import { CurrentActor, type Actor } from '../../common/actor';
import { ChooseCommunityDto, CommunityQueryDto, UpdatePreferencesDto } from './dto/community.dto';
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

  /** Act in this community from now on: the poster's, one found by name, or the switcher on 「我的」. */
  @Put('me/community')
  choose(@CurrentActor() actor: Actor, @Body() dto: ChooseCommunityDto): Promise<MeResponse> {
    return this.meService.choose(actor, dto.communityId);
  }

  /** The person's own display preferences: elderly mode on or off, or null to follow the household's default. */
  @Put('me/preferences')
  preferences(@CurrentActor() actor: Actor, @Body() dto: UpdatePreferencesDto): Promise<MeResponse> {
    return this.meService.setPreferences(actor, dto);
  }

  /** Communities by (part of) their name, for a newcomer choosing theirs. */
  @Get('communities')
  async communities(@Query() query: CommunityQueryDto): Promise<CommunityView[]> {
    return (await this.users.searchCommunities(query.q)).map((c) => ({ id: c.id, name: c.name }));
  }

  /** Buildings and units of the community the person acts in, for the binding form. */
  @Get('community/buildings')
  async buildings(@CurrentActor() actor: Actor): Promise<BuildingView[]> {
    return actor.communityId === null ? [] : this.households.buildings(actor.communityId);
  }

  /** A household: residents only their own, staff any of their community. */
  @Get('households/:id')
  household(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<HouseholdView> {
    return this.households.getFor(actor, id);
  }
}
