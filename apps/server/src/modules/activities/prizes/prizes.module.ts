import { Module } from '@nestjs/common';
import { CommunityModule } from '../../community/community.module';
import { MessagesModule } from '../../messages/messages.module';
import { ParcelsModule } from '../../parcels/parcels.module';
import { ContestsModule } from '../contests/contests.module';
import { QuizzesModule } from '../quizzes/quizzes.module';
import { PrizesController } from './prizes.controller';
import { PrizesService } from './prizes.service';

/** Prizes for contest winners and a quiz's top N, delivered as parcels. */
@Module({
  imports: [CommunityModule, MessagesModule, ParcelsModule, ContestsModule, QuizzesModule],
  controllers: [PrizesController],
  providers: [PrizesService],
})
export class PrizesModule {}
