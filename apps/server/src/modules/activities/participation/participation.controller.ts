import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ParticipationView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../../common/actor';
import { ParticipationQueryDto } from './dto/participation.dto';
import { ParticipationService } from './participation.service';

@ApiTags('activities')
@ApiBearerAuth()
@Controller()
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  /** Sign-ups, entries, votes and quiz attempts of my community over the last `days` days (default 14), per day and per building. */
  @Get('staff/activities/participation')
  @Roles('staff', 'supervisor')
  view(@CurrentActor() actor: Actor, @Query() query: ParticipationQueryDto): Promise<ParticipationView> {
    return this.participation.view(actor, query.days);
  }
}
