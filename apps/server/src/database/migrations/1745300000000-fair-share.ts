import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/** Fair-share windows (registrations, the published lottery seed) and per-building order caps. */
export class FairShare1745300000000 implements MigrationInterface {
  name = 'FairShare1745300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('windows', [
      new TableColumn({ name: 'allocation_seed', type: 'varchar', length: '100', isNullable: true }),
      new TableColumn({ name: 'allocated_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'max_orders_per_building', type: 'int', isNullable: true }),
    ]);
    // Orders per building in a capped window: the cap is a conditional UPDATE on this row.
    await q.createTable(
      new Table({
        name: 'window_building_counts',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'window_id', type: 'int' },
          { name: 'building_id', type: 'int' },
          { name: 'orders', type: 'int', default: 0 },
        ],
        indices: [{ name: 'UQ_window_building_counts', columnNames: ['window_id', 'building_id'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'registrations',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'window_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'user_id', type: 'int' },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'requested', type: 'text' },
          { name: 'allocated', type: 'text', isNullable: true },
          { name: 'priority', type: 'boolean', default: false },
          { name: 'draw_position', type: 'int', isNullable: true },
          { name: 'order_id', type: 'int', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'UQ_registrations', columnNames: ['window_id', 'household_id'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('registrations');
    await q.dropTable('window_building_counts');
    await q.dropColumn('windows', 'max_orders_per_building');
    await q.dropColumn('windows', 'allocated_at');
    await q.dropColumn('windows', 'allocation_seed');
  }
}
