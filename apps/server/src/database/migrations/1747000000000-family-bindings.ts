import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * 家属 (issue 18): a family member living elsewhere asks to act for a household; staff decide.
 * `open_key` is "household:user" while the request waits or holds, NULL once it ended, so one
 * person has at most one open binding per household (a unique key; NULLs do not collide) and
 * may ask again after a rejection.
 */
export class FamilyBindings1747000000000 implements MigrationInterface {
  name = 'FamilyBindings1747000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'family_bindings',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'user_id', type: 'int' },
          { name: 'relation', type: 'varchar', length: '10' },
          { name: 'name', type: 'varchar', length: '40' },
          { name: 'phone', type: 'varchar', length: '20' },
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'open_key', type: 'varchar', length: '30', isNullable: true },
          { name: 'reject_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'decided_by', type: 'int', isNullable: true },
          { name: 'decided_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_family_bindings_open', columnNames: ['open_key'], isUnique: true },
          { name: 'IDX_family_bindings_user', columnNames: ['user_id', 'state'] },
          { name: 'IDX_family_bindings_community', columnNames: ['community_id', 'state', 'id'] },
        ],
        foreignKeys: [
          { columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] },
          { columnNames: ['household_id'], referencedTableName: 'households', referencedColumnNames: ['id'] },
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('family_bindings');
  }
}
