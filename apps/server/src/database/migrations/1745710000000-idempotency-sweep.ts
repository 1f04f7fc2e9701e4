import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** Idempotency records by age, for the sweep that deletes those past their keeping time. */
export class IdempotencySweep1745710000000 implements MigrationInterface {
  name = 'IdempotencySweep1745710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('idempotency_records', new TableIndex({ name: 'IX_idempotency_created', columnNames: ['created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('idempotency_records', 'IX_idempotency_created');
  }
}
