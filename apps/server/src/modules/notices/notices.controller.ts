import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NoticeReadStats, NoticeSummary, NoticeView, StaffNoticeView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { NoticeDto, UpdateNoticeDto } from './dto/notices.dto';
import { NoticeBoardService } from './notice-board.service';
import { NoticesService } from './notices.service';

@ApiTags('notices')
@ApiBearerAuth()
@Controller()
export class NoticesController {
  constructor(
    private readonly board: NoticeBoardService,
    private readonly notices: NoticesService,
  ) {}

  // ---- residents ------------------------------------------------------------------------------

  /** My household's notices: published, not expired, for its building or zone; pinned first, then newest. */
  @Get('notices')
  @Roles('resident')
  list(@CurrentActor() actor: Actor): Promise<NoticeView[]> {
    return this.board.list(actor);
  }

  /** For the card on 「我的」: how many are unread, and the newest urgent one. */
  @Get('notices/summary')
  @Roles('resident')
  summary(@CurrentActor() actor: Actor): Promise<NoticeSummary> {
    return this.board.summary(actor);
  }

  @Get('notices/:id')
  @Roles('resident')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<NoticeView> {
    return this.board.get(actor, id);
  }

  /** Opening a notice: read for the whole household (once, however often it is opened). */
  @Post('notices/:id/read')
  @HttpCode(200)
  @Roles('resident')
  read(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<NoticeView> {
    return this.board.markRead(actor, id);
  }

  // ---- staff ----------------------------------------------------------------------------------

  /** Post a notice, for the whole community or some buildings or zones, now or at a set time. */
  @Post('staff/notices')
  @Roles('staff', 'supervisor')
  create(@CurrentActor() actor: Actor, @Body() dto: NoticeDto): Promise<StaffNoticeView> {
    return this.notices.create(actor, dto);
  }

  /** Every notice of my community, newest first, with status and read figures. */
  @Get('staff/notices')
  @Roles('staff', 'supervisor')
  staffList(@CurrentActor() actor: Actor): Promise<StaffNoticeView[]> {
    return this.notices.list(actor);
  }

  @Get('staff/notices/:id')
  @Roles('staff', 'supervisor')
  staffGet(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StaffNoticeView> {
    return this.notices.get(actor, id);
  }

  /** Change a notice: only the fields sent; it shows as edited. */
  @Patch('staff/notices/:id')
  @Roles('staff', 'supervisor')
  update(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateNoticeDto): Promise<StaffNoticeView> {
    return this.notices.update(actor, id, dto);
  }

  /** Withdraw: residents no longer see it. */
  @Post('staff/notices/:id/withdraw')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StaffNoticeView> {
    return this.notices.withdraw(actor, id);
  }

  /** Households that read it, per building, and the buildings lagging behind. */
  @Get('staff/notices/:id/reads')
  @Roles('staff', 'supervisor')
  reads(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<NoticeReadStats> {
    return this.notices.reads(actor, id);
  }
}
