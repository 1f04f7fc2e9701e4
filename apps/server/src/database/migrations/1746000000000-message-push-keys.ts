import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * `messages.push_key`: the messages written by one statement of a tell share a key, and one
 * `message.push` outbox row per key pushes them all (its handler reads them by this index), so
 * telling a household or a dispatch's thousands costs a constant number of statements.
 * Messages written before this keep their own per-message outbox rows (`{ messageId }`).
 */
export class MessagePushKeys1746000000000 implements MigrationInterface {
  name = 'MessagePushKeys1746000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('messages', new TableColumn({ name: 'push_key', type: 'varchar', length: '40', isNullable: true }));
    await q.createIndex('messages', new TableIndex({ name: 'IDX_messages_push_key', columnNames: ['push_key'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('messages', 'IDX_messages_push_key');
    await q.dropColumn('messages', 'push_key');
  }
}
