import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CashRow, DeliveryOverview, DispatchResult, Page, ParcelDetail, ParcelView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { AssignDto, CancelParcelDto, ParcelQueryDto, ResolveDto, StaffParcelQueryDto } from './dto/parcels.dto';
import { labelsPdf, volunteerSheetsPdf } from './labels';
import { ParcelBoardService } from './parcel-board.service';

/** Staff's delivery board: dispatch, adjustments, failed parcels, the live overview, labels and pick lists. */
@ApiTags('parcels')
@ApiBearerAuth()
@Controller()
export class ParcelBoardController {
  constructor(private readonly board: ParcelBoardService) {}

  @Post('staff/parcels/dispatch')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  dispatch(@CurrentActor() actor: Actor): Promise<DispatchResult> {
    return this.board.dispatch(actor);
  }

  /** Delivery live: by state per building, late parcels, volunteers on duty. */
  @Get('staff/parcels/overview')
  @Roles('staff', 'supervisor')
  overview(@CurrentActor() actor: Actor): Promise<DeliveryOverview> {
    return this.board.overview(actor);
  }

  /** Cash at the doors per volunteer: collected, delivered without 已收款, still in hand. */
  @Get('staff/parcels/cash')
  @Roles('staff', 'supervisor')
  cash(@CurrentActor() actor: Actor): Promise<CashRow[]> {
    return this.board.cash(actor);
  }

  @Get('staff/parcels')
  @Roles('staff', 'supervisor')
  list(@CurrentActor() actor: Actor, @Query() query: StaffParcelQueryDto): Promise<Page<ParcelView>> {
    return this.board.list(actor, query);
  }

  /** Labels with signed QR codes for a batch, eight to an A4 page: one request, however many. */
  @Get('staff/parcels/labels.pdf')
  @ApiProduces('application/pdf')
  @Roles('staff', 'supervisor')
  async labels(@CurrentActor() actor: Actor, @Query() query: ParcelQueryDto): Promise<StreamableFile> {
    const pdf = await labelsPdf(this.board.labels(actor, query.batch), query.batch ?? '全部');
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="labels.pdf"; filename*=UTF-8''${encodeURIComponent('包裹标签.pdf')}`,
    });
  }

  /** Pick lists per volunteer: each one's open parcels in door order, a page each. */
  @Get('staff/parcels/volunteer-sheets.pdf')
  @ApiProduces('application/pdf')
  @Roles('staff', 'supervisor')
  async volunteerSheets(@CurrentActor() actor: Actor, @Query() query: ParcelQueryDto): Promise<StreamableFile> {
    const pdf = await volunteerSheetsPdf(await this.board.volunteerSheets(actor, query.batch), query.batch ?? '全部');
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
    return this.board.assign(actor, id, dto.volunteerId);
  }

  @Post('staff/parcels/:id/resolve')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  resolve(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ResolveDto): Promise<ParcelView> {
    return this.board.resolve(actor, id, dto.to);
  }

  /** A parcel that came back is cancelled with a reason: its orders or medicine are cancelled and refunded. */
  @Post('staff/parcels/:id/cancel')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: CancelParcelDto): Promise<ParcelView> {
    return this.board.cancel(actor, id, dto.reason);
  }

  /** One parcel with its audit timeline: who did what, when, from which scan. (After the .pdf routes: ':id' would take them.) */
  @Get('staff/parcels/:id')
  @Roles('staff', 'supervisor')
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ParcelDetail> {
    return this.board.detail(actor, id);
  }
}
