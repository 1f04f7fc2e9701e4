import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Care campaigns (issue 18): a campaign keeps its selection (tags, buildings, households by
 * hand) and its package; `care_parcels` holds one row per household ever given one, unique per
 * (campaign, household), so running the campaign again — or two staff at once — adds only the
 * households that have none.
 */
export class CareCampaigns1746600000000 implements MigrationInterface {
  name = 'CareCampaigns1746600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'care_campaigns',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'title', type: 'varchar', length: '40' },
          { name: 'item_id', type: 'int', isNullable: true },
          { name: 'contents', type: 'varchar', length: '400' },
          // ",dialysis,elderly-alone," like households.tags; '' for none.
          { name: 'tags', type: 'varchar', length: '200' },
          { name: 'all_tags', type: 'boolean', default: false },
          // Comma-separated ids.
          { name: 'building_ids', type: 'text' },
          { name: 'household_ids', type: 'text' },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
          { name: 'last_run_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [{ name: 'IDX_care_campaigns_community', columnNames: ['community_id', 'id'] }],
        foreignKeys: [{ columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'care_parcels',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'campaign_id', type: 'int' },
          { name: 'community_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'parcel_id', type: 'int', isNullable: true },
          { name: 'created_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_care_parcels_household', columnNames: ['campaign_id', 'household_id'], isUnique: true },
          { name: 'IDX_care_parcels_household', columnNames: ['household_id', 'id'] },
        ],
        foreignKeys: [
          { columnNames: ['campaign_id'], referencedTableName: 'care_campaigns', referencedColumnNames: ['id'] },
          { columnNames: ['household_id'], referencedTableName: 'households', referencedColumnNames: ['id'] },
          { columnNames: ['parcel_id'], referencedTableName: 'parcels', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('care_parcels');
    await q.dropTable('care_campaigns');
  }
}
