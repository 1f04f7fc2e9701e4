import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';

/**
 * The operator's first run (issue 13): communities get a district and an address and a unique
 * name (the CLI refuses a second 滨湖和园); the audit log records actions of the operator's CLI,
 * which is no user; and one-time sign-in codes, stored as their SHA-256 only.
 */
export class Operator1745780000000 implements MigrationInterface {
  name = 'Operator1745780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('communities', [
      new TableColumn({ name: 'district', type: 'varchar', length: '40', isNullable: true }),
      new TableColumn({ name: 'address', type: 'varchar', length: '200', isNullable: true }),
    ]);
    await q.createIndex('communities', new TableIndex({ name: 'UQ_communities_name', columnNames: ['name'], isUnique: true }));

    await q.changeColumn('audit_logs', 'actor_user_id', new TableColumn({ name: 'actor_user_id', type: 'int', isNullable: true }));
    await q.addColumn('audit_logs', new TableColumn({ name: 'actor_kind', type: 'varchar', length: '20', default: "'user'" }));

    await q.createTable(
      new Table({
        name: 'sign_in_codes',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'user_id', type: 'int' },
          { name: 'community_id', type: 'int', isNullable: true },
          { name: 'code_hash', type: 'varchar', length: '64' },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'used_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'voided_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_sign_in_codes_hash', columnNames: ['code_hash'], isUnique: true },
          { name: 'IX_sign_in_codes_user', columnNames: ['user_id'] },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['community_id'],
            referencedTableName: 'communities',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('sign_in_codes');
    await q.dropColumn('audit_logs', 'actor_kind');
    await q.query('DELETE FROM audit_logs WHERE actor_user_id IS NULL');
    await q.changeColumn('audit_logs', 'actor_user_id', new TableColumn({ name: 'actor_user_id', type: 'int' }));
    await q.dropIndex('communities', 'UQ_communities_name');
    await q.dropColumns('communities', ['district', 'address']);
  }
}
