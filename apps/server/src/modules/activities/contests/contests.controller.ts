import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  ContestDetailView,
  ContestEntryView,
  ContestResultsView,
  ContestView,
  MyContestEntryView,
  StaffContestDetailView,
  StaffContestEntryView,
  VoteView,
} from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../../common/actor';
import { ContestEntriesService } from './contest-entries.service';
import { ContestsService } from './contests.service';
import { ContestDto, ContestEntryDto, RejectEntryDto, ScoreEntryDto, UpdateContestDto } from './dto/contests.dto';

@ApiTags('contests')
@ApiBearerAuth()
@Controller()
export class ContestsController {
  constructor(
    private readonly entries: ContestEntriesService,
    private readonly contests: ContestsService,
  ) {}

  // ---- residents ------------------------------------------------------------------------------

  /** The contests of my community, newest first. */
  @Get('contests')
  @Roles('resident')
  list(@CurrentActor() actor: Actor): Promise<ContestView[]> {
    return this.entries.list(actor);
  }

  /** A contest: rules, periods, my household's entries, the approved entries, my votes left today, the results once out. */
  @Get('contests/:id')
  @Roles('resident')
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ContestDetailView> {
    return this.entries.detail(actor, id);
  }

  /** Enter: pictures (files of purpose `contest`) and a caption, or a video link, or an essay; it shows as 审核中. */
  @Post('contests/:id/entries')
  @Roles('resident')
  enter(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ContestEntryDto): Promise<MyContestEntryView> {
    return this.entries.enter(actor, id, dto);
  }

  /** The published ranking. */
  @Get('contests/:id/results')
  @Roles('resident')
  results(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ContestResultsView> {
    return this.entries.results(actor, id);
  }

  /** One entry: my household's in any state, a neighbour's once approved. */
  @Get('contest-entries/:id')
  @Roles('resident')
  entry(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ContestEntryView | MyContestEntryView> {
    return this.entries.entry(actor, id);
  }

  /** Vote for an approved entry of another household, during the voting period: once per entry, N a day. */
  @Post('contest-entries/:id/vote')
  @HttpCode(200)
  @Roles('resident')
  vote(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<VoteView> {
    return this.entries.vote(actor, id);
  }

  // ---- staff ----------------------------------------------------------------------------------

  @Post('staff/contests')
  @Roles('staff', 'supervisor')
  create(@CurrentActor() actor: Actor, @Body() dto: ContestDto): Promise<ContestView> {
    return this.contests.create(actor, dto);
  }

  @Get('staff/contests')
  @Roles('staff', 'supervisor')
  staffList(@CurrentActor() actor: Actor): Promise<ContestView[]> {
    return this.contests.list(actor);
  }

  /** The contest with its moderation queue (flagged first) and the ranking as it stands. */
  @Get('staff/contests/:id')
  @Roles('staff', 'supervisor')
  staffDetail(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StaffContestDetailView> {
    return this.contests.detail(actor, id);
  }

  @Patch('staff/contests/:id')
  @Roles('staff', 'supervisor')
  update(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateContestDto): Promise<ContestView> {
    return this.contests.update(actor, id, dto);
  }

  /** Publish the ranking: residents see it at once and entrants are told. */
  @Post('staff/contests/:id/publish')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  publish(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ContestResultsView> {
    return this.contests.publish(actor, id);
  }

  @Post('staff/contest-entries/:id/approve')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  approve(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StaffContestEntryView> {
    return this.contests.approve(actor, id);
  }

  /** Reject with a reason the resident reads. */
  @Post('staff/contest-entries/:id/reject')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  reject(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: RejectEntryDto): Promise<StaffContestEntryView> {
    return this.contests.reject(actor, id, dto.reason);
  }

  /** A judge's score, 0–100 (judges mode). */
  @Put('staff/contest-entries/:id/score')
  @Roles('staff', 'supervisor')
  score(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ScoreEntryDto): Promise<StaffContestEntryView> {
    return this.contests.score(actor, id, dto.score);
  }
}
