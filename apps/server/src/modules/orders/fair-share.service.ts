import { Injectable } from '@nestjs/common';
import type { RegisterRequest, RegistrationView } from '@linli/shared-types';
import { relationsTo } from '../../common/access';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { Transitions } from '../../common/workflow';
import { CatalogService } from '../catalog/catalog.service';
import { windowPhase } from '../catalog/window-phase';
import { HouseholdsService } from '../community/households.service';
import { Registration, REGISTRATION_WORKFLOW } from './entities/registration.entity';
import { FairShareViews } from './fair-share-views';
import { mergeLines } from './orders.service';

/**
 * Fair share, for when demand will exceed supply: households register while the window is open;
 * at close a seeded lottery, committed to before anyone registered, allocates the stock
 * (FairShareDraw), and everyone can check the published draw (FairShareViews). This service
 * keeps the households' wishes.
 */
@Injectable()
export class FairShareService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
    private readonly households: HouseholdsService,
    private readonly transitions: Transitions,
    private readonly views: FairShareViews,
  ) {}

  /** Registers (or changes) the household's wish while the window is open. */
  async register(actor: Actor, windowId: number, dto: RegisterRequest): Promise<RegistrationView> {
    if (actor.householdId === null) throw new DomainError('NO_HOUSEHOLD');
    const household = await this.households.lockForUpdate(actor.householdId);
    const { window, offers } = await this.catalog.offerTo(windowId, household);
    if (window.mode !== 'fair') throw new DomainError('WINDOW_NOT_FAIR_SHARE');
    const lines = mergeLines(dto.lines, offers);
    const over = lines.find((l) => l.quantity > l.offer.limitPerHousehold);
    if (over)
      throw new DomainError('HOUSEHOLD_LIMIT', { itemId: over.offer.itemId, name: over.offer.name, limit: over.offer.limitPerHousehold });
    const requested = JSON.stringify(lines.map((l) => ({ itemId: l.offer.itemId, quantity: l.quantity })));
    const now = this.clock.now();
    const repo = this.db.repo(Registration);
    const existing = await repo.findOneBy({ windowId, householdId: household.id });
    const wish = { requested, userId: actor.userId, updatedAt: now };
    if (existing?.state === 'WITHDRAWN') {
      const as = relationsTo(actor, { communityId: window.communityId, householdId: existing.householdId });
      // Another member registering again at the same moment is as good.
      if (!(await this.transitions.transition(REGISTRATION_WORKFLOW, existing, 'REGISTERED', as, wish, () => null))) {
        await repo.update({ id: existing.id }, wish);
      }
    } else if (existing) {
      await repo.update({ id: existing.id }, wish);
    } else {
      try {
        await repo.insert({
          windowId,
          householdId: household.id,
          userId: actor.userId,
          state: 'REGISTERED',
          requested,
          allocated: null,
          priority: false,
          drawPosition: null,
          orderId: null,
          round2Position: null,
          round2Allocated: null,
          round2OrderId: null,
          createdAt: now,
          updatedAt: now,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Another member of the household registered at the same moment: this wish replaces theirs.
        await repo.update({ windowId, householdId: household.id }, wish);
      }
    }
    return this.mine(actor, windowId);
  }

  /** Withdraws the household's registration while the window is open. */
  async withdraw(actor: Actor, windowId: number): Promise<RegistrationView> {
    const registration = await this.own(actor, windowId);
    const window = await this.catalog.staffVisibleWindow(windowId);
    if (windowPhase(window, this.clock.now()) !== 'OPEN') throw new DomainError('WINDOW_CLOSED');
    if (registration.state !== 'WITHDRAWN') {
      const as = relationsTo(actor, { communityId: window.communityId, householdId: registration.householdId });
      // Withdrawn by another member at the same moment: done either way.
      await this.transitions.transition(REGISTRATION_WORKFLOW, registration, 'WITHDRAWN', as, { updatedAt: this.clock.now() }, () => null);
    }
    return this.mine(actor, windowId);
  }

  /** The household's registration, with what each round gave it and by when to pay. */
  async mine(actor: Actor, windowId: number): Promise<RegistrationView> {
    const registration = await this.own(actor, windowId);
    const window = await this.catalog.staffVisibleWindow(windowId);
    return this.views.registration(registration, window, await this.catalog.offers(windowId));
  }

  private async own(actor: Actor, windowId: number): Promise<Registration> {
    if (actor.householdId === null) throw new DomainError('NO_HOUSEHOLD');
    const registration = await this.db.repo(Registration).findOneBy({ windowId, householdId: actor.householdId });
    if (!registration) throw new DomainError('REGISTRATION_NOT_FOUND');
    return registration;
  }
}
