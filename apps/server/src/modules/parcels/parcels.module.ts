import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { FilesModule } from '../files/files.module';
import { MessagesModule } from '../messages/messages.module';
import { NotifyModule } from '../notify/notify.module';
import { ProxyModule } from '../proxy/proxy.module';
import { AssignmentTimeout } from './assignment-timeout';
import { ContactlessConfirm } from './contactless-confirm';
import { HouseholdParcelsService } from './household-parcels.service';
import { ParcelBoardController } from './parcel-board.controller';
import { ParcelBoardService } from './parcel-board.service';
import { ParcelFlow } from './parcel-flow';
import { ParcelMessages } from './parcel-messages';
import { ParcelViews } from './parcel-views';
import { ParcelsController } from './parcels.controller';
import { ParcelsService } from './parcels.service';
import { Reassignment } from './reassignment';
import { RecruitmentController } from './recruitment.controller';
import { RecruitmentService } from './recruitment.service';
import { VolunteersController } from './volunteers.controller';
import { VolunteersService } from './volunteers.service';
import { SortingLine } from './sorting-line';

/**
 * Everything delivered: parcels and their flow, volunteers' tasks and scans, staff's board; and
 * the volunteers themselves (profiles, duty, shifts, squads, recruitment). Sources (orders,
 * medicine) hand parcels in through ParcelsService and follow them through ParcelFlow's events.
 */
@Module({
  imports: [CommunityModule, FilesModule, MessagesModule, NotifyModule, ProxyModule],
  controllers: [ParcelsController, ParcelBoardController, VolunteersController, RecruitmentController],
  providers: [
    ParcelFlow,
    ParcelMessages,
    ParcelViews,
    Reassignment,
    ParcelsService,
    HouseholdParcelsService,
    ParcelBoardService,
    VolunteersService,
    SortingLine,
    RecruitmentService,
    AssignmentTimeout,
    ContactlessConfirm,
  ],
  exports: [ParcelsService, HouseholdParcelsService, ParcelFlow, VolunteersService, SortingLine],
})
export class ParcelsModule {}
