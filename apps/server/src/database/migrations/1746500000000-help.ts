import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Help requests (issue 17): the building's team of five (a row per role per building or
 * household), each community's deadlines per category and urgency, the requests with the times
 * their deadlines and escalations are computed from, and each request's thread and history.
 */
export class Help1746500000000 implements MigrationInterface {
  name = 'Help1746500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'help_team_members',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          // 'b:<building id>' or 'h:<household id>': one person per role per scope (a unique key, no NULLs in it).
          { name: 'scope_key', type: 'varchar', length: '20' },
          { name: 'building_id', type: 'int', isNullable: true },
          { name: 'household_id', type: 'int', isNullable: true },
          { name: 'team_role', type: 'varchar', length: '12' },
          { name: 'user_id', type: 'int' },
          { name: 'assigned_by', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'UQ_help_team_role', columnNames: ['community_id', 'scope_key', 'team_role'], isUnique: true },
          { name: 'IDX_help_team_user', columnNames: ['user_id'] },
        ],
        foreignKeys: [
          { columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] },
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'help_deadlines',
        columns: [
          { name: 'community_id', type: 'int', isPrimary: true },
          { name: 'category', type: 'varchar', length: '12', isPrimary: true },
          { name: 'urgency', type: 'varchar', length: '8', isPrimary: true },
          { name: 'first_response_minutes', type: 'int' },
          { name: 'solution_minutes', type: 'int' },
          { name: 'updated_by', type: 'int' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'help_requests',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'community_id', type: 'int' },
          { name: 'household_id', type: 'int' },
          { name: 'building_id', type: 'int' },
          { name: 'category', type: 'varchar', length: '12' },
          { name: 'urgency', type: 'varchar', length: '8' },
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'text', type: 'varchar', length: '500' },
          // Comma-separated file ids (purpose `help`).
          { name: 'photo_ids', type: 'varchar', length: '100', isNullable: true },
          { name: 'asked_by', type: 'int' },
          // 1 when someone asked for the household (staff, a grid worker, family).
          { name: 'proxy', type: 'boolean', default: false },
          // The team role the category goes to first (null: counselling).
          { name: 'route_role', type: 'varchar', length: '12', isNullable: true },
          { name: 'assignee_id', type: 'int', isNullable: true },
          { name: 'assignee_as', type: 'varchar', length: '12', isNullable: true },
          // Deadlines are stored at asking (from the community's deadlines then), so a later change
          // of the deadlines, a restart or a second instance changes nothing already asked.
          { name: 'first_response_due', type: 'datetime', precision: 3 },
          { name: 'first_response_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'first_responder_id', type: 'int', isNullable: true },
          { name: 'solution_due', type: 'datetime', precision: 3 },
          { name: 'resolved_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'reopen_count', type: 'int', default: 0 },
          { name: 'closed_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'rating', type: 'int', isNullable: true },
          { name: 'rating_comment', type: 'varchar', length: '200', isNullable: true },
          { name: 'merged_into_id', type: 'int', isNullable: true },
          // 0 none, 1 first response missed, 2 solution missed: raised by a conditional UPDATE, once.
          { name: 'escalation', type: 'int', default: 0 },
          { name: 'first_escalated_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'solution_escalated_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'IDX_help_requests_community', columnNames: ['community_id', 'state', 'id'] },
          { name: 'IDX_help_requests_household', columnNames: ['household_id', 'id'] },
          { name: 'IDX_help_requests_first_due', columnNames: ['state', 'first_response_due'] },
          { name: 'IDX_help_requests_solution_due', columnNames: ['state', 'solution_due'] },
          { name: 'IDX_help_requests_assignee', columnNames: ['assignee_id', 'state'] },
          { name: 'IDX_help_requests_created', columnNames: ['community_id', 'created_at'] },
        ],
        foreignKeys: [
          { columnNames: ['community_id'], referencedTableName: 'communities', referencedColumnNames: ['id'] },
          { columnNames: ['household_id'], referencedTableName: 'households', referencedColumnNames: ['id'] },
          { columnNames: ['asked_by'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'help_events',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'request_id', type: 'int' },
          { name: 'kind', type: 'varchar', length: '12' },
          { name: 'actor_id', type: 'int', isNullable: true },
          { name: 'actor_as', type: 'varchar', length: '12', isNullable: true },
          { name: 'text', type: 'varchar', length: '1000', isNullable: true },
          { name: 'photo_ids', type: 'varchar', length: '100', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IDX_help_events_request', columnNames: ['request_id', 'id'] }],
        foreignKeys: [{ columnNames: ['request_id'], referencedTableName: 'help_requests', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('help_events');
    await q.dropTable('help_requests');
    await q.dropTable('help_deadlines');
    await q.dropTable('help_team_members');
  }
}
