import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Quizzes (issue 16): the question bank, quizzes, attempts (one number per person and quiz, a
 * unique key, so a double start gives no extra attempt) and the answers saved during them (one
 * per question). Participation charts read quizzes.community_id and quiz_attempts'
 * quiz_id, user_id, household_id and started_at.
 */
export class Quizzes1746300000000 implements MigrationInterface {
  name = 'Quizzes1746300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'quiz_questions',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'text', type: 'varchar', length: '500' },
          { name: 'options', type: 'text' },
          { name: 'correct', type: 'varchar', length: '20' },
          { name: 'explanation', type: 'text' },
          { name: 'tags', type: 'varchar', length: '500', default: "''" },
          { name: 'archived_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IDX_quiz_questions_community', columnNames: ['community_id', 'archived_at'] }],
        foreignKeys: [{ columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quizzes',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'intro', type: 'text' },
          { name: 'question_count', type: 'int' },
          { name: 'tags', type: 'varchar', length: '500', default: "''" },
          { name: 'time_limit_seconds', type: 'int' },
          { name: 'attempts_allowed', type: 'int' },
          { name: 'opens_at', type: 'datetime', precision: 3 },
          { name: 'closes_at', type: 'datetime', precision: 3 },
          { name: 'rank_rule', type: 'varchar', length: '20' },
          { name: 'grace_seconds', type: 'int' },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IDX_quizzes_community', columnNames: ['community_id', 'opens_at'] }],
        foreignKeys: [{ columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quiz_attempts',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'quiz_id', type: 'int' },
          { name: 'community_id', type: 'int' },
          { name: 'user_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'building_id', type: 'int' },
          { name: 'attempt_no', type: 'int' },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'started_at', type: 'datetime', precision: 3 },
          { name: 'deadline_at', type: 'datetime', precision: 3 },
          { name: 'submitted_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'score', type: 'int', isNullable: true },
          { name: 'total', type: 'int' },
          { name: 'time_taken_ms', type: 'int', isNullable: true },
          { name: 'late', type: 'boolean', default: false },
          { name: 'paper', type: 'text' },
        ],
        indices: [
          { name: 'UQ_quiz_attempts_no', columnNames: ['quiz_id', 'user_id', 'attempt_no'], isUnique: true },
          { name: 'IDX_quiz_attempts_status', columnNames: ['quiz_id', 'status', 'deadline_at'] },
          { name: 'IDX_quiz_attempts_started', columnNames: ['community_id', 'started_at'] },
        ],
        foreignKeys: [
          { columnNames: ['quiz_id'], referencedTableName: 'quizzes', referencedColumnNames: ['id'] },
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
          { columnNames: ['household_id'], referencedTableName: 'households', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quiz_answers',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'attempt_id', type: 'int' },
          { name: 'position', type: 'int' },
          { name: 'chosen', type: 'varchar', length: '20' },
          { name: 'saved_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'UQ_quiz_answers_position', columnNames: ['attempt_id', 'position'], isUnique: true }],
        foreignKeys: [{ columnNames: ['attempt_id'], referencedTableName: 'quiz_attempts', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('quiz_answers');
    await q.dropTable('quiz_attempts');
    await q.dropTable('quizzes');
    await q.dropTable('quiz_questions');
  }
}
