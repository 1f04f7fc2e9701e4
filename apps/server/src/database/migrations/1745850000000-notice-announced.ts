import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * `notices.announced_at`: when an urgent notice was told to the households it reaches as a
 * message (claimed by a conditional UPDATE, so it is told once whichever instance gets there).
 * Notices posted before this are taken as told.
 */
export class NoticeAnnounced1745850000000 implements MigrationInterface {
  name = 'NoticeAnnounced1745850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('notices', new TableColumn({ name: 'announced_at', type: 'datetime', precision: 3, isNullable: true }));
    await q.query('UPDATE notices SET announced_at = created_at');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('notices', 'announced_at');
  }
}
