import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';

/** Suppliers, items, ordering windows and their stock. */
@Module({ imports: [CommunityModule], controllers: [CatalogController], providers: [CatalogService], exports: [CatalogService] })
export class CatalogModule {}
