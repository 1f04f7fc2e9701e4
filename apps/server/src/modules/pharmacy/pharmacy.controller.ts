import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MedicineRequestView, MedicineState, PaymentCheck, PaymentParams, PharmacistInvite, PharmacyView } from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../common/actor';
import { CallsOut } from '../../common/idempotency/calls-out';
import {
  AcceptQuoteDto,
  CannotBuyDto,
  FinishedQueryDto,
  JoinPharmacyDto,
  MedicineRequestDto,
  MoveRequestDto,
  PharmacyDto,
  ProxyMedicineRequestDto,
  PurchaseDto,
  QuoteDto,
  RejectMedicineDto,
} from './dto/pharmacy.dto';
import { MedicinePayable } from './medicine-payable';
import { MedicineService } from './medicine.service';
import { PharmaciesService } from './pharmacies.service';

@ApiTags('pharmacy')
@ApiBearerAuth()
@Controller()
export class PharmacyController {
  constructor(
    private readonly medicine: MedicineService,
    private readonly pharmacies: PharmaciesService,
    private readonly payable: MedicinePayable,
  ) {}

  // ---- residents ------------------------------------------------------------------------------

  @Post('medicine-requests')
  submit(@CurrentActor() actor: Actor, @Body() dto: MedicineRequestDto): Promise<MedicineRequestView> {
    return this.medicine.submit(actor, dto, false);
  }

  /** My household's requests, newest first. */
  @Get('medicine-requests')
  mine(@CurrentActor() actor: Actor): Promise<MedicineRequestView[]> {
    return this.medicine.mine(actor);
  }

  @Get('medicine-requests/:id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<MedicineRequestView> {
    return this.medicine.get(actor, id);
  }

  @Post('medicine-requests/:id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: AcceptQuoteDto): Promise<MedicineRequestView> {
    return this.medicine.accept(actor, id, dto.itemIds);
  }

  @Post('medicine-requests/:id/decline')
  @HttpCode(200)
  decline(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<MedicineRequestView> {
    return this.medicine.decline(actor, id);
  }

  @Post('medicine-requests/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<MedicineRequestView> {
    return this.medicine.cancel(actor, id);
  }

  /** WeChat Pay for an accepted quote (pharmacies that take WeChat Pay). */
  @Post('medicine-requests/:id/pay')
  @HttpCode(200)
  @CallsOut()
  pay(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<PaymentParams> {
    return this.payable.pay(actor, id);
  }

  /** After the app's payment: asks WeChat Pay when the notification has not arrived yet. */
  @Post('medicine-requests/:id/pay/check')
  @HttpCode(200)
  @CallsOut()
  payCheck(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<PaymentCheck<MedicineState>> {
    return this.payable.payCheck(actor, id);
  }

  /** 慢性病续药: the same request again, in one tap. */
  @Post('medicine-requests/:id/repeat')
  repeat(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<MedicineRequestView> {
    return this.medicine.repeat(actor, id);
  }

  // ---- pharmacists ----------------------------------------------------------------------------

  /** With the code staff gave: become a pharmacist of that pharmacy. */
  @Post('pharmacy/join')
  @HttpCode(200)
  join(@CurrentActor() actor: Actor, @Body() dto: JoinPharmacyDto): Promise<PharmacyView> {
    return this.pharmacies.join(actor, dto.code);
  }

  @Get('pharmacy/me')
  @Roles('pharmacist')
  pharmacy(@CurrentActor() actor: Actor): Promise<PharmacyView> {
    return this.pharmacies.mineView(actor);
  }

  /** My pharmacy's queue, most urgent first (?show=finished for the done ones). */
  @Get('pharmacy/requests')
  @Roles('pharmacist')
  queue(@CurrentActor() actor: Actor, @Query() query: FinishedQueryDto): Promise<MedicineRequestView[]> {
    return this.medicine.queue(actor, query.show === 'finished');
  }

  @Get('pharmacy/requests/:id')
  @Roles('pharmacist')
  pharmacyGet(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<MedicineRequestView> {
    return this.medicine.pharmacyGet(actor, id);
  }

  @Post('pharmacy/requests/:id/quote')
  @HttpCode(200)
  @Roles('pharmacist')
  quote(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: QuoteDto): Promise<MedicineRequestView> {
    return this.medicine.quote(actor, id, dto);
  }

  @Post('pharmacy/requests/:id/reject')
  @HttpCode(200)
  @Roles('pharmacist')
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RejectMedicineDto,
  ): Promise<MedicineRequestView> {
    return this.medicine.reject(actor, id, dto.reason);
  }

  /** The pharmacy cannot buy what the household confirmed: with a reason; paid money goes back. */
  @Post('pharmacy/requests/:id/cannot-buy')
  @HttpCode(200)
  @Roles('pharmacist')
  cannotBuy(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: CannotBuyDto): Promise<MedicineRequestView> {
    return this.medicine.cannotBuy(actor, id, dto.reason);
  }

  /** Bought (receipt photo uploaded first, purpose `receipt`): it becomes a parcel. */
  @Post('pharmacy/requests/:id/purchase')
  @HttpCode(200)
  @Roles('pharmacist')
  purchase(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: PurchaseDto): Promise<MedicineRequestView> {
    return this.medicine.purchase(actor, id, dto.receiptFileId);
  }

  // ---- staff ----------------------------------------------------------------------------------

  @Post('staff/pharmacies')
  @Roles('staff', 'supervisor')
  createPharmacy(@CurrentActor() actor: Actor, @Body() dto: PharmacyDto): Promise<PharmacyView> {
    return this.pharmacies.create(actor, dto);
  }

  @Get('staff/pharmacies')
  @Roles('staff', 'supervisor')
  pharmaciesList(@CurrentActor() actor: Actor): Promise<PharmacyView[]> {
    return this.pharmacies.list(actor);
  }

  @Put('staff/pharmacies/:id')
  @Roles('staff', 'supervisor')
  updatePharmacy(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: PharmacyDto): Promise<PharmacyView> {
    return this.pharmacies.update(actor, id, dto);
  }

  /** A one-time code for a pharmacist to join this pharmacy. */
  @Post('staff/pharmacies/:id/invite')
  @Roles('staff', 'supervisor')
  invite(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<PharmacistInvite> {
    return this.pharmacies.invite(actor, id);
  }

  /** Medicine requests of the community, escalated first (?show=overdue for only those). */
  @Get('staff/medicine-requests')
  @Roles('staff', 'supervisor')
  staffList(@CurrentActor() actor: Actor, @Query() query: FinishedQueryDto): Promise<MedicineRequestView[]> {
    return this.medicine.staffList(actor, query.show === 'overdue');
  }

  /** A request for a household without a smartphone (audited, shows 代登记). */
  @Post('staff/medicine-requests')
  @Roles('staff', 'supervisor')
  proxy(@CurrentActor() actor: Actor, @Body() dto: ProxyMedicineRequestDto): Promise<MedicineRequestView> {
    return this.medicine.submit(actor, dto, true);
  }

  /** The same by anyone who may act for the household: staff, its grid worker, its 家属 (ProxyAccess decides). */
  @Post('proxy/medicine-requests')
  proxyAny(@CurrentActor() actor: Actor, @Body() dto: ProxyMedicineRequestDto): Promise<MedicineRequestView> {
    return this.medicine.submit(actor, dto, true);
  }

  /** Hand an unquoted request to another pharmacy. */
  @Post('staff/medicine-requests/:id/move')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  move(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: MoveRequestDto): Promise<MedicineRequestView> {
    return this.medicine.moveToPharmacy(actor, id, dto.pharmacyId);
  }
}
