import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { MessagesModule } from '../messages/messages.module';
import { ParcelsModule } from '../parcels/parcels.module';
import { RosterHoursService } from './roster-hours.service';
import { RostersController } from './rosters.controller';
import { RostersService } from './rosters.service';
import { ShiftReminder } from './shift-reminder';

/** Volunteer rosters (issue 19): posts and their QR posters, shifts, check-in and out, the hours ledger. */
@Module({
  imports: [CommunityModule, MessagesModule, ParcelsModule],
  controllers: [RostersController],
  providers: [RostersService, RosterHoursService, ShiftReminder],
})
export class RostersModule {}
