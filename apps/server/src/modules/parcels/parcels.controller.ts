import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  DeliveryOverview,
  DispatchResult,
  DutyView,
  ParcelDetail,
  ParcelSummary,
  ParcelTaskView,
  ParcelView,
  ShiftLedger,
  VolunteerRow,
} from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { AssignDto, CoverageDto, LeaveDto, DutyDto, FailDto, ParcelQueryDto, RateDto, ResolveDto, ScanDto } from './dto/parcels.dto';
import { labelsPdf, volunteerSheetsPdf } from './labels';
import { ParcelsService } from './parcels.service';

@ApiTags('parcels')
@ApiBearerAuth()
@Controller()
export class ParcelsController {
  constructor(private readonly parcels: ParcelsService) {}

  @Get('volunteer/duty')
  @Roles('volunteer')
  myDuty(@CurrentActor() actor: Actor): Promise<DutyView> {
    return this.parcels.duty(actor);
  }

  @Put('volunteer/duty')
  @Roles('volunteer')
  duty(@CurrentActor() actor: Actor, @Body() dto: DutyDto): Promise<DutyView> {
    return this.parcels.setDuty(actor, dto.onDuty);
  }

  /** My hours on duty. */
  @Get('volunteer/shifts')
  @Roles('volunteer')
  shifts(@CurrentActor() actor: Actor): Promise<ShiftLedger> {
    return this.parcels.shifts(actor);
  }

  /** My tasks, by building and door: masked phone, no name. */
  @Get('volunteer/tasks')
  @Roles('volunteer')
  tasks(@CurrentActor() actor: Actor): Promise<ParcelTaskView[]> {
    return this.parcels.tasks(actor);
  }

  @Post('volunteer/tasks/:id/accept')
  @HttpCode(200)
  @Roles('volunteer')
  accept(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ParcelTaskView> {
    return this.parcels.accept(actor, id);
  }

  @Post('volunteer/tasks/:id/decline')
  @HttpCode(200)
  @Roles('volunteer')
  decline(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ParcelTaskView> {
    return this.parcels.decline(actor, id);
  }

  /** Unassigned parcels of my buildings, to grab. */
  @Get('volunteer/pool')
  @Roles('volunteer')
  pool(@CurrentActor() actor: Actor): Promise<ParcelTaskView[]> {
    return this.parcels.pool(actor);
  }

  @Post('volunteer/parcels/:id/grab')
  @HttpCode(200)
  @Roles('volunteer')
  grab(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ParcelTaskView> {
    return this.parcels.grab(actor, id);
  }

  /** At the supply point: the parcel label's code. */
  @Post('volunteer/scan/pickup')
  @HttpCode(200)
  @Roles('volunteer')
  pickUp(@CurrentActor() actor: Actor, @Body() dto: ScanDto): Promise<ParcelTaskView> {
    return this.parcels.pickUp(actor, dto.code, dto.scannedAt);
  }

  /** At the door: the resident's order QR. */
  @Post('volunteer/tasks/:id/deliver')
  @HttpCode(200)
  @Roles('volunteer')
  deliver(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ScanDto): Promise<ParcelTaskView> {
    return this.parcels.deliver(actor, id, dto.code, dto.scannedAt);
  }

  /** Contactless: left at the door with a photo (uploaded first as purpose `contactless`). */
  @Post('volunteer/tasks/:id/leave')
  @HttpCode(200)
  @Roles('volunteer')
  leave(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: LeaveDto): Promise<ParcelTaskView> {
    return this.parcels.leaveAtDoor(actor, id, dto.photoFileId);
  }

  @Post('volunteer/tasks/:id/fail')
  @HttpCode(200)
  @Roles('volunteer')
  fail(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: FailDto): Promise<ParcelTaskView> {
    return this.parcels.fail(actor, id, dto.reason);
  }

  @Get('staff/volunteers')
  @Roles('staff', 'supervisor')
  volunteers(@CurrentActor() actor: Actor): Promise<VolunteerRow[]> {
    return this.parcels.volunteers(actor);
  }

  /** 评单: the household rates a delivered parcel, once. */
  @Post('parcels/:id/rating')
  @HttpCode(200)
  rate(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: RateDto): Promise<ParcelSummary> {
    return this.parcels.rate(actor, id, dto.stars, dto.comment);
  }

  /** The household confirms a contactless parcel from the photo. */
  @Post('parcels/:id/confirm')
  @HttpCode(200)
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ParcelSummary> {
    return this.parcels.confirmReceipt(actor, id);
  }

  /** The household says the contactless parcel is not at the door. */
  @Post('parcels/:id/missing')
  @HttpCode(200)
  missing(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ParcelSummary> {
    return this.parcels.reportMissing(actor, id);
  }

  @Put('staff/volunteers/:userId')
  @Roles('staff', 'supervisor')
  coverage(@CurrentActor() actor: Actor, @Param('userId', ParseIntPipe) userId: number, @Body() dto: CoverageDto): Promise<DutyView> {
    return this.parcels.setCoverage(actor, userId, dto);
  }

  @Post('staff/parcels/dispatch')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  dispatch(@CurrentActor() actor: Actor): Promise<DispatchResult> {
    return this.parcels.dispatch(actor);
  }

  /** Delivery live: by state per building, late parcels, volunteers on duty. */
  @Get('staff/parcels/overview')
  @Roles('staff', 'supervisor')
  overview(@CurrentActor() actor: Actor): Promise<DeliveryOverview> {
    return this.parcels.overview(actor);
  }

  @Get('staff/parcels')
  @Roles('staff', 'supervisor')
  list(@CurrentActor() actor: Actor, @Query() query: ParcelQueryDto): Promise<ParcelView[]> {
    return this.parcels.list(actor, query.batch);
  }

  /** Labels with signed QR codes for a batch, eight to an A4 page: one request, however many. */
  @Get('staff/parcels/labels.pdf')
  @Roles('staff', 'supervisor')
  async labels(@CurrentActor() actor: Actor, @Query() query: ParcelQueryDto): Promise<StreamableFile> {
    const pdf = await labelsPdf(await this.parcels.labels(actor, query.batch), query.batch ?? '全部');
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="labels.pdf"; filename*=UTF-8''${encodeURIComponent('包裹标签.pdf')}`,
    });
  }

  /** Pick lists per volunteer: each one's open parcels in door order, a page each. */
  @Get('staff/parcels/volunteer-sheets.pdf')
  @Roles('staff', 'supervisor')
  async volunteerSheets(@CurrentActor() actor: Actor, @Query() query: ParcelQueryDto): Promise<StreamableFile> {
    const pdf = await volunteerSheetsPdf(await this.parcels.volunteerSheets(actor, query.batch), query.batch ?? '全部');
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="volunteer-sheets.pdf"; filename*=UTF-8''${encodeURIComponent('志愿者配送单.pdf')}`,
    });
  }

  /** Adjust the plan by hand: this parcel to this volunteer, or back to the pool (null). */
  @Post('staff/parcels/:id/assign')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  assign(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: AssignDto): Promise<ParcelView> {
    return this.parcels.assign(actor, id, dto.volunteerId);
  }

  @Post('staff/parcels/:id/resolve')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  resolve(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ResolveDto): Promise<ParcelView> {
    return this.parcels.resolve(actor, id, dto.to);
  }

  /** One parcel with its audit timeline: who did what, when, from which scan. (After the .pdf routes: ':id' would take them.) */
  @Get('staff/parcels/:id')
  @Roles('staff', 'supervisor')
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ParcelDetail> {
    return this.parcels.detail(actor, id);
  }
}
