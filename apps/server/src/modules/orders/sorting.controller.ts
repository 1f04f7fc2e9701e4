import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BagView, BuildingBagsView, SortingProgress } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { ReportShortDto, SortingScanDto } from './dto/sorting.dto';
import { SortingService } from './sorting.service';

/** The sorting line (流水线): staff, or volunteers of the sorting squad (checked in the service). */
@ApiTags('sorting')
@ApiBearerAuth()
@Controller('sorting')
export class SortingController {
  constructor(private readonly sorting: SortingService) {}

  /** A packed window's line: bags, ready and short per building. */
  @Get('windows/:id')
  @Roles('staff', 'supervisor', 'volunteer')
  progress(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<SortingProgress> {
    return this.sorting.progress(actor, id);
  }

  /** One building's bags with their lines, by door. */
  @Get('windows/:id/buildings/:buildingId')
  @Roles('staff', 'supervisor', 'volunteer')
  building(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('buildingId', ParseIntPipe) buildingId: number,
  ): Promise<BuildingBagsView> {
    return this.sorting.building(actor, id, buildingId);
  }

  /** What is missing from this bag: the household is told, a paid order refunded for it, once. */
  @Post('parcels/:id/short')
  @HttpCode(200)
  @Roles('staff', 'supervisor', 'volunteer')
  short(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ReportShortDto): Promise<BagView> {
    return this.sorting.reportShort(actor, id, dto.lines);
  }

  /** The bag's label scanned: ready. */
  @Post('scan')
  @HttpCode(200)
  @Roles('staff', 'supervisor', 'volunteer')
  scan(@CurrentActor() actor: Actor, @Body() dto: SortingScanDto): Promise<BagView> {
    return this.sorting.scan(actor, dto.token);
  }
}
