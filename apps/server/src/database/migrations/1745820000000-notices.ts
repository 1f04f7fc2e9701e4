import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Notices staff post, their pictures, and which households have read them (issue 14). */
export class Notices1745820000000 implements MigrationInterface {
  name = 'Notices1745820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'notices',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'category', type: 'varchar', length: '20' },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'body', type: 'text' },
          { name: 'building_ids', type: 'varchar', length: '2000', default: "''" },
          { name: 'zones', type: 'varchar', length: '1000', default: "''" },
          { name: 'pinned', type: 'boolean', default: false },
          { name: 'urgent', type: 'boolean', default: false },
          { name: 'publish_at', type: 'datetime', precision: 3 },
          { name: 'expires_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'edited_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'edited_by', type: 'int', isNullable: true },
          { name: 'withdrawn_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'withdrawn_by', type: 'int', isNullable: true },
        ],
        indices: [{ name: 'IDX_notices_community', columnNames: ['community_id', 'publish_at'] }],
        foreignKeys: [{ columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notice_pictures',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'notice_id', type: 'int' },
          { name: 'file_id', type: 'int' },
          { name: 'position', type: 'int' },
        ],
        indices: [
          { name: 'IDX_notice_pictures_notice', columnNames: ['notice_id'] },
          { name: 'IDX_notice_pictures_file', columnNames: ['file_id'] },
        ],
        foreignKeys: [
          { columnNames: ['notice_id'], referencedTableName: 'notices', referencedColumnNames: ['id'] },
          { columnNames: ['file_id'], referencedTableName: 'files', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notice_reads',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'notice_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'building_id', type: 'int' },
          { name: 'user_id', type: 'int' },
          { name: 'read_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_notice_reads_household', columnNames: ['notice_id', 'household_id'], isUnique: true },
          { name: 'IDX_notice_reads_building', columnNames: ['notice_id', 'building_id'] },
        ],
        foreignKeys: [
          { columnNames: ['notice_id'], referencedTableName: 'notices', referencedColumnNames: ['id'] },
          { columnNames: ['household_id'], referencedTableName: 'households', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notice_reads');
    await q.dropTable('notice_pictures');
    await q.dropTable('notices');
  }
}
