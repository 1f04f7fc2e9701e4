import { Injectable } from '@nestjs/common';
import { PROXY_KIND_LABELS, type ProxyHousehold } from '@linli/shared-types';
import type { Actor } from '../../common/actor';
import { HouseholdsService } from '../community/households.service';
import { FamilyBindingsService } from './family-bindings.service';
import { GridWorkerDirectory } from './grid-workers';
import { gridWorkers } from '../care/ledger/ledger-rules';

/** The households a person acts for: as an approved 家属, or as the grid worker of vulnerable households. */
@Injectable()
export class ProxyHouseholdsService {
  constructor(
    private readonly households: HouseholdsService,
    private readonly family: FamilyBindingsService,
    private readonly grid: GridWorkerDirectory,
  ) {}

  async list(actor: Actor): Promise<ProxyHousehold[]> {
    if (actor.communityId === null) return [];
    const kinds = new Map<number, 'family' | 'grid_worker'>();
    const assignments = await this.grid.gridWorkerAssignments(actor.communityId);
    if (assignments.some((a) => a.userId === actor.userId)) {
      const workerOf = gridWorkers(await this.households.vulnerable(actor.communityId), assignments);
      for (const [householdId, userId] of workerOf) if (userId === actor.userId) kinds.set(householdId, 'grid_worker');
    }
    for (const id of await this.family.familyHouseholds(actor.userId, actor.communityId)) kinds.set(id, 'family');
    const ids = [...kinds.keys()];
    const doors = await this.households.doors(ids);
    const facts = await this.households.contactsOf(ids);
    return ids
      .map((householdId) => {
        const as = kinds.get(householdId) as 'family' | 'grid_worker';
        const door = doors.get(householdId);
        return {
          householdId,
          door: door ? `${door.building}${door.unit}${door.room}` : '',
          as,
          asLabel: PROXY_KIND_LABELS[as],
          contactName: facts.get(householdId)?.contactName ?? null,
          tags: facts.get(householdId)?.tags ?? [],
        };
      })
      .sort((a, b) => Number(a.as !== 'family') - Number(b.as !== 'family') || a.door.localeCompare(b.door, 'zh'));
  }
}
