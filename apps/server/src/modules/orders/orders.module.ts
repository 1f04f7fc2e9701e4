import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CommunityModule } from '../community/community.module';
import { OrdersController } from './orders.controller';
import { OrderExpiry } from './order-expiry';
import { FairShareController } from './fair-share.controller';
import { FairShareService } from './fair-share.service';
import { OrdersService } from './orders.service';
import { ParcelsModule } from '../parcels/parcels.module';
import { RefundSweep } from './refund-sweep';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { WechatModule } from '../../wechat/wechat.module';
import { NotifyModule } from '../notify/notify.module';

/** Supply orders. */
@Module({
  imports: [CommunityModule, CatalogModule, WechatModule, ParcelsModule, NotifyModule],
  controllers: [OrdersController, PaymentsController, FairShareController],
  providers: [OrdersService, OrderExpiry, RefundSweep, PaymentsService, FairShareService],
  // Payments serve whatever registers as payable (medicine requests too).
  exports: [OrdersService, PaymentsService],
})
export class OrdersModule {}
