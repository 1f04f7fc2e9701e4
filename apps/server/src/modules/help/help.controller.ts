import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { HelpDetail, HelpInboxPage, HelpSummary, MyHelpPage, MyTeamView } from '@linli/shared-types';
import { CurrentActor, type Actor } from '../../common/actor';
import { PageQueryDto } from '../../common/page-query.dto';
import {
  CancelHelpDto,
  ConfirmHelpDto,
  CreateHelpDto,
  HelpInboxQueryDto,
  HelpReplyDto,
  RateHelpDto,
  ReopenHelpDto,
  ResolveHelpDto,
} from './dto/help.dto';
import { HelpFlowService } from './help-flow.service';
import { HelpTeamsService } from './help-teams.service';
import { HelpViewsService } from './help-views.service';

/** Residents ask for help; responders (team, counsellors, supervisors) answer. Who may do what: help-access.ts. */
@ApiTags('help')
@ApiBearerAuth()
@Controller()
export class HelpController {
  constructor(
    private readonly flow: HelpFlowService,
    private readonly views: HelpViewsService,
    private readonly teams: HelpTeamsService,
  ) {}

  /** Who looks after my household: names and phones to call. */
  @Get('me/help-team')
  myTeam(@CurrentActor() actor: Actor): Promise<MyTeamView> {
    return this.teams.myTeam(actor);
  }

  /** Ask for help (for my household, or for another as staff or its team: proxy). */
  @Post('help')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateHelpDto): Promise<HelpDetail> {
    return this.flow.create(actor, dto);
  }

  /** My household's requests, newest first. */
  @Get('help/mine')
  mine(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<MyHelpPage> {
    return this.views.mine(actor, query);
  }

  /** Requests I answer for: open (nobody holds them), mine, done; overdue first. */
  @Get('help/inbox')
  inbox(@CurrentActor() actor: Actor, @Query() query: HelpInboxQueryDto): Promise<HelpInboxPage> {
    return this.views.inbox(actor, query.state ?? 'open', query);
  }

  @Get('help/:id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<HelpDetail> {
    return this.views.detail(actor, id);
  }

  @Post('help/:id/messages')
  @HttpCode(200)
  reply(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: HelpReplyDto): Promise<HelpDetail> {
    return this.flow.reply(actor, id, dto);
  }

  @Post('help/:id/take')
  @HttpCode(200)
  take(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<HelpDetail> {
    return this.flow.take(actor, id);
  }

  @Post('help/:id/release')
  @HttpCode(200)
  release(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<HelpDetail> {
    return this.flow.release(actor, id);
  }

  @Post('help/:id/resolve')
  @HttpCode(200)
  resolve(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ResolveHelpDto): Promise<HelpDetail> {
    return this.flow.resolve(actor, id, dto.summary);
  }

  @Post('help/:id/confirm')
  @HttpCode(200)
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ConfirmHelpDto): Promise<HelpDetail> {
    return this.flow.confirm(actor, id, dto);
  }

  @Post('help/:id/reopen')
  @HttpCode(200)
  reopen(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ReopenHelpDto): Promise<HelpDetail> {
    return this.flow.reopen(actor, id, dto.reason);
  }

  @Post('help/:id/rate')
  @HttpCode(200)
  rate(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: RateHelpDto): Promise<HelpDetail> {
    return this.flow.rate(actor, id, dto.rating, dto.comment);
  }

  @Post('help/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: CancelHelpDto): Promise<HelpSummary> {
    return this.flow.cancel(actor, id, dto.reason);
  }
}
