import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Patient transport, ways out and reminders (issue 18): staff may end a trip on the road
 * (`returned_by`, `return_note`); a patient kept home for one day is a row of `care_trip_skips`
 * (unique per patient and day, so a rebuild leaves them out); `reminded_at` is claimed by a
 * conditional UPDATE so the evening-before reminder goes out once per trip.
 */
export class CareTransportWaysOut1747180000000 implements MigrationInterface {
  name = 'CareTransportWaysOut1747180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('care_trips', [
      new TableColumn({ name: 'returned_by', type: 'int', isNullable: true }),
      new TableColumn({ name: 'return_note', type: 'varchar', length: '100', default: "''" }),
      new TableColumn({ name: 'reminded_at', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    await q.createTable(
      new Table({
        name: 'care_trip_skips',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'patient_id', type: 'int' },
          { name: 'date', type: 'varchar', length: '10' },
          { name: 'note', type: 'varchar', length: '100', default: "''" },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_care_trip_skips_day', columnNames: ['patient_id', 'date'], isUnique: true },
          { name: 'IDX_care_trip_skips_community', columnNames: ['community_id', 'date'] },
        ],
        foreignKeys: [
          { columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] },
          { columnNames: ['patient_id'], referencedTableName: 'care_patients', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('care_trip_skips');
    await q.dropColumn('care_trips', 'reminded_at');
    await q.dropColumn('care_trips', 'return_note');
    await q.dropColumn('care_trips', 'returned_by');
  }
}
