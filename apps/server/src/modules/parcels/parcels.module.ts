import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { ParcelsController } from './parcels.controller';
import { ParcelsService } from './parcels.service';

/** Everything delivered: parcels, dispatch, volunteer tasks, scans. */
@Module({ imports: [CommunityModule], controllers: [ParcelsController], providers: [ParcelsService], exports: [ParcelsService] })
export class ParcelsModule {}
