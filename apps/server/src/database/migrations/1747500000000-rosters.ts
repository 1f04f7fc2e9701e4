import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Volunteer rosters (issue 19): posts (岗位) with a QR poster, shifts at a post with a number of
 * places, and volunteers' places in them.
 *
 * `roster_shifts.taken` is the count of signed-up places, moved only by conditional UPDATEs
 * (`taken < places`), so a full shift is decided by the database whatever the number of
 * instances. One row per volunteer and shift (unique): giving up keeps the row, signing up again
 * reuses it. `reminded_at` makes the reminder go once per place across instances and restarts.
 */
export class Rosters1747500000000 implements MigrationInterface {
  name = 'Rosters1747500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'roster_posts',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'name', type: 'varchar', length: '30' },
          { name: 'squad', type: 'varchar', length: '20' },
          { name: 'note', type: 'varchar', length: '200', default: "''" },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IDX_roster_posts_community', columnNames: ['community_id', 'squad'] }],
        foreignKeys: [{ columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'roster_shifts',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'post_id', type: 'int' },
          { name: 'squad', type: 'varchar', length: '20' },
          { name: 'starts_at', type: 'datetime', precision: 3 },
          { name: 'ends_at', type: 'datetime', precision: 3 },
          { name: 'places', type: 'int' },
          { name: 'taken', type: 'int', default: 0 },
          { name: 'requirements', type: 'varchar', length: '200', default: "''" },
          { name: 'give_up_hours', type: 'int' },
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'cancel_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'IDX_roster_shifts_community', columnNames: ['community_id', 'starts_at'] },
          { name: 'IDX_roster_shifts_post', columnNames: ['post_id', 'starts_at'] },
        ],
        foreignKeys: [
          { columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] },
          { columnNames: ['post_id'], referencedTableName: 'roster_posts', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'roster_signups',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'shift_id', type: 'int' },
          { name: 'community_id', type: 'int' },
          { name: 'user_id', type: 'int' },
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'signed_up_at', type: 'datetime', precision: 3 },
          { name: 'given_up_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'checked_in_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'checked_out_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'reminded_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'UQ_roster_signups_place', columnNames: ['shift_id', 'user_id'], isUnique: true },
          { name: 'IDX_roster_signups_user', columnNames: ['user_id', 'state'] },
          { name: 'IDX_roster_signups_community', columnNames: ['community_id', 'checked_in_at'] },
        ],
        foreignKeys: [
          { columnNames: ['shift_id'], referencedTableName: 'roster_shifts', referencedColumnNames: ['id'] },
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('roster_signups');
    await q.dropTable('roster_shifts');
    await q.dropTable('roster_posts');
  }
}
