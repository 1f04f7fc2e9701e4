import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { ParcelsModule } from '../parcels/parcels.module';
import { PharmacyModule } from '../pharmacy/pharmacy.module';
import { InvitesService } from './invites.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';

/**
 * People and their roles in a community: invite codes for staff, supervisors and squad
 * leaders, the list of role holders, revoking a role. Above community (roles), parcels
 * (squads) and pharmacy (pharmacists): it reads and writes those through their services.
 */
@Module({
  imports: [CommunityModule, ParcelsModule, PharmacyModule],
  controllers: [PeopleController],
  providers: [InvitesService, PeopleService],
})
export class PeopleModule {}
