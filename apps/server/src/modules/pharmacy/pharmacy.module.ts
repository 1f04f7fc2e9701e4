import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { FilesModule } from '../files/files.module';
import { MessagesModule } from '../messages/messages.module';
import { ParcelsModule } from '../parcels/parcels.module';
import { PaymentsModule } from '../payments/payments.module';
import { MedicineFlow } from './medicine-flow';
import { MedicineMessages } from './medicine-messages';
import { MedicineReminders } from './medicine-reminders';
import { MedicinePayable } from './medicine-payable';
import { MedicineService } from './medicine.service';
import { ProxyModule } from '../proxy/proxy.module';
import { MedicineViews } from './medicine-views';
import { PharmaciesService } from './pharmacies.service';
import { PharmacyController } from './pharmacy.controller';
import { PharmacyZones } from './pharmacy-zones';
import { QuoteExpiry } from './quote-expiry';

/** Medicine bought on residents' behalf: pharmacies, requests, quotes, purchases; paid through payments. */
@Module({
  imports: [CommunityModule, FilesModule, MessagesModule, ParcelsModule, PaymentsModule, ProxyModule],
  controllers: [PharmacyController],
  providers: [
    PharmaciesService,
    MedicineService,
    MedicineFlow,
    MedicineViews,
    MedicinePayable,
    QuoteExpiry,
    PharmacyZones,
    MedicineMessages,
    MedicineReminders,
  ],
  exports: [PharmaciesService, MedicineService],
})
export class PharmacyModule {}
