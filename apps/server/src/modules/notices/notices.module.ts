import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { FilesModule } from '../files/files.module';
import { NoticeBoardService } from './notice-board.service';
import { NoticeViews } from './notice-views';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

/** Notices staff post to buildings or zones, read by households, with read figures per building. */
@Module({
  imports: [CommunityModule, FilesModule],
  controllers: [NoticesController],
  providers: [NoticesService, NoticeBoardService, NoticeViews],
  exports: [NoticesService],
})
export class NoticesModule {}
