import { Injectable } from '@nestjs/common';
import { PROXY_KIND_LABELS, type ProxyDeliveries } from '@linli/shared-types';
import type { Actor } from '../../../common/actor';
import { HouseholdsService } from '../../community/households.service';
import { OrdersService } from '../../orders/orders.service';
import { HouseholdParcelsService } from '../../parcels/household-parcels.service';
import { MedicineService } from '../../pharmacy/medicine.service';
import { ProxyAccess } from '../proxy-access';

/**
 * What a household has to do about what is brought to it, gathered for someone acting for it
 * (issue 18): the orders and medicine quotes to pay, the parcels to confirm or rate. Each list
 * comes from its owning service, with the household's buttons; the acts themselves go through
 * the household's own endpoints, which accept a proxy.
 */
@Injectable()
export class ProxyDeliveriesService {
  constructor(
    private readonly proxies: ProxyAccess,
    private readonly households: HouseholdsService,
    private readonly orders: OrdersService,
    private readonly medicine: MedicineService,
    private readonly parcels: HouseholdParcelsService,
  ) {}

  async forHousehold(actor: Actor, householdId: number): Promise<ProxyDeliveries> {
    const { household, as } = await this.proxies.require(actor, householdId);
    const door = (await this.households.doors([household.id])).get(household.id);
    const parcels = await this.parcels.awaitingHousehold(household.id);
    return {
      householdId: household.id,
      door: door ? `${door.building}${door.unit}${door.room}` : '',
      as,
      asLabel: PROXY_KIND_LABELS[as],
      // Staff pay only the orders they placed for the household (OrderPayable).
      ordersToPay: (await this.orders.toPayFor(actor, household.id)).filter(
        (o) => as !== 'staff' || (o.placedBy.proxy && o.placedBy.userId === actor.userId),
      ),
      medicineToPay: await this.medicine.toPayFor(actor, household.id),
      parcelsToConfirm: parcels.toConfirm,
      parcelsToRate: parcels.toRate,
    };
  }
}
