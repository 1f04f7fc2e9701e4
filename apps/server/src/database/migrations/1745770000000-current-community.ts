import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Many communities on one server: the community a person acts in now (chosen from a poster or a
 * search before binding, switched on 「我的」, set by joining one). Their roles are read there.
 */
export class CurrentCommunity1745770000000 implements MigrationInterface {
  name = 'CurrentCommunity1745770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('users', new TableColumn({ name: 'community_id', type: 'int', isNullable: true }));
    // Everyone acts where their first role is, as before.
    await q.query(
      'UPDATE users SET community_id = (SELECT MIN(r.community_id) FROM role_assignments r WHERE r.user_id = users.id) WHERE community_id IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('users', 'community_id');
  }
}
