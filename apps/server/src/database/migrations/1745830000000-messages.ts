import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * One message list per person (issue 14): a row per message, read by its person newest first
 * in their current community; `once_key` makes a reminder or an overdue warning told only once.
 */
export class Messages1745830000000 implements MigrationInterface {
  name = 'Messages1745830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'messages',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'user_id', type: 'int' },
          { name: 'community_id', type: 'int' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'body', type: 'varchar', length: '300' },
          { name: 'link', type: 'varchar', length: '200', isNullable: true },
          { name: 'deadline', type: 'datetime', precision: 3, isNullable: true },
          { name: 'once_key', type: 'varchar', length: '120', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'read_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'UQ_messages_once_key', columnNames: ['once_key'], isUnique: true },
          { name: 'IDX_messages_user', columnNames: ['user_id', 'community_id', 'id'] },
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
          { columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('messages');
  }
}
