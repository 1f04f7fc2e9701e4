import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * Every state has a way out (issue 12):
 * - a parcel is "open" (takes more orders of its batch) only until it leaves with a volunteer:
 *   `open_batch` is its batch while open and NULL after, and the household's one open parcel per
 *   batch is a unique key (it used to be one parcel per batch for good);
 * - cash to collect at the door, and who collected it when;
 * - the reasons staff and pharmacies give when they cancel or cannot buy, and where a request
 *   the pharmacy could not buy went.
 */
export class WaysOut1745730000000 implements MigrationInterface {
  name = 'WaysOut1745730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('parcels', [
      new TableColumn({ name: 'open_batch', type: 'varchar', length: '40', isNullable: true }),
      new TableColumn({ name: 'cash_due_fen', type: 'int', default: 0 }),
      new TableColumn({ name: 'cash_collected_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'cash_collected_by', type: 'int', isNullable: true }),
    ]);
    await q.query(`UPDATE parcels SET open_batch = batch WHERE state IN ('READY', 'ASSIGNED', 'ACCEPTED')`);
    await q.dropIndex('parcels', 'UQ_parcels_batch_household');
    await q.createIndex('parcels', new TableIndex({ name: 'IX_parcels_batch_household', columnNames: ['batch', 'household_id'] }));
    await q.createIndex(
      'parcels',
      new TableIndex({ name: 'UQ_parcels_open_batch_household', columnNames: ['open_batch', 'household_id'], isUnique: true }),
    );
    await q.addColumn('orders', new TableColumn({ name: 'cancel_reason', type: 'varchar', length: '200', isNullable: true }));
    await q.addColumns('medicine_requests', [
      new TableColumn({ name: 'cannot_buy_reason', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'cancel_reason', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'moved_to', type: 'int', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumns('medicine_requests', ['cannot_buy_reason', 'cancel_reason', 'moved_to']);
    await q.dropColumn('orders', 'cancel_reason');
    await q.dropIndex('parcels', 'UQ_parcels_open_batch_household');
    await q.dropIndex('parcels', 'IX_parcels_batch_household');
    await q.createIndex(
      'parcels',
      new TableIndex({ name: 'UQ_parcels_batch_household', columnNames: ['batch', 'household_id'], isUnique: true }),
    );
    await q.dropColumns('parcels', ['open_batch', 'cash_due_fen', 'cash_collected_at', 'cash_collected_by']);
  }
}
