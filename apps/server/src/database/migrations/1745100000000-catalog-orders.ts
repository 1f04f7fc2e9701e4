import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey } from 'typeorm';

const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
const int = (name: string, isNullable = false, def?: number): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable,
  ...(def === undefined ? {} : { default: def }),
});
const str = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const time = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable });
const bool = (name: string, def: boolean): TableColumnOptions => ({ name, type: 'boolean', default: def });
const fk = (column: string, table: string, onDelete = 'RESTRICT'): TableForeignKey =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

/**
 * Suppliers, items, ordering windows with their stock, per-household purchase counters and
 * orders. Stock and limits are plain integer columns taken by conditional UPDATEs; the unique
 * (window_item_id, household_id) counter makes the household limit hold under concurrency.
 */
export class CatalogOrders1745100000000 implements MigrationInterface {
  name = 'CatalogOrders1745100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'suppliers',
        columns: [
          id,
          int('community_id'),
          str('name', 60),
          str('contact_name', 40, true),
          str('contact_phone', 20, true),
          time('created_at'),
        ],
        foreignKeys: [fk('community_id', 'communities')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'items',
        columns: [
          id,
          int('community_id'),
          int('supplier_id'),
          str('kind', 20),
          str('name', 60),
          str('picture_url', 500, true),
          { name: 'contents', type: 'text' },
          int('price_fen'),
          int('limit_per_household'),
          time('created_at'),
        ],
        indices: [{ name: 'IX_items_community', columnNames: ['community_id', 'kind'] }],
        foreignKeys: [fk('community_id', 'communities'), fk('supplier_id', 'suppliers')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'windows',
        columns: [
          id,
          int('community_id'),
          str('title', 60),
          str('mode', 10),
          str('payment_mode', 10),
          str('status', 10),
          time('opens_at'),
          time('closes_at'),
          str('delivery_date', 10),
          str('building_ids', 2000),
          str('zones', 500),
          int('max_orders', true),
          int('order_count', false, 0),
          int('created_by'),
          time('created_at'),
        ],
        indices: [{ name: 'IX_windows_community', columnNames: ['community_id', 'closes_at'] }],
        foreignKeys: [fk('community_id', 'communities')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'window_items',
        columns: [id, int('window_id'), int('item_id'), int('price_fen'), int('limit_per_household'), int('stock'), int('sold', false, 0)],
        indices: [{ name: 'UQ_window_items', columnNames: ['window_id', 'item_id'], isUnique: true }],
        foreignKeys: [fk('window_id', 'windows', 'CASCADE'), fk('item_id', 'items')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'household_purchases',
        columns: [id, int('window_item_id'), int('household_id'), int('quantity', false, 0)],
        indices: [{ name: 'UQ_household_purchases', columnNames: ['window_item_id', 'household_id'], isUnique: true }],
        // No foreign key to window_items: its check would take a shared lock on the hot stock row,
        // and shared holders upgrading to take stock deadlock under a rush.
        foreignKeys: [fk('household_id', 'households', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'orders',
        columns: [
          id,
          int('community_id'),
          int('window_id'),
          int('household_id'),
          int('placed_by'),
          bool('proxy', false),
          str('state', 20),
          str('payment_mode', 10),
          int('total_fen'),
          str('note', 200, true),
          time('expires_at', true),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [
          { name: 'IX_orders_household', columnNames: ['household_id', 'created_at'] },
          { name: 'IX_orders_window', columnNames: ['window_id', 'state'] },
        ],
        // No foreign key to windows, for the same reason (the window row counts capped orders).
        foreignKeys: [fk('household_id', 'households')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'order_lines',
        columns: [id, int('order_id'), int('window_item_id'), int('item_id'), str('name', 60), int('quantity'), int('unit_price_fen')],
        indices: [{ name: 'IX_order_lines_order', columnNames: ['order_id'] }],
        foreignKeys: [fk('order_id', 'orders', 'CASCADE')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['order_lines', 'orders', 'household_purchases', 'window_items', 'windows', 'items', 'suppliers']) await q.dropTable(t);
  }
}
