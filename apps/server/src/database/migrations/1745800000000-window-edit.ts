import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Windows staff can change while open (issue 13):
 * - `windows.version`: goes up with each edit, so two staff editing at once cannot overwrite
 *   each other silently (the second is told WINDOW_CHANGED);
 * - `window_building_counts.cap`: the per-building cap beside the counter it limits, so an
 *   order's conditional UPDATE (`orders < cap`) and a lowered cap meet on the same row and an
 *   order in flight cannot count past a cap lowered under it. Filled from the window's cap.
 */
export class WindowEdit1745800000000 implements MigrationInterface {
  name = 'WindowEdit1745800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('windows', new TableColumn({ name: 'version', type: 'int', default: 0 }));
    await q.addColumn('window_building_counts', new TableColumn({ name: 'cap', type: 'int', isNullable: true }));
    await q.query(
      'UPDATE window_building_counts SET cap = (SELECT w.max_orders_per_building FROM windows w WHERE w.id = window_building_counts.window_id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('window_building_counts', 'cap');
    await q.dropColumn('windows', 'version');
  }
}
