import {
  QUIZ_MAX_OPTIONS,
  QUIZ_MAX_QUESTIONS,
  QUIZ_MIN_OPTIONS,
  type QuestionKind,
  type QuestionRequest,
  type QuizRequest,
  type SaveAnswerRequest,
  type SubmitAttemptRequest,
  type UpdateQuestionRequest,
  type UpdateQuizRequest,
} from '@linli/shared-types';
import { PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Omittable, trim } from '../../../../common/validators';
import { IsMoment } from '../../../catalog/dto/catalog.dto';

const KIND = '请选择单选题或多选题';
const TEXT = '题目要 2 到 500 个字';
const OPTIONS = `选项要 ${QUIZ_MIN_OPTIONS} 到 ${QUIZ_MAX_OPTIONS} 个，每个 1 到 100 个字`;
const CORRECT = '请选出正确的选项';
const EXPLANATION = '解析要 2 到 1000 个字';
const TAGS = '标签最多 10 个，每个 1 到 12 个字';

const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value;

/** POST /api/staff/quiz-questions */
export class QuestionDto implements QuestionRequest {
  @IsIn(['single', 'multiple'], { message: KIND })
  kind: QuestionKind;

  @Transform(trim)
  @IsString({ message: TEXT })
  @Length(2, 500, { message: TEXT })
  text: string;

  @Transform(trimEach)
  @IsArray({ message: OPTIONS })
  @ArrayMinSize(QUIZ_MIN_OPTIONS, { message: OPTIONS })
  @ArrayMaxSize(QUIZ_MAX_OPTIONS, { message: OPTIONS })
  @IsString({ each: true, message: OPTIONS })
  @Length(1, 100, { each: true, message: OPTIONS })
  options: string[];

  @IsArray({ message: CORRECT })
  @ArrayMinSize(1, { message: CORRECT })
  @ArrayMaxSize(QUIZ_MAX_OPTIONS, { message: CORRECT })
  @IsInt({ each: true, message: CORRECT })
  @Min(0, { each: true, message: CORRECT })
  @Max(QUIZ_MAX_OPTIONS - 1, { each: true, message: CORRECT })
  correct: number[];

  @Transform(trim)
  @IsString({ message: EXPLANATION })
  @Length(2, 1000, { message: EXPLANATION })
  explanation: string;

  @Omittable()
  @Transform(trimEach)
  @IsArray({ message: TAGS })
  @ArrayMaxSize(10, { message: TAGS })
  @IsString({ each: true, message: TAGS })
  @Length(1, 12, { each: true, message: TAGS })
  tags?: string[];
}

/** PATCH /api/staff/quiz-questions/:id: only the fields sent change. */
export class UpdateQuestionDto extends PartialType(QuestionDto) implements UpdateQuestionRequest {}

const TITLE = '标题要 2 到 60 个字';
const INTRO = '介绍最多 2000 个字';
const COUNT = `每次抽题 1 到 ${QUIZ_MAX_QUESTIONS} 道`;
const LIMIT = '答题时间要在 30 秒到 2 小时之间';
const ATTEMPTS = '每人可答 1 到 10 次';

/** POST /api/staff/quizzes */
export class QuizDto implements QuizRequest {
  @Transform(trim)
  @IsString({ message: TITLE })
  @Length(2, 60, { message: TITLE })
  title: string;

  @Transform(trim)
  @IsString({ message: INTRO })
  @MaxLength(2000, { message: INTRO })
  intro: string;

  @IsInt({ message: COUNT })
  @Min(1, { message: COUNT })
  @Max(QUIZ_MAX_QUESTIONS, { message: COUNT })
  questionCount: number;

  @Omittable()
  @Transform(trimEach)
  @IsArray({ message: TAGS })
  @ArrayMaxSize(10, { message: TAGS })
  @IsString({ each: true, message: TAGS })
  @Length(1, 12, { each: true, message: TAGS })
  tags?: string[];

  @IsInt({ message: LIMIT })
  @Min(30, { message: LIMIT })
  @Max(7200, { message: LIMIT })
  timeLimitSeconds: number;

  @IsInt({ message: ATTEMPTS })
  @Min(1, { message: ATTEMPTS })
  @Max(10, { message: ATTEMPTS })
  attemptsAllowed: number;

  @IsMoment('开始时间不对')
  opensAt: string;

  @IsMoment('结束时间不对')
  closesAt: string;
}

/** PATCH /api/staff/quizzes/:id */
export class UpdateQuizDto extends PartialType(QuizDto) implements UpdateQuizRequest {}

const CHOSEN = '请选择选项';

/** POST /api/quiz-attempts/:id/answers */
export class SaveAnswerDto implements SaveAnswerRequest {
  @IsInt({ message: '题号不对' })
  @Min(0, { message: '题号不对' })
  @Max(QUIZ_MAX_QUESTIONS - 1, { message: '题号不对' })
  position: number;

  @IsArray({ message: CHOSEN })
  @ArrayMinSize(1, { message: CHOSEN })
  @ArrayMaxSize(QUIZ_MAX_OPTIONS, { message: CHOSEN })
  @IsInt({ each: true, message: CHOSEN })
  @Min(0, { each: true, message: CHOSEN })
  @Max(QUIZ_MAX_OPTIONS - 1, { each: true, message: CHOSEN })
  chosen: number[];
}

/** POST /api/quiz-attempts/:id/submit */
export class SubmitAttemptDto implements SubmitAttemptRequest {
  @Omittable()
  @IsArray({ message: CHOSEN })
  @ArrayMaxSize(QUIZ_MAX_QUESTIONS, { message: CHOSEN })
  @ValidateNested({ each: true })
  @Type(() => SaveAnswerDto)
  answers?: SaveAnswerDto[];
}
