import { Module } from '@nestjs/common';
import { CommunityModule } from '../../community/community.module';
import { MessagesModule } from '../../messages/messages.module';
import { ProxyModule } from '../../proxy/proxy.module';
import { ClassBoardService } from './class-board.service';
import { ClassPlacesService } from './class-places.service';
import { ClassProxyService } from './class-proxy.service';
import { ClassReminder } from './class-reminder';
import { ClassViews } from './class-views';
import { ClassesController } from './classes.controller';
import { ClassesService } from './classes.service';

/** Online classes: scheduling, sign-ups with a waiting list, reminders 15 minutes before, replays. */
@Module({
  imports: [CommunityModule, MessagesModule, ProxyModule],
  controllers: [ClassesController],
  providers: [ClassesService, ClassBoardService, ClassPlacesService, ClassProxyService, ClassViews, ClassReminder],
})
export class ClassesModule {}
