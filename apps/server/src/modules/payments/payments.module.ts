import { Module } from '@nestjs/common';
import { WechatModule } from '../../wechat/wechat.module';
import { CommunityModule } from '../community/community.module';
import { NotifyModule } from '../notify/notify.module';
import { ParcelsModule } from '../parcels/parcels.module';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { RefundSweep } from './refund-sweep';

/**
 * WeChat Pay for whatever registers a Payable (supply orders, medicine requests): prepay,
 * notifications, refunds, and the shipping report when a paid parcel leaves with a volunteer.
 */
@Module({
  imports: [CommunityModule, WechatModule, NotifyModule, ParcelsModule],
  controllers: [PaymentsController],
  providers: [PaymentsService, RefundSweep],
  exports: [PaymentsService],
})
export class PaymentsModule {}
