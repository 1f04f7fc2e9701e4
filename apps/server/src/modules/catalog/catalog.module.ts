import { Module } from '@nestjs/common';
import { WechatModule } from '../../wechat/wechat.module';
import { CommunityModule } from '../community/community.module';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { SuppliersService } from './suppliers.service';
import { WindowEditService } from './window-edit.service';
import { WindowZones } from './window-zones';

/** Suppliers, items, ordering windows and their stock. */
@Module({
  imports: [CommunityModule, WechatModule],
  controllers: [CatalogController],
  providers: [CatalogService, SuppliersService, WindowEditService, WindowZones],
  exports: [CatalogService, SuppliersService],
})
export class CatalogModule {}
