import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CommunityModule } from '../community/community.module';
import { OrdersController } from './orders.controller';
import { OrderExpiry } from './order-expiry';
import { OrdersService } from './orders.service';

/** Supply orders. */
@Module({
  imports: [CommunityModule, CatalogModule],
  controllers: [OrdersController],
  providers: [OrdersService, OrderExpiry],
  exports: [OrdersService],
})
export class OrdersModule {}
