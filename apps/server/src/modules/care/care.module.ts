import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CommunityModule } from '../community/community.module';
import { MessagesModule } from '../messages/messages.module';
import { OrdersModule } from '../orders/orders.module';
import { ParcelsModule } from '../parcels/parcels.module';
import { PharmacyModule } from '../pharmacy/pharmacy.module';
import { ProxyModule } from '../proxy/proxy.module';
import { CareCampaignsController } from './campaigns/care-campaigns.controller';
import { CareCampaignsService } from './campaigns/care-campaigns.service';
import { CareLedgerController } from './ledger/care-ledger.controller';
import { CareLedgerService } from './ledger/care-ledger.service';
import { TransportModule } from './transport/transport.module';

/** No household left out (issue 18): care campaigns, the daily care ledger, patient transport. */
@Module({
  imports: [CatalogModule, CommunityModule, MessagesModule, OrdersModule, ParcelsModule, PharmacyModule, ProxyModule, TransportModule],
  controllers: [CareCampaignsController, CareLedgerController],
  providers: [CareCampaignsService, CareLedgerService],
})
export class CareModule {}
