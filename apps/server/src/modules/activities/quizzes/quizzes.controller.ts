import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  AnswerSaved,
  AttemptView,
  QuizLeaderboard,
  QuizView,
  StaffAttemptRow,
  StaffQuestionView,
  StaffQuizView,
} from '@linli/shared-types';
import { CurrentActor, Roles, type Actor } from '../../../common/actor';
import { QuestionDto, QuizDto, SaveAnswerDto, SubmitAttemptDto, UpdateQuestionDto, UpdateQuizDto } from './dto/quizzes.dto';
import { QuestionBankService } from './question-bank.service';
import { QuizAttemptsService } from './quiz-attempts.service';
import { QuizzesService } from './quizzes.service';

@ApiTags('quizzes')
@ApiBearerAuth()
@Controller()
export class QuizzesController {
  constructor(
    private readonly quizzes: QuizzesService,
    private readonly attempts: QuizAttemptsService,
    private readonly bank: QuestionBankService,
  ) {}

  // ---- residents ------------------------------------------------------------------------------

  /** My community's quizzes: open, coming, and closed in the last 30 days, with my attempts and best. */
  @Get('quizzes')
  @Roles('resident')
  list(@CurrentActor() actor: Actor): Promise<QuizView[]> {
    return this.quizzes.list(actor);
  }

  @Get('quizzes/:id')
  @Roles('resident')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<QuizView> {
    return this.quizzes.get(actor, id);
  }

  /** Each person's best attempt, by score then time; doors masked, no names; my own place. */
  @Get('quizzes/:id/leaderboard')
  @Roles('resident')
  leaderboard(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<QuizLeaderboard> {
    return this.quizzes.leaderboard(actor, id);
  }

  /** Start an attempt (or resume my running one): the server draws the questions and sets the deadline. */
  @Post('quizzes/:id/attempts')
  @Roles('resident')
  start(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<AttemptView> {
    return this.attempts.start(actor, id);
  }

  /** My attempt: its questions (no answers) while running, with the result once submitted. */
  @Get('quiz-attempts/:id')
  @Roles('resident')
  attempt(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<AttemptView> {
    return this.attempts.get(actor, id);
  }

  /** Save one question's answer; after the deadline (and its grace) refused. */
  @Post('quiz-attempts/:id/answers')
  @HttpCode(200)
  @Roles('resident')
  save(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: SaveAnswerDto): Promise<AnswerSaved> {
    return this.attempts.save(actor, id, dto);
  }

  /** Submit: scored by the late rule; the answer brings the score, the correct answers and the explanations. */
  @Post('quiz-attempts/:id/submit')
  @HttpCode(200)
  @Roles('resident')
  submit(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: SubmitAttemptDto): Promise<AttemptView> {
    return this.attempts.submit(actor, id, dto);
  }

  // ---- staff: question bank -------------------------------------------------------------------

  @Get('staff/quiz-questions')
  @Roles('staff', 'supervisor')
  questions(@CurrentActor() actor: Actor, @Query('archived') archived?: string): Promise<StaffQuestionView[]> {
    return this.bank.list(actor, archived === 'true' || archived === '1');
  }

  @Post('staff/quiz-questions')
  @Roles('staff', 'supervisor')
  addQuestion(@CurrentActor() actor: Actor, @Body() dto: QuestionDto): Promise<StaffQuestionView> {
    return this.bank.create(actor, dto);
  }

  @Get('staff/quiz-questions/:id')
  @Roles('staff', 'supervisor')
  question(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StaffQuestionView> {
    return this.bank.get(actor, id);
  }

  /** Edit a question: attempts that drew it keep their copy. */
  @Patch('staff/quiz-questions/:id')
  @Roles('staff', 'supervisor')
  editQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateQuestionDto,
  ): Promise<StaffQuestionView> {
    return this.bank.update(actor, id, dto);
  }

  /** Archive: drawn no more. */
  @Post('staff/quiz-questions/:id/archive')
  @HttpCode(200)
  @Roles('staff', 'supervisor')
  archiveQuestion(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StaffQuestionView> {
    return this.bank.archive(actor, id);
  }

  // ---- staff: quizzes -------------------------------------------------------------------------

  @Get('staff/quizzes')
  @Roles('staff', 'supervisor')
  staffList(@CurrentActor() actor: Actor): Promise<StaffQuizView[]> {
    return this.quizzes.staffList(actor);
  }

  @Post('staff/quizzes')
  @Roles('staff', 'supervisor')
  create(@CurrentActor() actor: Actor, @Body() dto: QuizDto): Promise<StaffQuizView> {
    return this.quizzes.create(actor, dto);
  }

  @Get('staff/quizzes/:id')
  @Roles('staff', 'supervisor')
  staffGet(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StaffQuizView> {
    return this.quizzes.staffGet(actor, id);
  }

  @Patch('staff/quizzes/:id')
  @Roles('staff', 'supervisor')
  update(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateQuizDto): Promise<StaffQuizView> {
    return this.quizzes.update(actor, id, dto);
  }

  /** Every attempt: who (name and door), when, score and time, late or not. */
  @Get('staff/quizzes/:id/attempts')
  @Roles('staff', 'supervisor')
  staffAttempts(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<StaffAttemptRow[]> {
    return this.quizzes.attempts(actor, id);
  }
}
