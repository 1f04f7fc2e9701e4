import { Injectable } from '@nestjs/common';
import type { ActedAs, ProxyKind } from '@linli/shared-types';
import { isStaffOf } from '../../common/access';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { HouseholdsService } from '../community/households.service';
import type { Household } from '../community/entities/household.entity';
import { FamilyBindingsService } from './family-bindings.service';
import { GridWorkerDirectory } from './grid-workers';

/**
 * Who may act for a household that is not their own, asked in one place by every flow that takes
 * a `householdId` for someone else: staff of its community, its grid worker (the help team's
 * 网格员 of the household, or of its building when the household has none of its own), or a
 * family member bound to it as 家属 with staff approval. Anyone else: NOT_PROXY; a household of
 * another community does not exist for them (HOUSEHOLD_NOT_FOUND).
 */
@Injectable()
export class ProxyAccess {
  constructor(
    private readonly households: HouseholdsService,
    private readonly family: FamilyBindingsService,
    private readonly gridWorkers: GridWorkerDirectory,
  ) {}

  /** As whom the actor may act for this household, or null. */
  async kindFor(actor: Actor, household: Pick<Household, 'id' | 'communityId' | 'buildingId'>): Promise<ProxyKind | null> {
    if (isStaffOf(actor, household.communityId)) return 'staff';
    if (await this.family.isFamily(actor.userId, household.id)) return 'family';
    if (actor.communityId === household.communityId && (await this.gridWorkers.gridWorkerOf(household)) === actor.userId)
      return 'grid_worker';
    return null;
  }

  /** The household the actor acts for, and as whom; refuses anyone who may not. */
  async require(actor: Actor, householdId: number): Promise<{ household: Household; as: ProxyKind }> {
    const household = await this.households.find(householdId);
    const as = await this.kindFor(actor, household);
    if (as !== null) return { household, as };
    if (actor.communityId !== household.communityId && !(await this.family.isFamily(actor.userId, household.id))) {
      throw new DomainError('HOUSEHOLD_NOT_FOUND');
    }
    throw new DomainError('NOT_PROXY');
  }

  /**
   * The record's household when the actor acts for it as grid worker or 家属 (the `actsFor` fact of
   * common/access.ts); null otherwise, and for staff, who relate as staff already.
   */
  async actsFor(actor: Actor, record: { communityId: number; householdId?: number | null } | null): Promise<number | null> {
    if (!record || record.householdId === null || record.householdId === undefined || record.householdId === actor.householdId) return null;
    if (isStaffOf(actor, record.communityId)) return null;
    const household = await this.households.find(record.householdId);
    const as = await this.kindFor(actor, household);
    return as === 'family' || as === 'grid_worker' ? household.id : null;
  }

  /**
   * As whom the actor acts on a household's record (paying it, confirming its parcel): its own
   * member (`household`), a proxy for it, or null when they may not. Never throws.
   */
  async actingAs(actor: Actor, record: { communityId: number; householdId: number }): Promise<ActedAs | null> {
    if (actor.householdId !== null && actor.householdId === record.householdId) return 'household';
    const household = await this.households.find(record.householdId).catch(() => null);
    if (!household || household.communityId !== record.communityId) return null;
    return this.kindFor(actor, household);
  }
}
