import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };

/**
 * Pharmacies, their pharmacists, and medicine requests with their items and prescription photos;
 * payments now pay for orders or medicine requests (source_type; order_id holds either's id).
 */
export class Pharmacy1745600000000 implements MigrationInterface {
  name = 'Pharmacy1745600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'pharmacies',
        columns: [
          id,
          { name: 'community_id', type: 'int' },
          { name: 'name', type: 'varchar', length: '60' },
          { name: 'address', type: 'varchar', length: '200' },
          { name: 'hours', type: 'varchar', length: '60' },
          { name: 'phone', type: 'varchar', length: '20', isNullable: true },
          { name: 'payment_mode', type: 'varchar', length: '10' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IX_pharmacies_community', columnNames: ['community_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pharmacy_defaults',
        columns: [
          // One default pharmacy per zone ('' = the whole community).
          { name: 'community_id', type: 'int', isPrimary: true },
          { name: 'zone', type: 'varchar', length: '40', isPrimary: true },
          { name: 'pharmacy_id', type: 'int' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pharmacists',
        columns: [
          // A pharmacist works for one pharmacy.
          { name: 'user_id', type: 'int', isPrimary: true },
          { name: 'pharmacy_id', type: 'int' },
          { name: 'community_id', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IX_pharmacists_pharmacy', columnNames: ['pharmacy_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pharmacist_invites',
        columns: [
          id,
          { name: 'pharmacy_id', type: 'int' },
          { name: 'code', type: 'varchar', length: '12' },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'used_by', type: 'int', isNullable: true },
          { name: 'used_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'UQ_pharmacist_invites_code', columnNames: ['code'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'medicine_requests',
        columns: [
          id,
          { name: 'community_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'pharmacy_id', type: 'int' },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'urgency', type: 'varchar', length: '10' },
          { name: 'for_whom', type: 'varchar', length: '40', isNullable: true },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'placed_by', type: 'int' },
          { name: 'proxy', type: 'boolean' },
          { name: 'payment_mode', type: 'varchar', length: '10' },
          { name: 'total_fen', type: 'int', default: 0 },
          // WeChat Pay: an accepted quote unpaid by then expires.
          { name: 'pay_by', type: 'datetime', precision: 3, isNullable: true },
          { name: 'quote_deadline', type: 'datetime', precision: 3 },
          { name: 'quoted_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'quoted_by', type: 'int', isNullable: true },
          { name: 'quote_note', type: 'varchar', length: '200', isNullable: true },
          { name: 'rejection_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'answered_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'receipt_file_id', type: 'int', isNullable: true },
          { name: 'purchased_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'purchased_by', type: 'int', isNullable: true },
          { name: 'delivered_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'repeat_of', type: 'int', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'IX_medicine_requests_pharmacy', columnNames: ['pharmacy_id', 'state'] },
          { name: 'IX_medicine_requests_household', columnNames: ['household_id'] },
          { name: 'IX_medicine_requests_community', columnNames: ['community_id', 'state'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'medicine_items',
        columns: [
          id,
          { name: 'request_id', type: 'int' },
          { name: 'name', type: 'varchar', length: '60' },
          { name: 'spec', type: 'varchar', length: '60' },
          { name: 'quantity', type: 'int' },
          { name: 'brand', type: 'varchar', length: '10' },
          { name: 'prescription', type: 'boolean' },
          { name: 'quote_status', type: 'varchar', length: '12', isNullable: true },
          { name: 'substitute_name', type: 'varchar', length: '60', isNullable: true },
          { name: 'unit_price_fen', type: 'int', isNullable: true },
          { name: 'accepted', type: 'boolean', isNullable: true },
        ],
        indices: [{ name: 'IX_medicine_items_request', columnNames: ['request_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'medicine_photos',
        columns: [id, { name: 'request_id', type: 'int' }, { name: 'file_id', type: 'int' }],
        indices: [
          { name: 'IX_medicine_photos_request', columnNames: ['request_id'] },
          { name: 'IX_medicine_photos_file', columnNames: ['file_id'] },
        ],
      }),
    );
    await q.addColumn('payments', new TableColumn({ name: 'source_type', type: 'varchar', length: '10', default: "'order'" }));
    await q.dropIndex('payments', 'UQ_payments_order');
    await q.createIndex(
      'payments',
      new TableIndex({ name: 'UQ_payments_source', columnNames: ['source_type', 'order_id'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('payments', 'UQ_payments_source');
    await q.dropColumn('payments', 'source_type');
    await q.createIndex('payments', new TableIndex({ name: 'UQ_payments_order', columnNames: ['order_id'], isUnique: true }));
    for (const table of [
      'medicine_photos',
      'medicine_items',
      'medicine_requests',
      'pharmacist_invites',
      'pharmacists',
      'pharmacy_defaults',
      'pharmacies',
    ]) {
      await q.dropTable(table);
    }
  }
}
