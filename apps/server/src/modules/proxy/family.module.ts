import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { MessagesModule } from '../messages/messages.module';
import { FamilyController } from './family.controller';
import { FamilyBindingsService } from './family-bindings.service';

/** 家属 (issue 18): a family member living elsewhere binds to a household; staff decide. Below help and proxy. */
@Module({
  imports: [CommunityModule, MessagesModule],
  controllers: [FamilyController],
  providers: [FamilyBindingsService],
  exports: [FamilyBindingsService],
})
export class FamilyModule {}
