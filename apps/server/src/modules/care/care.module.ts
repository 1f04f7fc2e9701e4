import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CommunityModule } from '../community/community.module';
import { MessagesModule } from '../messages/messages.module';
import { ParcelsModule } from '../parcels/parcels.module';
import { CareCampaignsController } from './campaigns/care-campaigns.controller';
import { CareCampaignsService } from './campaigns/care-campaigns.service';

/** No household left out (issue 18): care campaigns. */
@Module({
  imports: [CatalogModule, CommunityModule, MessagesModule, ParcelsModule],
  controllers: [CareCampaignsController],
  providers: [CareCampaignsService],
})
export class CareModule {}
