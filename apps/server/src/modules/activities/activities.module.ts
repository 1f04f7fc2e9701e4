import { Module } from '@nestjs/common';
import { ClassesModule } from './classes/classes.module';
import { ParticipationModule } from './participation/participation.module';
import { QuizzesModule } from './quizzes/quizzes.module';
import { ContestsModule } from './contests/contests.module';
import { PrizesModule } from './prizes/prizes.module';

/**
 * Online activities: classes (sign-ups, waiting list, reminders), contests (entries checked by
 * WeChat's content security, moderation, votes), quizzes (server-drawn questions, server clock,
 * leaderboard), and prizes delivered to winners as parcels. Each part is a module of its own.
 */
@Module({
  imports: [ClassesModule, QuizzesModule, ContestsModule, PrizesModule, ParticipationModule],
})
export class ActivitiesModule {}
