import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Online classes and the households signed up to them (issue 16). */
export class Classes1746100000000 implements MigrationInterface {
  name = 'Classes1746100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'activity_classes',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'teacher', type: 'varchar', length: '40' },
          { name: 'description', type: 'varchar', length: '1000', default: "''" },
          { name: 'starts_at', type: 'datetime', precision: 3 },
          { name: 'minutes', type: 'int' },
          { name: 'capacity', type: 'int', isNullable: true },
          { name: 'signed_count', type: 'int', default: 0 },
          { name: 'live_url', type: 'varchar', length: '500' },
          { name: 'replay_url', type: 'varchar', length: '500', isNullable: true },
          { name: 'building_ids', type: 'varchar', length: '2000', default: "''" },
          { name: 'state', type: 'varchar', length: '12' },
          { name: 'reminded_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'IDX_activity_classes_community', columnNames: ['community_id', 'starts_at'] },
          { name: 'IDX_activity_classes_remind', columnNames: ['state', 'reminded_at', 'starts_at'] },
        ],
        foreignKeys: [{ columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'class_signups',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'class_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'building_id', type: 'int' },
          { name: 'user_id', type: 'int' },
          { name: 'state', type: 'varchar', length: '12' },
          { name: 'by_staff', type: 'boolean', default: false },
          { name: 'waiting_since', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_class_signups_household', columnNames: ['class_id', 'household_id'], isUnique: true },
          { name: 'IDX_class_signups_state', columnNames: ['class_id', 'state', 'waiting_since'] },
          { name: 'IDX_class_signups_household', columnNames: ['household_id'] },
        ],
        foreignKeys: [
          { columnNames: ['class_id'], referencedTableName: 'activity_classes', referencedColumnNames: ['id'] },
          { columnNames: ['household_id'], referencedTableName: 'households', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('class_signups');
    await q.dropTable('activity_classes');
  }
}
