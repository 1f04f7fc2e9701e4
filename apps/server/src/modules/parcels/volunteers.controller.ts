import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DutyView, ShiftLedger, SquadView, VolunteerRow } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { CoverageDto, DutyDto } from './dto/parcels.dto';
import { VolunteersService } from './volunteers.service';

/** Volunteers: their duty switch and hours, their squad, and staff's overview and coverage. */
@ApiTags('volunteers')
@ApiBearerAuth()
@Controller()
export class VolunteersController {
  constructor(private readonly volunteers: VolunteersService) {}

  @Get('volunteer/duty')
  @Roles('volunteer')
  myDuty(@CurrentActor() actor: Actor): Promise<DutyView> {
    return this.volunteers.duty(actor);
  }

  @Put('volunteer/duty')
  @Roles('volunteer')
  duty(@CurrentActor() actor: Actor, @Body() dto: DutyDto): Promise<DutyView> {
    return this.volunteers.setDuty(actor, dto.onDuty);
  }

  /** My hours on duty. */
  @Get('volunteer/shifts')
  @Roles('volunteer')
  shifts(@CurrentActor() actor: Actor): Promise<ShiftLedger> {
    return this.volunteers.shifts(actor);
  }

  /** My squad; a leader sees every member, on duty or not, and their hours this week. */
  @Get('volunteer/squad')
  @Roles('volunteer')
  squad(@CurrentActor() actor: Actor): Promise<SquadView> {
    return this.volunteers.squad(actor);
  }

  @Get('staff/volunteers')
  @Roles('staff', 'supervisor')
  staffList(@CurrentActor() actor: Actor): Promise<VolunteerRow[]> {
    return this.volunteers.volunteers(actor);
  }

  @Put('staff/volunteers/:userId')
  @Roles('staff', 'supervisor')
  coverage(@CurrentActor() actor: Actor, @Param('userId', ParseIntPipe) userId: number, @Body() dto: CoverageDto): Promise<DutyView> {
    return this.volunteers.setCoverage(actor, userId, dto);
  }
}
