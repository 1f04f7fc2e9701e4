import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { FilesModule } from '../files/files.module';
import { NotifyModule } from '../notify/notify.module';
import { AssignmentTimeout } from './assignment-timeout';
import { ContactlessConfirm } from './contactless-confirm';
import { ParcelsController } from './parcels.controller';
import { ParcelsService } from './parcels.service';
import { RecruitmentController } from './recruitment.controller';
import { RecruitmentService } from './recruitment.service';

/** Everything delivered: parcels, dispatch, volunteer tasks, scans; and the volunteers themselves. */
@Module({
  imports: [CommunityModule, FilesModule, NotifyModule],
  controllers: [ParcelsController, RecruitmentController],
  providers: [ParcelsService, RecruitmentService, AssignmentTimeout, ContactlessConfirm],
  exports: [ParcelsService],
})
export class ParcelsModule {}
