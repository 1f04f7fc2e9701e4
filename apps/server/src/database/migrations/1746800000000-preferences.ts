import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Preferences (issue 18, elderly mode): `user_preferences` holds one row per person who has made
 * a choice, one nullable column per preference (null: they have not chosen, the household's
 * default applies), so more preferences are more columns. `households.elderly_default` is the
 * staff's default for a household (on for the elderly living alone, suggested by their tags).
 */
export class Preferences1746800000000 implements MigrationInterface {
  name = 'Preferences1746800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'user_preferences',
        columns: [
          { name: 'user_id', type: 'int', isPrimary: true },
          { name: 'elderly', type: 'boolean', isNullable: true },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await q.addColumn('households', new TableColumn({ name: 'elderly_default', type: 'boolean', default: false }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('households', 'elderly_default');
    await q.dropTable('user_preferences');
  }
}
