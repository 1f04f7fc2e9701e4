import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CareCampaignDetail, CareCampaignSummary, MyCareParcel, RunCareCampaignResult } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../../common/actor';
import { CareCampaignsService } from './care-campaigns.service';
import { SaveCareCampaignDto } from './dto/care-campaigns.dto';

@ApiTags('care')
@ApiBearerAuth()
@Controller()
export class CareCampaignsController {
  constructor(private readonly campaigns: CareCampaignsService) {}

  /** The care packages my household was given, each with its parcel. */
  @Get('me/care-parcels')
  @Roles('resident')
  mine(@CurrentActor() actor: Actor): Promise<MyCareParcel[]> {
    return this.campaigns.mine(actor);
  }

  /** My community's campaigns, newest first, with how many were selected, given and delivered. */
  @Get('staff/care-campaigns')
  @Roles('staff', 'supervisor')
  list(@CurrentActor() actor: Actor): Promise<CareCampaignSummary[]> {
    return this.campaigns.list(actor);
  }

  @Post('staff/care-campaigns')
  @Roles('staff', 'supervisor')
  create(@CurrentActor() actor: Actor, @Body() dto: SaveCareCampaignDto): Promise<CareCampaignDetail> {
    return this.campaigns.create(actor, dto);
  }

  /** A campaign with every household: selected, given, received. */
  @Get('staff/care-campaigns/:id')
  @Roles('staff', 'supervisor')
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<CareCampaignDetail> {
    return this.campaigns.detail(actor, id);
  }

  @Put('staff/care-campaigns/:id')
  @Roles('staff', 'supervisor')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SaveCareCampaignDto,
  ): Promise<CareCampaignDetail> {
    return this.campaigns.update(actor, id, dto);
  }

  /** Gives a parcel to each selected household that has none from this campaign yet. */
  @Post('staff/care-campaigns/:id/run')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  run(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<RunCareCampaignResult> {
    return this.campaigns.run(actor, id);
  }
}
