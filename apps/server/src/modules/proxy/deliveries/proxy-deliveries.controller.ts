import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ProxyDeliveries } from '@linli/shared-types';
import { CurrentActor, type Actor } from '../../../common/actor';
import { ProxyDeliveriesService } from './proxy-deliveries.service';

@ApiTags('proxy')
@ApiBearerAuth()
@Controller()
export class ProxyDeliveriesController {
  constructor(private readonly deliveries: ProxyDeliveriesService) {}

  /** A household's orders and medicine to pay and parcels to confirm or rate, for staff, its grid worker or its 家属. */
  @Get('proxy/households/:householdId/deliveries')
  forHousehold(@CurrentActor() actor: Actor, @Param('householdId', ParseIntPipe) householdId: number): Promise<ProxyDeliveries> {
    return this.deliveries.forHousehold(actor, householdId);
  }
}
