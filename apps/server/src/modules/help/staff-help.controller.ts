import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  BuildingTeamView,
  HelpBoardPage,
  HelpDeadline,
  HelpHistory,
  HelpSummary,
  SetTeamMemberRequest,
  TeamCandidate,
  TeamsOverview,
} from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import {
  HelpBoardQueryDto,
  MergeHelpDto,
  ReassignHelpDto,
  SetHelpDeadlinesDto,
  SetTeamMemberDto,
  TeamBuildingQueryDto,
  TeamCandidatesQueryDto,
} from './dto/help.dto';
import { HelpFlowService } from './help-flow.service';
import { HelpTeamsService } from './help-teams.service';
import { HelpViewsService } from './help-views.service';

/** Staff and supervisors: the board, teams, deadlines, reassigning and merging. */
@ApiTags('help')
@ApiBearerAuth()
@Controller('staff/help')
@Roles('staff', 'supervisor')
export class StaffHelpController {
  constructor(
    private readonly flow: HelpFlowService,
    private readonly views: HelpViewsService,
    private readonly teams: HelpTeamsService,
  ) {}

  /** The community's requests: past a deadline (escalated first) at the top; counselling without text. */
  @Get()
  board(@CurrentActor() actor: Actor, @Query() query: HelpBoardQueryDto): Promise<HelpBoardPage> {
    return this.views.board(actor, query.state ?? 'open', query.buildingId, query);
  }

  @Get('deadlines')
  deadlines(@CurrentActor() actor: Actor): Promise<HelpDeadline[]> {
    return this.flow.deadlines(actor);
  }

  @Put('deadlines')
  setDeadlines(@CurrentActor() actor: Actor, @Body() dto: SetHelpDeadlinesDto): Promise<HelpDeadline[]> {
    return this.flow.setDeadlines(actor, dto);
  }

  /** Every building's team, or (with buildingId) one building's with its households' own. */
  @Get('teams')
  teamsOf(@CurrentActor() actor: Actor, @Query() query: TeamBuildingQueryDto): Promise<TeamsOverview | BuildingTeamView> {
    return query.buildingId === undefined ? this.teams.overview(actor) : this.teams.building(actor, query.buildingId);
  }

  @Put('teams')
  setTeam(@CurrentActor() actor: Actor, @Body() dto: SetTeamMemberDto): Promise<BuildingTeamView> {
    return this.teams.set(actor, dto as SetTeamMemberRequest);
  }

  @Get('team-candidates')
  candidates(@CurrentActor() actor: Actor, @Query() query: TeamCandidatesQueryDto): Promise<TeamCandidate[]> {
    return this.teams.candidates(actor, query.q ?? '');
  }

  @Get(':id/history')
  history(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<HelpHistory> {
    return this.views.history(actor, id);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  reassign(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ReassignHelpDto): Promise<HelpSummary> {
    return this.flow.reassign(actor, id, dto.userId);
  }

  @Post(':id/merge')
  @HttpCode(200)
  merge(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: MergeHelpDto): Promise<HelpSummary> {
    return this.flow.merge(actor, id, dto.intoId);
  }
}
