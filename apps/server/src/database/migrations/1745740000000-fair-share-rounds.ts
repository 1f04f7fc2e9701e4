import { createHash, randomBytes } from 'node:crypto';
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Fair-share draws that prove themselves, pay windows, and a second round (issue 12):
 * - `seed_hash`: the SHA-256 of the lottery seed, published from the window's creation; the
 *   seed itself (`allocation_seed`) is now made then too and revealed at the draw. Windows not
 *   drawn yet get theirs here (the commitment dates from this upgrade); windows already drawn
 *   keep a null hash, for their seed was chosen at the draw and nothing was committed;
 * - `pay_by`: when the draw's winners in a WeChat Pay window must have paid;
 * - `second_round_*`: when the second round ran, its winners' deadline, the units it drew
 *   (JSON [{ itemId, quantity }]); and on each registration its place, units and order in it.
 */
export class FairShareRounds1745740000000 implements MigrationInterface {
  name = 'FairShareRounds1745740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('windows', [
      new TableColumn({ name: 'seed_hash', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'pay_by', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'second_round_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'second_round_pay_by', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'second_round_stock', type: 'text', isNullable: true }),
    ]);
    await q.addColumns('registrations', [
      new TableColumn({ name: 'round2_position', type: 'int', isNullable: true }),
      new TableColumn({ name: 'round2_allocated', type: 'text', isNullable: true }),
      new TableColumn({ name: 'round2_order_id', type: 'int', isNullable: true }),
    ]);
    const undrawn = (await q.query(`SELECT id FROM windows WHERE mode = 'fair' AND allocated_at IS NULL`)) as { id: number }[];
    for (const { id } of undrawn) {
      const seed = randomBytes(32).toString('hex');
      const hash = createHash('sha256').update(seed, 'utf8').digest('hex');
      await q.query('UPDATE windows SET allocation_seed = ?, seed_hash = ? WHERE id = ?', [seed, hash, id]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // Before this migration a seed existed only once drawn, and was shown as soon as it existed.
    await q.query('UPDATE windows SET allocation_seed = NULL WHERE allocated_at IS NULL');
    await q.dropColumns('registrations', ['round2_position', 'round2_allocated', 'round2_order_id']);
    await q.dropColumns('windows', ['seed_hash', 'pay_by', 'second_round_at', 'second_round_pay_by', 'second_round_stock']);
  }
}
