import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { ParcelsController } from './parcels.controller';
import { AssignmentTimeout } from './assignment-timeout';
import { ParcelsService } from './parcels.service';

/** Everything delivered: parcels, dispatch, volunteer tasks, scans. */
@Module({
  imports: [CommunityModule],
  controllers: [ParcelsController],
  providers: [ParcelsService, AssignmentTimeout],
  exports: [ParcelsService],
})
export class ParcelsModule {}
