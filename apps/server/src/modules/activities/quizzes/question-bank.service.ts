import { Injectable } from '@nestjs/common';
import type { QuestionKind, QuestionRequest, StaffQuestionView, UpdateQuestionRequest } from '@linli/shared-types';
import { IsNull } from 'typeorm';
import { staffCommunity } from '../../../common/access';
import type { Actor } from '../../../common/actor';
import { AuditService } from '../../../common/audit/audit.service';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { DomainError } from '../../../common/domain-error';
import { QuizQuestion } from './entities/quiz.entity';
import { bankQuestion, drawsFrom, joinIndexes, joinTags, questionView } from './quiz-codec';
import type { BankQuestion } from './quiz-rules';

/**
 * The question bank, staff's side: write, edit and archive questions of their own community.
 * Attempts hold a copy of what they drew, so an edit or an archive never changes a paper.
 */
@Injectable()
export class QuestionBankService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, archived: boolean): Promise<StaffQuestionView[]> {
    const communityId = staffCommunity(actor);
    const rows = await this.db.repo(QuizQuestion).find({ where: { communityId }, order: { id: 'DESC' }, take: 1000 });
    return rows.filter((r) => (r.archivedAt !== null) === archived).map(questionView);
  }

  async get(actor: Actor, id: number): Promise<StaffQuestionView> {
    return questionView(await this.staffQuestion(actor, id));
  }

  async create(actor: Actor, dto: QuestionRequest): Promise<StaffQuestionView> {
    const communityId = staffCommunity(actor);
    checkQuestion(dto.kind, dto.options, dto.correct);
    const now = this.clock.now();
    const row = await this.db.repo(QuizQuestion).save({
      communityId,
      kind: dto.kind,
      text: dto.text,
      options: JSON.stringify(dto.options),
      correct: joinIndexes(dto.correct),
      explanation: dto.explanation,
      tags: joinTags(dto.tags ?? []),
      archivedAt: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await this.audit.record(actor, { action: 'quiz.question.add', targetType: 'quiz_question', targetId: row.id });
    return questionView(row);
  }

  /** Only the fields sent change; the kind, options and correct ones are checked together. */
  async update(actor: Actor, id: number, dto: UpdateQuestionRequest): Promise<StaffQuestionView> {
    const row = await this.staffQuestion(actor, id);
    const before = bankQuestion(row);
    const kind = dto.kind ?? before.kind;
    const options = dto.options ?? before.options;
    const correct = dto.correct ?? before.correct;
    checkQuestion(kind, options, correct);
    const fields = {
      kind,
      text: dto.text ?? row.text,
      options: JSON.stringify(options),
      correct: joinIndexes(correct),
      explanation: dto.explanation ?? row.explanation,
      tags: dto.tags ? joinTags(dto.tags) : row.tags,
      updatedAt: this.clock.now(),
    };
    await this.db.repo(QuizQuestion).update({ id }, fields);
    await this.audit.record(actor, { action: 'quiz.question.edit', targetType: 'quiz_question', targetId: id, details: { ...dto } });
    return questionView({ ...row, ...fields });
  }

  /** Drawn no more; attempts that drew it keep it. Archiving twice is harmless. */
  async archive(actor: Actor, id: number): Promise<StaffQuestionView> {
    const row = await this.staffQuestion(actor, id);
    const done = await this.db.repo(QuizQuestion).update({ id, archivedAt: IsNull() }, { archivedAt: this.clock.now() });
    if (done.affected === 1) await this.audit.record(actor, { action: 'quiz.question.archive', targetType: 'quiz_question', targetId: id });
    return this.get(actor, row.id);
  }

  /** The questions a quiz with these tags can draw now: not archived, of its community. */
  async pool(communityId: number, quizTags: string): Promise<BankQuestion[]> {
    const rows = await this.db.repo(QuizQuestion).find({ where: { communityId, archivedAt: IsNull() } });
    return rows.filter((r) => drawsFrom(quizTags, r.tags)).map(bankQuestion);
  }

  private async staffQuestion(actor: Actor, id: number): Promise<QuizQuestion> {
    const communityId = staffCommunity(actor);
    const row = await this.db.repo(QuizQuestion).findOneBy({ id, communityId });
    if (!row) throw new DomainError('QUESTION_NOT_FOUND');
    return row;
  }
}

/** Single choice: exactly one correct option; multiple: one or more; all of them among the options. */
function checkQuestion(kind: QuestionKind, options: string[], correct: number[]): void {
  const unique = new Set(correct);
  const inRange = correct.every((i) => i >= 0 && i < options.length);
  const count = kind === 'single' ? unique.size === 1 : unique.size >= 1;
  if (!inRange || !count || unique.size !== correct.length) throw new DomainError('QUESTION_INVALID', { kind, correct });
}
