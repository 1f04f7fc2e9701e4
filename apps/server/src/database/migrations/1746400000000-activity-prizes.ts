import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Prizes of online activities (issue 16): one row per winning household of a contest or quiz,
 * unique per (source, household) so pressing 「发放奖品」 again never makes a second parcel.
 */
export class ActivityPrizes1746400000000 implements MigrationInterface {
  name = 'ActivityPrizes1746400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'activity_prizes',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'source_type', type: 'varchar', length: '10' },
          { name: 'source_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'user_id', type: 'int' },
          { name: 'place', type: 'int' },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'label', type: 'varchar', length: '80' },
          { name: 'prize', type: 'varchar', length: '60' },
          { name: 'parcel_id', type: 'int', isNullable: true },
          { name: 'awarded_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_activity_prizes_winner', columnNames: ['source_type', 'source_id', 'household_id'], isUnique: true },
          { name: 'IDX_activity_prizes_household', columnNames: ['household_id', 'id'] },
        ],
        foreignKeys: [
          { columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] },
          { columnNames: ['household_id'], referencedTableName: 'households', referencedColumnNames: ['id'] },
          { columnNames: ['parcel_id'], referencedTableName: 'parcels', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('activity_prizes');
  }
}
