import { MigrationInterface, QueryRunner, Table } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' } as const;
const at = (name: string, nullable = false) => ({ name, type: 'datetime', precision: 3, isNullable: nullable });

/**
 * Patient transport (issue 18): patients with their weekly schedule, the community's vehicles
 * with their drivers, and each day's trips with their riders. `UQ_care_trip_riders_day` keeps a
 * patient in one trip a day whoever builds it (twice, or two staff at once); a trip keeps its
 * vehicle and driver busy from `depart_at` to `busy_until`, checked while the community's
 * vehicle rows are locked (see TransportService).
 */
export class CareTransport1746700000000 implements MigrationInterface {
  name = 'CareTransport1746700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'care_patients',
        columns: [
          id,
          { name: 'community_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'name', type: 'varchar', length: '20' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'hospital', type: 'varchar', length: '40' },
          // ISO weekdays as digits: "135" = Mon, Wed, Fri.
          { name: 'weekdays', type: 'varchar', length: '7' },
          { name: 'pickup_time', type: 'varchar', length: '5' },
          { name: 'wheelchair', type: 'boolean', default: false },
          { name: 'companion', type: 'boolean', default: false },
          { name: 'note', type: 'varchar', length: '200', default: "''" },
          { name: 'active', type: 'boolean', default: true },
          { name: 'created_by', type: 'int' },
          at('created_at'),
          at('updated_at'),
        ],
        indices: [{ name: 'IDX_care_patients_community', columnNames: ['community_id', 'active'] }],
        foreignKeys: [
          { columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] },
          { columnNames: ['household_id'], referencedTableName: 'households', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'care_vehicles',
        columns: [
          id,
          { name: 'community_id', type: 'int' },
          { name: 'name', type: 'varchar', length: '30' },
          { name: 'plate', type: 'varchar', length: '20' },
          { name: 'seats', type: 'int' },
          { name: 'wheelchair_places', type: 'int' },
          { name: 'driver_id', type: 'int' },
          { name: 'active', type: 'boolean', default: true },
          { name: 'created_by', type: 'int' },
          at('created_at'),
          at('updated_at'),
        ],
        indices: [{ name: 'IDX_care_vehicles_community', columnNames: ['community_id', 'id'] }],
        foreignKeys: [
          { columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] },
          { columnNames: ['driver_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'care_trips',
        columns: [
          id,
          { name: 'community_id', type: 'int' },
          { name: 'date', type: 'varchar', length: '10' },
          { name: 'vehicle_id', type: 'int' },
          { name: 'driver_id', type: 'int' },
          { name: 'depart_time', type: 'varchar', length: '5' },
          { name: 'hospital', type: 'varchar', length: '40' },
          at('depart_at'),
          at('busy_until'),
          { name: 'state', type: 'varchar', length: '20' },
          at('picked_up_at', true),
          at('arrived_at', true),
          at('returned_at', true),
          at('cancelled_at', true),
          { name: 'created_by', type: 'int' },
          at('created_at'),
        ],
        indices: [
          { name: 'IDX_care_trips_day', columnNames: ['community_id', 'date'] },
          { name: 'IDX_care_trips_vehicle', columnNames: ['vehicle_id', 'depart_at'] },
          { name: 'IDX_care_trips_driver', columnNames: ['driver_id', 'depart_at'] },
        ],
        foreignKeys: [
          { columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] },
          { columnNames: ['vehicle_id'], referencedTableName: 'care_vehicles', referencedColumnNames: ['id'] },
          { columnNames: ['driver_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'care_trip_riders',
        columns: [
          id,
          { name: 'trip_id', type: 'int' },
          { name: 'patient_id', type: 'int' },
          { name: 'date', type: 'varchar', length: '10' },
          at('created_at'),
        ],
        indices: [
          { name: 'UQ_care_trip_riders_day', columnNames: ['patient_id', 'date'], isUnique: true },
          { name: 'IDX_care_trip_riders_trip', columnNames: ['trip_id'] },
        ],
        foreignKeys: [
          { columnNames: ['trip_id'], referencedTableName: 'care_trips', referencedColumnNames: ['id'] },
          { columnNames: ['patient_id'], referencedTableName: 'care_patients', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('care_trip_riders');
    await q.dropTable('care_trips');
    await q.dropTable('care_vehicles');
    await q.dropTable('care_patients');
  }
}
