import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  HoursLedgerView,
  RosterTotalsView,
  MyHoursView,
  RosterPostView,
  RosterScanResult,
  ShiftRosterView,
  ShiftView,
  StandbyResult,
} from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { Db } from '../../common/database/db';
import { CancelShiftDto, CreateShiftDto, RosterPeriodDto, RosterPostDto, RosterScanDto } from './dto/rosters.dto';
import { hoursXlsx, posterPdf } from './roster-documents';
import { RosterHoursService } from './roster-hours.service';
import { RostersService, postView } from './rosters.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Rosters (issue 19). `roster/…` is the managers' side: staff of the community for every squad,
 * a squad leader (a volunteer) for their own (checked in the service). `volunteer/roster…` is a
 * volunteer's own: open shifts of their squad, sign up, give up, scan the post's poster, hours.
 */
@ApiTags('rosters')
@ApiBearerAuth()
@Controller()
export class RostersController {
  constructor(
    private readonly rosters: RostersService,
    private readonly hours: RosterHoursService,
    private readonly db: Db,
  ) {}

  // ---- managers: staff, or a squad leader for their squad ---------------------------------

  @Get('roster/posts')
  @Roles('staff', 'supervisor', 'volunteer')
  posts(@CurrentActor() actor: Actor): Promise<RosterPostView[]> {
    return this.rosters.posts(actor);
  }

  @Post('roster/posts')
  @Roles('staff', 'supervisor', 'volunteer')
  createPost(@CurrentActor() actor: Actor, @Body() dto: RosterPostDto): Promise<RosterPostView> {
    return this.rosters.createPost(actor, dto);
  }

  /** The post's A4 poster with its check-in QR, to print and hang at the post. */
  @Get('roster/posts/:id/poster.pdf')
  @ApiProduces('application/pdf')
  @Roles('staff', 'supervisor', 'volunteer')
  async poster(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StreamableFile> {
    const post = await this.rosters.managedPost(actor, id);
    const [community] = await this.db.rows<{ name: string }>('SELECT name FROM communities WHERE id = ?', [post.communityId]);
    const pdf = await posterPdf(postView(post), community?.name ?? '', this.rosters.posterToken(post));
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="post-${post.id}.pdf"; filename*=UTF-8''${encodeURIComponent(`岗位码-${post.name}.pdf`)}`,
    });
  }

  /** Shifts starting in the period (days, Asia/Shanghai; from today for two weeks by default). */
  @Get('roster/shifts')
  @Roles('staff', 'supervisor', 'volunteer')
  shifts(@CurrentActor() actor: Actor, @Query() q: RosterPeriodDto): Promise<ShiftView[]> {
    return this.rosters.managedShifts(actor, q.from, q.to);
  }

  @Post('roster/shifts')
  @Roles('staff', 'supervisor', 'volunteer')
  createShift(@CurrentActor() actor: Actor, @Body() dto: CreateShiftDto): Promise<ShiftView> {
    return this.rosters.createShift(actor, dto);
  }

  /** Who is coming, on post, late and missing. */
  @Get('roster/shifts/:id')
  @Roles('staff', 'supervisor', 'volunteer')
  roster(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ShiftRosterView> {
    return this.rosters.roster(actor, id);
  }

  @Post('roster/shifts/:id/cancel')
  @HttpCode(200)
  @Roles('staff', 'supervisor', 'volunteer')
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: CancelShiftDto): Promise<ShiftView> {
    return this.rosters.cancelShift(actor, id, dto.reason);
  }

  /** 叫替补: ask the squad's free members to take the places left. */
  @Post('roster/shifts/:id/standby')
  @HttpCode(200)
  @Roles('staff', 'supervisor', 'volunteer')
  standby(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StandbyResult> {
    return this.rosters.standby(actor, id);
  }

  /** Everyone's hours in the period (this week by default), per squad. */
  @Get('roster/hours')
  @Roles('staff', 'supervisor', 'volunteer')
  ledger(@CurrentActor() actor: Actor, @Query() q: RosterPeriodDto): Promise<HoursLedgerView> {
    return this.hours.ledger(actor, q.from, q.to);
  }

  /** The community's total 人次 and hours, overall and this week (staff's 我的 card). */
  @Get('staff/roster/totals')
  @Roles('staff', 'supervisor')
  totals(@CurrentActor() actor: Actor): Promise<RosterTotalsView> {
    return this.hours.totals(actor);
  }

  /** The same as an Excel workbook for volunteer-hours certificates (志愿服务时长, 明细). */
  @Get('roster/hours.xlsx')
  @ApiProduces(XLSX)
  @Roles('staff', 'supervisor', 'volunteer')
  async ledgerXlsx(@CurrentActor() actor: Actor, @Query() q: RosterPeriodDto): Promise<StreamableFile> {
    const ledger = await this.hours.ledger(actor, q.from, q.to);
    const details = await this.hours.details(actor, ledger.from, ledger.to);
    return new StreamableFile(await hoursXlsx(ledger, details), {
      type: XLSX,
      disposition: `attachment; filename="volunteer-hours-${ledger.from}-${ledger.to}.xlsx"; filename*=UTF-8''${encodeURIComponent(`志愿服务时长-${ledger.from}至${ledger.to}.xlsx`)}`,
    });
  }

  // ---- a volunteer's own -------------------------------------------------------------------

  /** My squad's shifts not yet over, and mine. */
  @Get('volunteer/roster')
  @Roles('volunteer')
  myShifts(@CurrentActor() actor: Actor): Promise<ShiftView[]> {
    return this.rosters.myShifts(actor);
  }

  @Post('volunteer/roster/:id/signup')
  @HttpCode(200)
  @Roles('volunteer')
  signUp(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ShiftView> {
    return this.rosters.signUp(actor, id);
  }

  @Post('volunteer/roster/:id/give-up')
  @HttpCode(200)
  @Roles('volunteer')
  giveUp(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ShiftView> {
    return this.rosters.giveUp(actor, id);
  }

  /** The post's poster scanned: checks in at the start, out at the end. */
  @Post('volunteer/roster/scan')
  @HttpCode(200)
  @Roles('volunteer')
  scan(@CurrentActor() actor: Actor, @Body() dto: RosterScanDto): Promise<RosterScanResult> {
    return this.rosters.scan(actor, dto.token);
  }

  /** My hours: every shift and duty stretch, overlaps counted once. */
  @Get('volunteer/roster/hours')
  @Roles('volunteer')
  myHours(@CurrentActor() actor: Actor): Promise<MyHoursView> {
    return this.hours.mine(actor);
  }
}
