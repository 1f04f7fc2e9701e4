import { Module } from '@nestjs/common';
import { WechatModule } from '../../wechat/wechat.module';
import { CommunityModule } from '../community/community.module';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { SuppliersService } from './suppliers.service';
import { WindowEditService } from './window-edit.service';

/** Suppliers, items, ordering windows and their stock. */
@Module({
  imports: [CommunityModule, WechatModule],
  controllers: [CatalogController],
  providers: [CatalogService, SuppliersService, WindowEditService],
  exports: [CatalogService, SuppliersService],
})
export class CatalogModule {}
