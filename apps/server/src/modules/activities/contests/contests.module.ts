import { Module } from '@nestjs/common';
import { WechatModule } from '../../../wechat/wechat.module';
import { CommunityModule } from '../../community/community.module';
import { FilesModule } from '../../files/files.module';
import { MessagesModule } from '../../messages/messages.module';
import { NotifyModule } from '../../notify/notify.module';
import { ContentCheckService } from './content-check.service';
import { ContestEntriesService } from './contest-entries.service';
import { ContestViews } from './contest-views';
import { ContestsController } from './contests.controller';
import { ContestsService } from './contests.service';

/** Contests: entries checked by WeChat's content security and staff, votes or judges, published rankings; winners for prizes. */
@Module({
  imports: [CommunityModule, FilesModule, MessagesModule, NotifyModule, WechatModule],
  controllers: [ContestsController],
  providers: [ContestsService, ContestEntriesService, ContentCheckService, ContestViews],
  exports: [ContestsService],
})
export class ContestsModule {}
