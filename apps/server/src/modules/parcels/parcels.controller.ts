import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OrderQrView, ParcelSummary, ParcelTaskView, TaskPhoneView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { FailDto, LeaveDto, RateDto, ScanDto } from './dto/parcels.dto';
import { HouseholdParcelsService } from './household-parcels.service';
import { ParcelsService } from './parcels.service';

/** Parcels in the hands of volunteers (tasks, scans, contactless) and of the households receiving them. */
@ApiTags('parcels')
@ApiBearerAuth()
@Controller()
export class ParcelsController {
  constructor(
    private readonly parcels: ParcelsService,
    private readonly households: HouseholdParcelsService,
  ) {}

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

  /** 已收款: the volunteer has the cash of a pay-on-delivery parcel. */
  @Post('volunteer/tasks/:id/collect')
  @HttpCode(200)
  @Roles('volunteer')
  collect(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ParcelTaskView> {
    return this.parcels.collect(actor, id);
  }

  /** The household's real number while the task is on its way (audited), to call. */
  @Post('volunteer/tasks/:id/phone')
  @HttpCode(200)
  @Roles('volunteer')
  phone(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<TaskPhoneView> {
    return this.parcels.phone(actor, id);
  }

  /** The household's code for its parcel, shown to the volunteer at the door (any source). */
  @Get('parcels/:id/qr')
  doorCode(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<OrderQrView> {
    return this.households.doorCode(actor, id);
  }

  /** 评单: the household (or a proxy for it) rates a delivered parcel, once. */
  @Post('parcels/:id/rating')
  @HttpCode(200)
  rate(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: RateDto): Promise<ParcelSummary> {
    return this.households.rate(actor, id, dto.stars, dto.comment);
  }

  /** The household (or a proxy for it: staff, its grid worker, its 家属) confirms a contactless parcel from the photo. */
  @Post('parcels/:id/confirm')
  @HttpCode(200)
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ParcelSummary> {
    return this.households.confirmReceipt(actor, id);
  }

  /** The household (or a proxy for it) says the contactless parcel is not at the door. */
  @Post('parcels/:id/missing')
  @HttpCode(200)
  missing(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ParcelSummary> {
    return this.households.reportMissing(actor, id);
  }
}
