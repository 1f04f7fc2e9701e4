import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CareContactView, LedgerHistory, LedgerView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../../common/actor';
import { CareLedgerService } from './care-ledger.service';
import { FollowUpDto, LedgerExportQueryDto, LedgerQueryDto, RecordContactDto } from './dto/care-ledger.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The daily care ledger. Any signed-in user may call; the service decides: a grid worker (of a
 * help team) sees their households, staff the community's; anyone else gets LEDGER_NOT_GRID_WORKER.
 */
@ApiTags('care')
@ApiBearerAuth()
@Controller()
export class CareLedgerController {
  constructor(private readonly ledger: CareLedgerService) {}

  /** The day's vulnerable households: reached, not reached, not reached for two days (first). */
  @Get('care/ledger')
  list(@CurrentActor() actor: Actor, @Query() query: LedgerQueryDto): Promise<LedgerView> {
    return this.ledger.ledger(actor, query.date, query.gridWorkerId);
  }

  /** Records a call, a visit or an unanswered try, with what was needed. */
  @Post('care/ledger/contacts')
  record(@CurrentActor() actor: Actor, @Body() dto: RecordContactDto): Promise<CareContactView> {
    return this.ledger.record(actor, dto);
  }

  /** Links what a need became (a help request, a medicine request, an order of the same household). */
  @Post('care/ledger/contacts/:id/follow-up')
  @HttpCode(200)
  followUp(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: FollowUpDto): Promise<CareContactView> {
    return this.ledger.followUp(actor, id, dto);
  }

  /** A household's contacts over the last 90 days. */
  @Get('care/ledger/households/:id')
  history(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<LedgerHistory> {
    return this.ledger.history(actor, id);
  }

  @Get('staff/care/ledger.xlsx')
  @ApiProduces(XLSX)
  @Roles('staff', 'supervisor')
  async export(@CurrentActor() actor: Actor, @Query() query: LedgerExportQueryDto): Promise<StreamableFile> {
    const file = await this.ledger.export(actor, query.from, query.to);
    return new StreamableFile(file, {
      type: XLSX,
      disposition: `attachment; filename="care-ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(`关爱台账-${query.from}至${query.to}.xlsx`)}`,
    });
  }
}
