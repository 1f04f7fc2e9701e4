import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The sorting line (issue 19): a bag marked ready when its label is scanned on the line
 * (`parcel_bags`, one row per parcel: the primary key makes a second scan harmless); what the
 * line found short (`order_shortages`, unique per order line: a line is short once, so its
 * refund goes once); and part refunds of a payment (`payment_refunds`, one row per
 * out_refund_no, the refund outbox the refund sweep sends besides the whole-payment refunds).
 */
export class SortingLine1747600000000 implements MigrationInterface {
  name = 'SortingLine1747600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'parcel_bags',
        columns: [
          { name: 'parcel_id', type: 'int', isPrimary: true },
          { name: 'community_id', type: 'int' },
          { name: 'batch', type: 'varchar', length: '40' },
          { name: 'building_id', type: 'int' },
          { name: 'ready_by', type: 'int' },
          { name: 'ready_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IDX_parcel_bags_batch', columnNames: ['batch', 'building_id'] }],
        foreignKeys: [{ columnNames: ['parcel_id'], referencedTableName: 'parcels', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'order_shortages',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'order_line_id', type: 'int' },
          { name: 'order_id', type: 'int' },
          { name: 'parcel_id', type: 'int' },
          { name: 'missing', type: 'int' },
          { name: 'amount_fen', type: 'int' },
          { name: 'reported_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_order_shortages_line', columnNames: ['order_line_id'], isUnique: true },
          { name: 'IDX_order_shortages_order', columnNames: ['order_id'] },
          { name: 'IDX_order_shortages_parcel', columnNames: ['parcel_id'] },
        ],
        foreignKeys: [{ columnNames: ['order_line_id'], referencedTableName: 'order_lines', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'payment_refunds',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'payment_id', type: 'int' },
          { name: 'out_refund_no', type: 'varchar', length: '64' },
          { name: 'amount_fen', type: 'int' },
          { name: 'reason', type: 'varchar', length: '80' },
          { name: 'state', type: 'varchar', length: '12' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'done_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'UQ_payment_refunds_no', columnNames: ['out_refund_no'], isUnique: true },
          { name: 'IDX_payment_refunds_state', columnNames: ['state', 'id'] },
          { name: 'IDX_payment_refunds_payment', columnNames: ['payment_id'] },
        ],
        foreignKeys: [{ columnNames: ['payment_id'], referencedTableName: 'payments', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('payment_refunds');
    await q.dropTable('order_shortages');
    await q.dropTable('parcel_bags');
  }
}
