import { Module } from '@nestjs/common';
import { CommunityModule } from '../../community/community.module';
import { ParticipationController } from './participation.controller';
import { ParticipationService } from './participation.service';

/** Participation figures for staff's charts, read from the tables of classes, contests and quizzes. */
@Module({
  imports: [CommunityModule],
  controllers: [ParticipationController],
  providers: [ParticipationService],
})
export class ParticipationModule {}
