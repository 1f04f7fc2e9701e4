import { MigrationInterface, QueryRunner, Table } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };

/** Parcels, what they carry, their audit timeline and ratings, and volunteers' duty and buildings. */
export class Parcels1745400000000 implements MigrationInterface {
  name = 'Parcels1745400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'parcels',
        columns: [
          id,
          { name: 'community_id', type: 'int' },
          { name: 'batch', type: 'varchar', length: '40' },
          { name: 'household_id', type: 'int' },
          { name: 'building_id', type: 'int' },
          { name: 'delivery_date', type: 'varchar', length: '10' },
          { name: 'contents', type: 'varchar', length: '500' },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'volunteer_id', type: 'int', isNullable: true },
          { name: 'assigned_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'failure_reason', type: 'varchar', length: '20', isNullable: true },
          { name: 'delivered_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          // One parcel per household per batch (a window and its delivery date).
          { name: 'UQ_parcels_batch_household', columnNames: ['batch', 'household_id'], isUnique: true },
          { name: 'IX_parcels_state_building', columnNames: ['community_id', 'state', 'building_id'] },
          { name: 'IX_parcels_volunteer', columnNames: ['volunteer_id', 'state'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'parcel_sources',
        columns: [
          id,
          { name: 'parcel_id', type: 'int' },
          { name: 'source_type', type: 'varchar', length: '20' },
          { name: 'source_id', type: 'int' },
        ],
        indices: [
          { name: 'UQ_parcel_sources', columnNames: ['source_type', 'source_id'], isUnique: true },
          { name: 'IX_parcel_sources_parcel', columnNames: ['parcel_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'parcel_events',
        columns: [
          id,
          { name: 'parcel_id', type: 'int' },
          { name: 'from_state', type: 'varchar', length: '20', isNullable: true },
          { name: 'to_state', type: 'varchar', length: '20' },
          { name: 'actor_user_id', type: 'int', isNullable: true },
          { name: 'via', type: 'varchar', length: '20' },
          { name: 'details', type: 'varchar', length: '500', isNullable: true },
          { name: 'at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IX_parcel_events_parcel', columnNames: ['parcel_id', 'at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'parcel_ratings',
        columns: [
          id,
          { name: 'parcel_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'volunteer_id', type: 'int', isNullable: true },
          { name: 'stars', type: 'int' },
          { name: 'comment', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_parcel_ratings_parcel', columnNames: ['parcel_id'], isUnique: true },
          { name: 'IX_parcel_ratings_volunteer', columnNames: ['volunteer_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'volunteer_profiles',
        columns: [
          { name: 'user_id', type: 'int', isPrimary: true },
          { name: 'community_id', type: 'int' },
          { name: 'on_duty', type: 'boolean', default: false },
          { name: 'capacity', type: 'int', default: 30 },
          { name: 'buildings', type: 'varchar', length: '2000', default: "''" },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    // The shift ledger: every time on duty, from on to off.
    await q.createTable(
      new Table({
        name: 'volunteer_shifts',
        columns: [
          id,
          { name: 'user_id', type: 'int' },
          { name: 'community_id', type: 'int' },
          { name: 'started_at', type: 'datetime', precision: 3 },
          { name: 'ended_at', type: 'datetime', precision: 3, isNullable: true },
          // The user's id while the shift is open, else null: one open shift per volunteer.
          { name: 'open_user_id', type: 'int', isNullable: true },
        ],
        indices: [
          { name: 'IX_volunteer_shifts_user', columnNames: ['user_id', 'started_at'] },
          { name: 'UQ_volunteer_shifts_open', columnNames: ['open_user_id'], isUnique: true },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['volunteer_shifts', 'volunteer_profiles', 'parcel_ratings', 'parcel_events', 'parcel_sources', 'parcels'])
      await q.dropTable(t);
  }
}
