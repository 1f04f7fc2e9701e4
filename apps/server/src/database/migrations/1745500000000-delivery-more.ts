import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };

/**
 * Volunteer recruitment and squads, uploaded files (photos), contactless delivery, the outbox,
 * the shared WeChat access token and the payer of a payment (for WeChat's shipping report).
 */
export class DeliveryMore1745500000000 implements MigrationInterface {
  name = 'DeliveryMore1745500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'volunteer_posts',
        columns: [
          id,
          { name: 'community_id', type: 'int' },
          { name: 'squad', type: 'varchar', length: '20' },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'requirements', type: 'varchar', length: '500' },
          { name: 'shift', type: 'varchar', length: '100' },
          { name: 'slots', type: 'int' },
          // Taken by a conditional UPDATE (approved < slots) when staff approve a sign-up.
          { name: 'approved', type: 'int', default: 0 },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IX_volunteer_posts_community', columnNames: ['community_id', 'status'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'volunteer_signups',
        columns: [
          id,
          { name: 'post_id', type: 'int' },
          { name: 'community_id', type: 'int' },
          { name: 'user_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'phone', type: 'varchar', length: '20', isNullable: true },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'decided_by', type: 'int', isNullable: true },
          { name: 'decided_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_volunteer_signups_post_user', columnNames: ['post_id', 'user_id'], isUnique: true },
          { name: 'IX_volunteer_signups_user', columnNames: ['user_id'] },
        ],
      }),
    );
    await q.addColumns('volunteer_profiles', [
      new TableColumn({ name: 'squad', type: 'varchar', length: '20', isNullable: true }),
      new TableColumn({ name: 'leader', type: 'boolean', default: false }),
    ]);
    await q.createTable(
      new Table({
        name: 'files',
        columns: [
          id,
          { name: 'community_id', type: 'int' },
          { name: 'owner_user_id', type: 'int' },
          { name: 'household_id', type: 'int', isNullable: true },
          { name: 'purpose', type: 'varchar', length: '20' },
          { name: 'mime', type: 'varchar', length: '40' },
          { name: 'size', type: 'int' },
          { name: 'sha256', type: 'varchar', length: '64' },
          // In the database, not on one instance's disk: any instance can serve it, and it is
          // written in the same transaction as the command that uploads it.
          { name: 'data', type: q.connection.options.type === 'mysql' ? 'mediumblob' : 'blob' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IX_files_owner', columnNames: ['owner_user_id'] }],
      }),
    );
    await q.addColumns('parcels', [
      new TableColumn({ name: 'photo_file_id', type: 'int', isNullable: true }),
      new TableColumn({ name: 'left_at', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    await q.createIndex('parcels', new TableIndex({ name: 'IX_parcels_state_left', columnNames: ['state', 'left_at'] }));
    await q.createTable(
      new Table({
        name: 'outbox',
        columns: [
          id,
          { name: 'kind', type: 'varchar', length: '40' },
          // Written once per effect: a second enqueue of the same key is a no-op.
          { name: 'dedupe_key', type: 'varchar', length: '120' },
          { name: 'payload', type: 'text' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'attempts', type: 'int', default: 0 },
          { name: 'next_attempt_at', type: 'datetime', precision: 3 },
          { name: 'claimed_until', type: 'datetime', precision: 3, isNullable: true },
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'done_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'UQ_outbox_dedupe', columnNames: ['dedupe_key'], isUnique: true },
          { name: 'IX_outbox_due', columnNames: ['status', 'next_attempt_at'] },
        ],
      }),
    );
    // Who paid: WeChat's shipping report names the payer.
    await q.addColumn('payments', new TableColumn({ name: 'payer_openid', type: 'varchar', length: '64', isNullable: true }));
    await q.createTable(
      new Table({
        name: 'wechat_tokens',
        columns: [
          { name: 'app_id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'token', type: 'varchar', length: '1024' },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('wechat_tokens');
    await q.dropColumn('payments', 'payer_openid');
    await q.dropTable('outbox');
    await q.dropIndex('parcels', 'IX_parcels_state_left');
    await q.dropColumn('parcels', 'left_at');
    await q.dropColumn('parcels', 'photo_file_id');
    await q.dropTable('files');
    await q.dropColumn('volunteer_profiles', 'leader');
    await q.dropColumn('volunteer_profiles', 'squad');
    await q.dropTable('volunteer_signups');
    await q.dropTable('volunteer_posts');
  }
}
