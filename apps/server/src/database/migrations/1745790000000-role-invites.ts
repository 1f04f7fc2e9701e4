import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Staff manage people: one-time invite codes for staff, supervisors and squad leaders, and when
 * and by whom each role was given (null for roles given before, by binding or by the seed).
 */
export class RoleInvites1745790000000 implements MigrationInterface {
  name = 'RoleInvites1745790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('role_assignments', [
      new TableColumn({ name: 'granted_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'granted_by', type: 'int', isNullable: true }),
    ]);
    await q.createTable(
      new Table({
        name: 'role_invites',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'squad', type: 'varchar', length: '20', isNullable: true },
          { name: 'note', type: 'varchar', length: '100', isNullable: true },
          { name: 'code', type: 'varchar', length: '12' },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'used_by', type: 'int', isNullable: true },
          { name: 'used_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'cancelled_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'UQ_role_invites_code', columnNames: ['code'], isUnique: true },
          { name: 'IDX_role_invites_community', columnNames: ['community_id', 'created_at'] },
        ],
        foreignKeys: [{ columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('role_invites');
    await q.dropColumn('role_assignments', 'granted_by');
    await q.dropColumn('role_assignments', 'granted_at');
  }
}
