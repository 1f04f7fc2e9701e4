import { Injectable } from '@nestjs/common';
import type { ClassView } from '@linli/shared-types';
import { hasRole, type Actor } from '../../../common/actor';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { DomainError } from '../../../common/domain-error';
import type { Household } from '../../community/entities/household.entity';
import { HouseholdsService } from '../../community/households.service';
import { ClassPlacesService } from './class-places.service';
import { classPhase, classReaches } from './class-rules';
import { ClassViews } from './class-views';
import { ActivityClass, ClassSignup } from './entities/class.entity';

/** How many of a community's classes, newest start first, a household's list looks at. */
const LIST_LIMIT = 300;

/**
 * What residents see and do: the classes for their building (or the whole community), upcoming
 * first, then past ones with their replays; signing the household up, joining the waiting list,
 * cancelling. A class for other buildings, or another community's, is not found.
 */
@Injectable()
export class ClassBoardService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly households: HouseholdsService,
    private readonly places: ClassPlacesService,
    private readonly views: ClassViews,
  ) {}

  /** Upcoming (soonest first), then past (latest first); a cancelled class only when the household had signed up. */
  async list(actor: Actor): Promise<ClassView[]> {
    return this.listFor((await this.residentOf(actor)).household);
  }

  /** A household's list, the same for its members and for whoever acts for it (who checked access). */
  async listFor(household: Pick<Household, 'id' | 'communityId' | 'buildingId'>): Promise<ClassView[]> {
    const communityId = household.communityId;
    const rows = await this.db
      .repo(ActivityClass)
      .find({ where: { communityId }, order: { startsAt: 'DESC', id: 'DESC' }, take: LIST_LIMIT });
    const reached = rows.filter((c) => classReaches(c.buildingIds, household.buildingId));
    const views = await this.views.forHousehold(reached, communityId, household.id);
    const shown = views.filter((v) => v.state !== 'CANCELLED' || v.mine !== null);
    const ahead = (v: ClassView): boolean => v.phase === 'UPCOMING' || v.phase === 'LIVE';
    const upcoming = shown.filter(ahead).sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id - b.id);
    const past = shown.filter((v) => !ahead(v));
    return [...upcoming, ...past];
  }

  async get(actor: Actor, id: number): Promise<ClassView> {
    const { communityId, household, cls } = await this.visibleOne(actor, id);
    return this.one(cls, communityId, household.id);
  }

  /** Signs my household up; a full class: CLASS_FULL, or the waiting list with `waitlist`. */
  async signUp(actor: Actor, id: number, waitlist: boolean): Promise<ClassView> {
    return this.db.transaction(async () => {
      const { communityId, household, cls } = await this.visibleOne(actor, id);
      await this.places.signUp(cls, household, { userId: actor.userId, byStaff: false, proxyKind: null }, waitlist);
      return this.one(await this.fresh(id), communityId, household.id);
    });
  }

  /** Gives my household's place back (a seat goes to the first on the waiting list). */
  async cancel(actor: Actor, id: number): Promise<ClassView> {
    return this.db.transaction(async () => {
      const { communityId, household, cls } = await this.visibleOne(actor, id);
      await this.places.cancel(cls, household.id);
      return this.one(await this.fresh(id), communityId, household.id);
    });
  }

  private async visibleOne(actor: Actor, id: number): Promise<{ communityId: number; household: Household; cls: ActivityClass }> {
    return this.visibleTo((await this.residentOf(actor)).household, id);
  }

  /** A class the household sees (its building's or everyone's; a cancelled one only when it had signed up), else CLASS_NOT_FOUND. */
  async visibleTo(household: Household, id: number): Promise<{ communityId: number; household: Household; cls: ActivityClass }> {
    const communityId = household.communityId;
    const cls = await this.db.repo(ActivityClass).findOneBy({ id, communityId });
    if (!cls || !classReaches(cls.buildingIds, household.buildingId)) throw new DomainError('CLASS_NOT_FOUND');
    if (cls.state === 'CANCELLED' && classPhase(cls, this.clock.now()) === 'CANCELLED') {
      const mine = await this.db.repo(ClassSignup).findOneBy({ classId: id, householdId: household.id });
      if (!mine) throw new DomainError('CLASS_NOT_FOUND');
    }
    return { communityId, household, cls };
  }

  async fresh(id: number): Promise<ActivityClass> {
    return this.db.repo(ActivityClass).findOneByOrFail({ id });
  }

  async one(cls: ActivityClass, communityId: number, householdId: number): Promise<ClassView> {
    return (await this.views.forHousehold([cls], communityId, householdId))[0] as ClassView;
  }

  /** The resident's community and household (a resident always has both). */
  private async residentOf(actor: Actor): Promise<{ communityId: number; household: Household }> {
    if (!hasRole(actor, 'resident') || actor.communityId === null || actor.householdId === null) throw new DomainError('FORBIDDEN');
    const household = await this.households.find(actor.householdId);
    if (household.communityId !== actor.communityId) throw new DomainError('FORBIDDEN');
    return { communityId: actor.communityId, household };
  }
}
