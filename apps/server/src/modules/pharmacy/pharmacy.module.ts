import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { FilesModule } from '../files/files.module';
import { OrdersModule } from '../orders/orders.module';
import { ParcelsModule } from '../parcels/parcels.module';
import { MedicineService } from './medicine.service';
import { PharmaciesService } from './pharmacies.service';
import { PharmacyController } from './pharmacy.controller';
import { QuoteExpiry } from './quote-expiry';

/** Medicine bought on residents' behalf: pharmacies, requests, quotes, purchases. */
@Module({
  imports: [CommunityModule, FilesModule, ParcelsModule, OrdersModule],
  controllers: [PharmacyController],
  providers: [PharmaciesService, MedicineService, QuoteExpiry],
})
export class PharmacyModule {}
