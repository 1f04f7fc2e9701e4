import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Reassignment (issue 19): who let a parcel go (declined, did not accept, did not pick up), once
 * per volunteer and parcel (a unique key, so two instances recording the same miss leave one
 * row); the parcel's count of misses, written by the same conditional UPDATE that takes it from
 * the volunteer; and when an accepted parcel's volunteer was reminded to pick it up.
 */
export class Reassignment1747130000000 implements MigrationInterface {
  name = 'Reassignment1747130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('parcels', [
      new TableColumn({ name: 'miss_count', type: 'int', default: 0 }),
      new TableColumn({ name: 'reminded_at', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    await q.createTable(
      new Table({
        name: 'parcel_misses',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'parcel_id', type: 'int' },
          { name: 'volunteer_id', type: 'int' },
          { name: 'reason', type: 'varchar', length: '20' },
          { name: 'at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'UQ_parcel_misses_parcel_volunteer', columnNames: ['parcel_id', 'volunteer_id'], isUnique: true }],
        foreignKeys: [
          { columnNames: ['parcel_id'], referencedTableName: 'parcels', referencedColumnNames: ['id'] },
          { columnNames: ['volunteer_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('parcel_misses');
    await q.dropColumn('parcels', 'reminded_at');
    await q.dropColumn('parcels', 'miss_count');
  }
}
