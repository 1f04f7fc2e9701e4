import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Acting for a household in more flows (issue 18): a fair-share registration and a class
 * sign-up record as whom their `user_id` acted when not a member of the household (staff, its
 * grid worker, its 家属). Sign-ups staff made by phone before are marked as by staff.
 */
export class ProxyFlows1747100000000 implements MigrationInterface {
  name = 'ProxyFlows1747100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('registrations', new TableColumn({ name: 'proxy_kind', type: 'varchar', length: '12', isNullable: true }));
    await q.addColumn('class_signups', new TableColumn({ name: 'proxy_kind', type: 'varchar', length: '12', isNullable: true }));
    await q.query(`UPDATE class_signups SET proxy_kind = 'staff' WHERE by_staff = 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('class_signups', 'proxy_kind');
    await q.dropColumn('registrations', 'proxy_kind');
  }
}
