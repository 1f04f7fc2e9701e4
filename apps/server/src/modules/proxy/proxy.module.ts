import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { MessagesModule } from '../messages/messages.module';
import { FamilyBindingsService } from './family-bindings.service';
import { GridWorkerDirectory } from './grid-workers';
import { ProxyAccess } from './proxy-access';
import { ProxyController } from './proxy.controller';

/**
 * Acting for a household (issue 18): who may (staff, its grid worker, its 家属) in one place,
 * and the 家属 bindings staff approve. Flows that act for a household import this module.
 */
@Module({
  imports: [CommunityModule, MessagesModule],
  controllers: [ProxyController],
  providers: [ProxyAccess, GridWorkerDirectory, FamilyBindingsService],
  exports: [ProxyAccess, GridWorkerDirectory],
})
export class ProxyModule {}
