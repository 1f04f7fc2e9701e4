import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { FilesModule } from '../files/files.module';
import { MessagesModule } from '../messages/messages.module';
import { NoticeAnnouncer } from './notice-announcer';
import { NoticeBoardService } from './notice-board.service';
import { NoticeViews } from './notice-views';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

/** Notices staff post to buildings or zones, read by households, with read figures per building; urgent ones also a message. */
@Module({
  imports: [CommunityModule, FilesModule, MessagesModule],
  controllers: [NoticesController],
  providers: [NoticesService, NoticeBoardService, NoticeViews, NoticeAnnouncer],
  exports: [NoticesService],
})
export class NoticesModule {}
