import { Injectable } from '@nestjs/common';
import { HelpFlowService } from '../help/help-flow.service';
import { HelpTeamsService } from '../help/help-teams.service';

/**
 * Who the grid workers are: the help teams' 网格员 (a building's, or a household's own, which
 * comes first), as the help module keeps them.
 */
@Injectable()
export class GridWorkerDirectory {
  constructor(
    private readonly teams: HelpTeamsService,
    private readonly help: HelpFlowService,
  ) {}

  gridWorkerAssignments(communityId: number): Promise<{ buildingId: number | null; householdId: number | null; userId: number }[]> {
    return this.teams.assignments(communityId, 'grid_worker');
  }

  /** The household's grid worker: its own assignment before its building's; null for none. */
  async gridWorkerOf(household: { id: number; communityId: number }): Promise<number | null> {
    const team = await this.teams.teamOf(household.communityId, household.id);
    return team.find((m) => m.role === 'grid_worker')?.userId ?? null;
  }

  async isGridWorker(communityId: number, userId: number): Promise<boolean> {
    return (await this.gridWorkerAssignments(communityId)).some((a) => a.userId === userId);
  }

  isHelpOfHousehold(id: number, householdId: number): Promise<boolean> {
    return this.help.isOfHousehold(id, householdId);
  }
}
