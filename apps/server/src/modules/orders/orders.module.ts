import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CommunityModule } from '../community/community.module';
import { ParcelsModule } from '../parcels/parcels.module';
import { MessagesModule } from '../messages/messages.module';
import { PaymentsModule } from '../payments/payments.module';
import { FairShareController } from './fair-share.controller';
import { FairShareDraw } from './fair-share-draw.service';
import { FairShareService } from './fair-share.service';
import { FairShareViews } from './fair-share-views';
import { OrderExpiry } from './order-expiry';
import { OrderMessages } from './order-messages';
import { OrderReminders } from './order-reminders';
import { OrderPayable } from './order-payable';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { OrderShortages } from './order-shortages';
import { SortingController } from './sorting.controller';
import { SortingService } from './sorting.service';
import { ProxyOrdersController } from './proxy-orders.controller';
import { ProxyWindows } from './proxy-windows.service';
import { ProxyModule } from '../proxy/proxy.module';

/** Supply orders: placing, cancelling, expiry, packing into parcels, fair-share draws, pick lists; paid through payments. */
@Module({
  imports: [CommunityModule, CatalogModule, MessagesModule, ParcelsModule, PaymentsModule, ProxyModule],
  controllers: [OrdersController, FairShareController, SortingController, ProxyOrdersController],
  providers: [
    OrderShortages,
    SortingService,
    OrdersService,
    OrderPayable,
    OrderExpiry,
    FairShareService,
    FairShareDraw,
    FairShareViews,
    OrderMessages,
    OrderReminders,
    ProxyWindows,
  ],
  exports: [OrdersService],
})
export class OrdersModule {}
