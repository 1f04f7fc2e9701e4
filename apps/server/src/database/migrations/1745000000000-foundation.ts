import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey } from 'typeorm';

const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'int', isNullable });
const str = (name: string, length: number, isNullable = false, def?: string): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
  ...(def === undefined ? {} : { default: `'${def}'` }),
});
const time = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable });
const fk = (column: string, table: string, onDelete = 'RESTRICT'): TableForeignKey =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

/**
 * Communities, buildings, households, users and roles, binding requests and codes,
 * the audit log and stored idempotent answers. Written with TypeORM's schema API so the
 * same migration runs on SQLite and MySQL/MariaDB. The indexes here are the source of truth
 * for uniqueness (one household per door, one open binding request per user, one answer
 * per idempotency key).
 */
export class Foundation1745000000000 implements MigrationInterface {
  name = 'Foundation1745000000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type === 'mysql' || q.connection.options.type === 'mariadb';
    const longText = mysql ? 'mediumtext' : 'text';

    await q.createTable(new Table({ name: 'communities', columns: [id, str('name', 100), time('created_at')] }));
    await q.createTable(
      new Table({
        name: 'buildings',
        columns: [
          id,
          int('community_id'),
          str('name', 40),
          str('units', 400, false, ''),
          str('zone', 40, true),
          { name: 'sort_order', type: 'int', default: 0 },
        ],
        indices: [{ name: 'UQ_buildings_name', columnNames: ['community_id', 'name'], isUnique: true }],
        foreignKeys: [fk('community_id', 'communities')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'households',
        columns: [
          id,
          int('community_id'),
          int('building_id'),
          str('unit', 20),
          str('room', 20),
          { name: 'headcount', type: 'int', default: 1 },
          str('tags', 200, false, ''),
          str('zone', 40, true),
          str('contact_name', 40, true),
          str('contact_phone', 20, true),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [
          { name: 'UQ_households_door', columnNames: ['community_id', 'building_id', 'unit', 'room'], isUnique: true },
          { name: 'IX_households_building', columnNames: ['building_id', 'unit', 'room'] },
        ],
        foreignKeys: [fk('community_id', 'communities'), fk('building_id', 'buildings')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          id,
          str('openid', 64, true),
          str('dev_key', 40, true),
          str('nickname', 40),
          str('phone', 20, true),
          int('household_id', true),
          time('created_at'),
        ],
        indices: [
          { name: 'UQ_users_openid', columnNames: ['openid'], isUnique: true },
          { name: 'UQ_users_dev_key', columnNames: ['dev_key'], isUnique: true },
          { name: 'IX_users_household', columnNames: ['household_id'] },
        ],
        foreignKeys: [fk('household_id', 'households', 'SET NULL')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'role_assignments',
        columns: [id, int('user_id'), int('community_id'), str('role', 20)],
        indices: [{ name: 'UQ_role_assignments', columnNames: ['user_id', 'community_id', 'role'], isUnique: true }],
        foreignKeys: [fk('user_id', 'users', 'CASCADE'), fk('community_id', 'communities')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'binding_requests',
        columns: [
          id,
          int('community_id'),
          int('user_id'),
          int('household_id'),
          str('state', 20),
          int('pending_user_id', true),
          str('name', 40),
          str('phone', 20),
          { name: 'via_code', type: 'boolean', default: false },
          str('reject_reason', 200, true),
          int('decided_by', true),
          time('decided_at', true),
          time('created_at'),
        ],
        indices: [
          { name: 'UQ_binding_requests_pending', columnNames: ['pending_user_id'], isUnique: true },
          { name: 'IX_binding_requests_state', columnNames: ['community_id', 'state', 'created_at'] },
          { name: 'IX_binding_requests_user', columnNames: ['user_id', 'created_at'] },
        ],
        foreignKeys: [fk('community_id', 'communities'), fk('user_id', 'users', 'CASCADE'), fk('household_id', 'households', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'binding_codes',
        columns: [
          id,
          str('code', 16),
          int('household_id'),
          int('created_by'),
          time('expires_at'),
          time('used_at', true),
          int('used_by', true),
          time('created_at'),
        ],
        indices: [{ name: 'UQ_binding_codes_code', columnNames: ['code'], isUnique: true }],
        foreignKeys: [fk('household_id', 'households', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_logs',
        columns: [
          id,
          int('community_id', true),
          int('actor_user_id'),
          str('action', 60),
          str('target_type', 40),
          str('target_id', 40, true),
          { name: 'details', type: 'text', isNullable: true },
          time('created_at'),
        ],
        indices: [{ name: 'IX_audit_logs_community', columnNames: ['community_id', 'created_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'idempotency_records',
        columns: [
          id,
          int('user_id'),
          str('idem_key', 100),
          str('fingerprint', 64),
          int('status_code'),
          { name: 'body', type: longText, isNullable: true },
          time('created_at'),
        ],
        indices: [{ name: 'UQ_idempotency_user_key', columnNames: ['user_id', 'idem_key'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'idempotency_records',
      'audit_logs',
      'binding_codes',
      'binding_requests',
      'role_assignments',
      'users',
      'households',
      'buildings',
      'communities',
    ]) {
      await q.dropTable(t);
    }
  }
}
