import { Module } from '@nestjs/common';
import { BindingsController } from './bindings.controller';
import { BindingsService } from './bindings.service';
import { BuildingsService } from './buildings.service';
import { CommunityController } from './community.controller';
import { CommunitySetupService } from './community-setup.service';
import { HouseholdImportService } from './household-import.service';
import { HouseholdsService } from './households.service';
import { MeService } from './me.service';
import { PreferencesService } from './preferences.service';
import { MessagesModule } from '../messages/messages.module';
import { StaffBuildingsController } from './staff-buildings.controller';
import { StaffHouseholdsController } from './staff-households.controller';
import { UsersService } from './users.service';
import { ZonesService } from './zones.service';

/** Communities, buildings, households, users and their roles, binding. */
@Module({
  imports: [MessagesModule],
  controllers: [CommunityController, BindingsController, StaffHouseholdsController, StaffBuildingsController],
  providers: [
    UsersService,
    HouseholdsService,
    BindingsService,
    HouseholdImportService,
    MeService,
    PreferencesService,
    CommunitySetupService,
    BuildingsService,
    ZonesService,
  ],
  exports: [UsersService, HouseholdsService, MeService, CommunitySetupService, ZonesService],
})
export class CommunityModule {}
