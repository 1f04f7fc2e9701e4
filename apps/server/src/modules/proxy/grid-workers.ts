import { Injectable } from '@nestjs/common';
import { Db } from '../../common/database/db';

/**
 * Who the grid workers are: the help teams' `grid_worker` assignments (building or household).
 * TEMPORARY until the help module's teams service lands in main: then this asks it instead of
 * reading its table.
 */
@Injectable()
export class GridWorkerDirectory {
  constructor(private readonly db: Db) {}

  async gridWorkerAssignments(communityId: number): Promise<{ buildingId: number | null; householdId: number | null; userId: number }[]> {
    const rows = await this.db.rows<{ buildingId: number | null; householdId: number | null; userId: number }>(
      `SELECT building_id AS buildingId, household_id AS householdId, user_id AS userId FROM help_team_members
       WHERE community_id = ? AND team_role = 'grid_worker'`,
      [communityId],
    );
    return rows.map((r) => ({
      buildingId: r.buildingId === null ? null : Number(r.buildingId),
      householdId: r.householdId === null ? null : Number(r.householdId),
      userId: Number(r.userId),
    }));
  }

  /** The household's grid worker: its own assignment before its building's; null for none. */
  async gridWorkerOf(household: { id: number; communityId: number; buildingId: number }): Promise<number | null> {
    const rows = await this.db.rows<{ householdId: number | null; userId: number }>(
      `SELECT household_id AS householdId, user_id AS userId FROM help_team_members
       WHERE community_id = ? AND team_role = 'grid_worker' AND (household_id = ? OR (household_id IS NULL AND building_id = ?))`,
      [household.communityId, household.id, household.buildingId],
    );
    const own = rows.find((r) => r.householdId !== null) ?? rows[0];
    return own ? Number(own.userId) : null;
  }

  async isGridWorker(communityId: number, userId: number): Promise<boolean> {
    const rows = await this.db.rows(
      `SELECT 1 FROM help_team_members WHERE community_id = ? AND team_role = 'grid_worker' AND user_id = ?`,
      [communityId, userId],
    );
    return rows.length > 0;
  }

  async isHelpOfHousehold(id: number, householdId: number): Promise<boolean> {
    return (await this.db.rows('SELECT 1 FROM help_requests WHERE id = ? AND household_id = ?', [id, householdId])).length > 0;
  }
}
