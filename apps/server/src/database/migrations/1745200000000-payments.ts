import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** One WeChat Pay transaction per order (out_trade_no unique), and what WeChat told us about it. */
export class Payments1745200000000 implements MigrationInterface {
  name = 'Payments1745200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'payments',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'order_id', type: 'int' },
          { name: 'out_trade_no', type: 'varchar', length: '32' },
          { name: 'prepay_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'amount_fen', type: 'int' },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'transaction_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'paid_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_payments_order', columnNames: ['order_id'], isUnique: true },
          { name: 'UQ_payments_out_trade_no', columnNames: ['out_trade_no'], isUnique: true },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('payments');
  }
}
