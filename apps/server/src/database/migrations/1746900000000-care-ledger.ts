import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The daily care ledger (issue 18): each contact a grid worker (or staff) had with a vulnerable
 * household — the Shanghai day, how (电话, 上门, 没人接), what was needed — and what each need was
 * turned into (a help request, a medicine request, a proxy order).
 */
export class CareLedger1746900000000 implements MigrationInterface {
  name = 'CareLedger1746900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'care_contacts',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'kind', type: 'varchar', length: '10' },
          // Comma-separated needs ('' for none).
          { name: 'needs', type: 'varchar', length: '60' },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'recorded_by', type: 'int' },
          // "help:12,medicine:3": what the needs became.
          { name: 'follow_ups', type: 'varchar', length: '200', default: "''" },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'IDX_care_contacts_day', columnNames: ['community_id', 'day'] },
          { name: 'IDX_care_contacts_household', columnNames: ['household_id', 'day'] },
        ],
        foreignKeys: [
          { columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] },
          { columnNames: ['household_id'], referencedTableName: 'households', referencedColumnNames: ['id'] },
          { columnNames: ['recorded_by'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('care_contacts');
  }
}
