import { Module } from '@nestjs/common';
import { CommunityModule } from '../../community/community.module';
import { OrdersModule } from '../../orders/orders.module';
import { ParcelsModule } from '../../parcels/parcels.module';
import { PharmacyModule } from '../../pharmacy/pharmacy.module';
import { ProxyModule } from '../proxy.module';
import { ProxyDeliveriesController } from './proxy-deliveries.controller';
import { ProxyDeliveriesService } from './proxy-deliveries.service';

/**
 * The proxy's page of a household's deliveries (issue 18). Its own module because it reads the
 * flows that import ProxyModule (orders, medicine, parcels): ProxyModule itself stays below them.
 */
@Module({
  imports: [CommunityModule, OrdersModule, ParcelsModule, PharmacyModule, ProxyModule],
  controllers: [ProxyDeliveriesController],
  providers: [ProxyDeliveriesService],
})
export class ProxyDeliveriesModule {}
