import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CommunityModule } from '../community/community.module';
import { MessagesModule } from '../messages/messages.module';
import { ParcelsModule } from '../parcels/parcels.module';
import { CareCampaignsController } from './campaigns/care-campaigns.controller';
import { CareCampaignsService } from './campaigns/care-campaigns.service';
import { TransportModule } from './transport/transport.module';

/** No household left out (issue 18): care campaigns and patient transport. */
@Module({
  imports: [CatalogModule, CommunityModule, MessagesModule, ParcelsModule, TransportModule],
  controllers: [CareCampaignsController],
  providers: [CareCampaignsService],
})
export class CareModule {}
