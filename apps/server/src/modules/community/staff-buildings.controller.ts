import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AddDoorsResult, StaffBuildingView, ZoneView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { BuildingsService } from './buildings.service';
import { AddDoorsDto, CreateBuildingDto, RenameZoneDto, UpdateBuildingDto } from './dto/buildings.dto';
import { ZonesService } from './zones.service';

/** Staff set their community up: buildings, units, zones and the doors in them. */
@ApiTags('staff: buildings')
@ApiBearerAuth()
@Controller('staff')
@Roles('staff', 'supervisor')
export class StaffBuildingsController {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly zones: ZonesService,
  ) {}

  /** The community's buildings with their units, zone and households per unit. */
  @Get('buildings')
  list(@CurrentActor() actor: Actor): Promise<StaffBuildingView[]> {
    return this.buildings.list(actor);
  }

  /** A new building; its name is unique in the community (BUILDING_EXISTS). */
  @Post('buildings')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBuildingDto): Promise<StaffBuildingView> {
    return this.buildings.create(actor, dto);
  }

  /** Rename it, rename/add/remove units (not one with households), change its zone (its households follow). */
  @Patch('buildings/:id')
  update(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateBuildingDto): Promise<StaffBuildingView> {
    return this.buildings.update(actor, id, dto);
  }

  /** Only a building without households (BUILDING_HAS_HOUSEHOLDS, with the count). */
  @Delete('buildings/:id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.buildings.remove(actor, id);
  }

  /** Households for a unit's doors: listed rooms, or floors × doors per floor (101…604). */
  @Post('buildings/:id/households')
  addDoors(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: AddDoorsDto): Promise<AddDoorsResult> {
    return this.buildings.addDoors(actor, id, dto);
  }

  /** Zones named on the community's buildings and households. */
  @Get('zones')
  listZones(@CurrentActor() actor: Actor): Promise<ZoneView[]> {
    return this.zones.list(actor);
  }

  /** Rename a zone on buildings, households, windows and pharmacy defaults at once. */
  @Post('zones/rename')
  @HttpCode(200)
  renameZone(@CurrentActor() actor: Actor, @Body() dto: RenameZoneDto): Promise<ZoneView[]> {
    return this.zones.rename(actor, dto);
  }
}
