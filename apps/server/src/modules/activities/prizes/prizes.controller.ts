import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AwardPrizesResult, PrizeView, PrizeWinnersView, StaffPrizeView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../../common/actor';
import { AwardPrizesDto, PrizeSourceQueryDto, PrizeWinnersQueryDto } from './dto/prizes.dto';
import { PrizesService } from './prizes.service';

@ApiTags('activities')
@ApiBearerAuth()
@Controller()
export class PrizesController {
  constructor(private readonly prizes: PrizesService) {}

  /** My household's prizes, newest first, each with its parcel. */
  @Get('me/prizes')
  @Roles('resident')
  mine(@CurrentActor() actor: Actor): Promise<PrizeView[]> {
    return this.prizes.mine(actor);
  }

  /** The top N of a published contest or a quiz's leaderboard, and who already has a prize. */
  @Get('staff/prizes/winners')
  @Roles('staff', 'supervisor')
  winners(@CurrentActor() actor: Actor, @Query() query: PrizeWinnersQueryDto): Promise<PrizeWinnersView> {
    return this.prizes.winners(actor, query.source, query.sourceId, query.top);
  }

  /** Award the top N a prize: one parcel per winning household, once however often it is pressed. */
  @Post('staff/prizes')
  @Roles('staff', 'supervisor')
  award(@CurrentActor() actor: Actor, @Body() dto: AwardPrizesDto): Promise<AwardPrizesResult> {
    return this.prizes.award(actor, dto);
  }

  /** The prizes of one contest or quiz, by rank, with doors and parcel states. */
  @Get('staff/prizes')
  @Roles('staff', 'supervisor')
  list(@CurrentActor() actor: Actor, @Query() query: PrizeSourceQueryDto): Promise<StaffPrizeView[]> {
    return this.prizes.list(actor, query.source, query.sourceId);
  }
}
