import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { HelpModule } from '../help/help.module';
import { MessagesModule } from '../messages/messages.module';
import { FamilyModule } from './family.module';
import { GridWorkerDirectory } from './grid-workers';
import { ProxyAccess } from './proxy-access';
import { ProxyController } from './proxy.controller';
import { ProxyHouseholdsService } from './proxy-households.service';
import { ProxyMessages } from './proxy-messages';

/**
 * Acting for a household (issue 18): who may — staff, its grid worker (the help team's 网格员),
 * its 家属 — decided in one place. Flows that act for a household import this module.
 */
@Module({
  imports: [CommunityModule, FamilyModule, HelpModule, MessagesModule],
  controllers: [ProxyController],
  providers: [ProxyAccess, GridWorkerDirectory, ProxyHouseholdsService, ProxyMessages],
  exports: [ProxyAccess, GridWorkerDirectory, ProxyMessages],
})
export class ProxyModule {}
