import type { AttemptStatus, QuestionKind, QuizRankRule } from '@linli/shared-types';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A question of a community's bank. Edits and archiving never touch attempts that drew it (they hold a copy). */
@Entity('quiz_questions')
export class QuizQuestion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 10 })
  kind: QuestionKind;

  @Column({ type: 'varchar', length: 500 })
  text: string;

  /** JSON array of 2 to 6 option texts. */
  @Column({ type: 'text' })
  options: string;

  /** Indexes of the correct options, stored as "0,2". */
  @Column({ type: 'varchar', length: 20 })
  correct: string;

  @Column({ type: 'text' })
  explanation: string;

  /** Tags stored as ",防疫知识,急救,": drawing by tag is a LIKE on ",tag,". */
  @Column({ type: 'varchar', length: 500, default: '' })
  tags: string;

  /** Archived: drawn no more. */
  @Column({ name: 'archived_at', type: 'datetime', precision: 3, nullable: true })
  archivedAt: Date | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** A quiz: how many questions each attempt draws and from which tags, its time limit, attempts and open times. */
@Entity('quizzes')
export class Quiz {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  intro: string;

  @Column({ name: 'question_count', type: 'int' })
  questionCount: number;

  /** Draw from questions with any of these tags (",急救,心理,"); empty: the whole bank. */
  @Column({ type: 'varchar', length: 500, default: '' })
  tags: string;

  @Column({ name: 'time_limit_seconds', type: 'int' })
  timeLimitSeconds: number;

  @Column({ name: 'attempts_allowed', type: 'int' })
  attemptsAllowed: number;

  @Column({ name: 'opens_at', type: 'datetime', precision: 3 })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'datetime', precision: 3 })
  closesAt: Date;

  @Column({ name: 'rank_rule', type: 'varchar', length: 20 })
  rankRule: QuizRankRule;

  /** The grace after a deadline during which answers still count, as stated to people when they start. */
  @Column({ name: 'grace_seconds', type: 'int' })
  graceSeconds: number;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/**
 * One attempt of one person at a quiz. (quiz_id, user_id, attempt_no) is unique: two starts at
 * the same moment cannot both take the same attempt number, so nobody gets an extra attempt.
 */
@Entity('quiz_attempts')
export class QuizAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'quiz_id', type: 'int' })
  quizId: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'household_id', type: 'int' })
  householdId: number;

  /** The household's building at the start: participation is counted per building. */
  @Column({ name: 'building_id', type: 'int' })
  buildingId: number;

  @Column({ name: 'attempt_no', type: 'int' })
  attemptNo: number;

  @Column({ type: 'varchar', length: 12 })
  status: AttemptStatus;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  /** The server's deadline: the time limit after the start, never after the quiz closes. */
  @Column({ name: 'deadline_at', type: 'datetime', precision: 3 })
  deadlineAt: Date;

  /** When it was submitted; for one never submitted and scored later, its deadline. */
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  score: number | null;

  @Column({ type: 'int' })
  total: number;

  @Column({ name: 'time_taken_ms', type: 'int', nullable: true })
  timeTakenMs: number | null;

  /** Submitted after the deadline and its grace, or never submitted. */
  @Column({ type: 'boolean', default: false })
  late: boolean;

  /** JSON PaperQuestion[]: the questions drawn, with their answers. Never sent as such. */
  @Column({ type: 'text' })
  paper: string;
}

/** An answer saved during an attempt: one per question (a unique key), with the server's time it arrived. */
@Entity('quiz_answers')
export class QuizAnswer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'attempt_id', type: 'int' })
  attemptId: number;

  @Column({ type: 'int' })
  position: number;

  /** Indexes of the chosen options as shown, "0,2". */
  @Column({ type: 'varchar', length: 20 })
  chosen: string;

  @Column({ name: 'saved_at', type: 'datetime', precision: 3 })
  savedAt: Date;
}
