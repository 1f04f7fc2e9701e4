import { Module } from '@nestjs/common';
import { CommunityModule } from '../../community/community.module';
import { QuestionBankService } from './question-bank.service';
import { QuizAttemptsService } from './quiz-attempts.service';
import { QuizScoring } from './quiz-scoring';
import { QuizzesController } from './quizzes.controller';
import { QuizzesService } from './quizzes.service';

/** Quizzes: the question bank, quizzes, attempts on the server's clock, the leaderboard; prizes ask it for winners. */
@Module({
  imports: [CommunityModule],
  controllers: [QuizzesController],
  providers: [QuizzesService, QuizAttemptsService, QuestionBankService, QuizScoring],
  exports: [QuizzesService],
})
export class QuizzesModule {}
