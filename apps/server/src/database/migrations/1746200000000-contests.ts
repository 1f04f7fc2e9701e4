import { MigrationInterface, QueryRunner, Table, type TableColumnOptions } from 'typeorm';

const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
const fk = (column: string, table: string) => ({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });

/**
 * Contests (issue 16): contests, entries (with their pictures and WeChat content checks), votes
 * with a per-person per-day counter, and judges' scores. The limits live in unique keys.
 */
export class Contests1746200000000 implements MigrationInterface {
  name = 'Contests1746200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'contests',
        columns: [
          id,
          { name: 'community_id', type: 'int' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'rules', type: 'text' },
          { name: 'entry_starts_at', type: 'datetime', precision: 3 },
          { name: 'entry_ends_at', type: 'datetime', precision: 3 },
          { name: 'vote_starts_at', type: 'datetime', precision: 3 },
          { name: 'vote_ends_at', type: 'datetime', precision: 3 },
          { name: 'entries_per_household', type: 'int' },
          { name: 'votes_per_day', type: 'int' },
          { name: 'mode', type: 'varchar', length: '10' },
          { name: 'auto_approve', type: 'boolean', default: false },
          { name: 'results_published_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IDX_contests_community', columnNames: ['community_id', 'entry_starts_at'] }],
        foreignKeys: [fk('community_id', 'communities')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'contest_entries',
        columns: [
          id,
          { name: 'contest_id', type: 'int' },
          { name: 'community_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'user_id', type: 'int' },
          { name: 'slot', type: 'int', isNullable: true },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'caption', type: 'text' },
          { name: 'video_url', type: 'varchar', length: '500', isNullable: true },
          { name: 'state', type: 'varchar', length: '12' },
          { name: 'machine_checked', type: 'boolean', default: false },
          { name: 'reject_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'votes', type: 'int', default: 0 },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'decided_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'decided_by', type: 'int', isNullable: true },
        ],
        indices: [
          { name: 'UQ_contest_entries_slot', columnNames: ['contest_id', 'household_id', 'slot'], isUnique: true },
          { name: 'IDX_contest_entries_state', columnNames: ['contest_id', 'state'] },
          { name: 'IDX_contest_entries_household', columnNames: ['household_id'] },
          { name: 'IDX_contest_entries_created', columnNames: ['community_id', 'created_at'] },
        ],
        foreignKeys: [fk('contest_id', 'contests'), fk('household_id', 'households'), fk('user_id', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'contest_entry_pictures',
        columns: [id, { name: 'entry_id', type: 'int' }, { name: 'file_id', type: 'int' }, { name: 'position', type: 'int' }],
        indices: [
          { name: 'IDX_contest_entry_pictures_entry', columnNames: ['entry_id'] },
          { name: 'UQ_contest_entry_pictures_file', columnNames: ['file_id'], isUnique: true },
        ],
        foreignKeys: [fk('entry_id', 'contest_entries'), fk('file_id', 'files')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'contest_content_checks',
        columns: [
          id,
          { name: 'entry_id', type: 'int' },
          { name: 'part', type: 'varchar', length: '30' },
          { name: 'trace_id', type: 'varchar', length: '100', isNullable: true },
          { name: 'suggest', type: 'varchar', length: '10', isNullable: true },
          { name: 'label', type: 'int', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'decided_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'UQ_contest_content_checks_part', columnNames: ['entry_id', 'part'], isUnique: true },
          { name: 'UQ_contest_content_checks_trace', columnNames: ['trace_id'], isUnique: true },
        ],
        foreignKeys: [fk('entry_id', 'contest_entries')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'contest_votes',
        columns: [
          id,
          { name: 'contest_id', type: 'int' },
          { name: 'entry_id', type: 'int' },
          { name: 'user_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_contest_votes_entry_user', columnNames: ['entry_id', 'user_id'], isUnique: true },
          { name: 'IDX_contest_votes_contest', columnNames: ['contest_id', 'created_at'] },
        ],
        foreignKeys: [fk('contest_id', 'contests'), fk('entry_id', 'contest_entries')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'contest_vote_days',
        columns: [
          id,
          { name: 'contest_id', type: 'int' },
          { name: 'user_id', type: 'int' },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'used', type: 'int', default: 0 },
        ],
        indices: [{ name: 'UQ_contest_vote_days', columnNames: ['contest_id', 'user_id', 'day'], isUnique: true }],
        foreignKeys: [fk('contest_id', 'contests')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'contest_scores',
        columns: [
          id,
          { name: 'contest_id', type: 'int' },
          { name: 'entry_id', type: 'int' },
          { name: 'judge_id', type: 'int' },
          { name: 'score', type: 'int' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'UQ_contest_scores_judge', columnNames: ['entry_id', 'judge_id'], isUnique: true }],
        foreignKeys: [fk('contest_id', 'contests'), fk('entry_id', 'contest_entries')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'contest_scores',
      'contest_vote_days',
      'contest_votes',
      'contest_content_checks',
      'contest_entry_pictures',
      'contest_entries',
      'contests',
    ]) {
      await q.dropTable(t);
    }
  }
}
