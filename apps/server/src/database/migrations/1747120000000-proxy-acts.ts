import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Proxy for every flow (issue 18): who paid a household's order or medicine with their own
 * WeChat, and as whom (the household, or staff, its grid worker, its 家属); who moved a parcel
 * as whom (confirmed a contactless parcel, said it was missing); who rated it as whom.
 */
export class ProxyActs1747120000000 implements MigrationInterface {
  name = 'ProxyActs1747120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('payments', [
      new TableColumn({ name: 'paid_by_user_id', type: 'int', isNullable: true }),
      new TableColumn({ name: 'paid_as', type: 'varchar', length: '12', isNullable: true }),
    ]);
    await q.addColumn('parcel_events', new TableColumn({ name: 'acting_as', type: 'varchar', length: '12', isNullable: true }));
    await q.addColumns('parcel_ratings', [
      new TableColumn({ name: 'rated_by_user_id', type: 'int', isNullable: true }),
      new TableColumn({ name: 'rated_as', type: 'varchar', length: '12', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('parcel_ratings', 'rated_as');
    await q.dropColumn('parcel_ratings', 'rated_by_user_id');
    await q.dropColumn('parcel_events', 'acting_as');
    await q.dropColumn('payments', 'paid_as');
    await q.dropColumn('payments', 'paid_by_user_id');
  }
}
