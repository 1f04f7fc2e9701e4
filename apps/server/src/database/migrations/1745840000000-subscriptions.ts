import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** WeChat subscribe messages: each user's remaining one-time allowance per template, and what each message spent. */
export class Subscriptions1745840000000 implements MigrationInterface {
  name = 'Subscriptions1745840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'subscription_allowances',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'user_id', type: 'int' },
          { name: 'template_id', type: 'varchar', length: '64' },
          { name: 'remaining', type: 'int' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'UQ_subscription_allowances_user_template', columnNames: ['user_id', 'template_id'], isUnique: true }],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'subscription_spends',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'message_id', type: 'int' },
          { name: 'user_id', type: 'int' },
          { name: 'community_id', type: 'int' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'template_id', type: 'varchar', length: '64' },
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_subscription_spends_message', columnNames: ['message_id'], isUnique: true },
          { name: 'IDX_subscription_spends_community_state', columnNames: ['community_id', 'state', 'updated_at'] },
        ],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('subscription_spends');
    await q.dropTable('subscription_allowances');
  }
}
