import { Module } from '@nestjs/common';
import { BindingsController } from './bindings.controller';
import { BindingsService } from './bindings.service';
import { CommunityController } from './community.controller';
import { CommunitySetupService } from './community-setup.service';
import { HouseholdImportService } from './household-import.service';
import { HouseholdsService } from './households.service';
import { MeService } from './me.service';
import { StaffHouseholdsController } from './staff-households.controller';
import { UsersService } from './users.service';

/** Communities, buildings, households, users and their roles, binding. */
@Module({
  controllers: [CommunityController, BindingsController, StaffHouseholdsController],
  providers: [UsersService, HouseholdsService, BindingsService, HouseholdImportService, MeService, CommunitySetupService],
  exports: [UsersService, HouseholdsService, MeService, CommunitySetupService],
})
export class CommunityModule {}
