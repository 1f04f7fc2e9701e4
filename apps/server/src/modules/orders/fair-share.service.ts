import { Injectable } from '@nestjs/common';
import type { Actor as FlowActor, ProxyKind, RegisterRequest, RegistrationView } from '@linli/shared-types';
import { relationsTo } from '../../common/access';
import { AuditService } from '../../common/audit/audit.service';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { Transitions } from '../../common/workflow';
import { CatalogService } from '../catalog/catalog.service';
import type { OrderingWindow } from '../catalog/entities/window.entity';
import { windowPhase } from '../catalog/window-phase';
import { HouseholdsService } from '../community/households.service';
import { Registration, REGISTRATION_WORKFLOW } from './entities/registration.entity';
import { FairShareViews } from './fair-share-views';
import { mergeLines } from './orders.service';
import { ProxyAccess } from '../proxy/proxy-access';
import { householdOf, proxyOf, ProxyMessages } from '../proxy/proxy-messages';

/**
 * Fair share, for when demand will exceed supply: households register while the window is open;
 * at close a seeded lottery, committed to before anyone registered, allocates the stock
 * (FairShareDraw), and everyone can check the published draw (FairShareViews). This service
 * keeps the households' wishes, written by a member or by someone acting for the household.
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
    private readonly proxies: ProxyAccess,
    private readonly proxyMessages: ProxyMessages,
    private readonly audit: AuditService,
  ) {}

  /** Registers (or changes) my household's wish while the window is open. */
  async register(actor: Actor, windowId: number, dto: RegisterRequest): Promise<RegistrationView> {
    if (actor.householdId === null) throw new DomainError('NO_HOUSEHOLD');
    await this.registerFor(actor, actor.householdId, windowId, dto, null);
    return this.mine(actor, windowId);
  }

  /**
   * The same for a household the actor acts for (staff, its grid worker, its 家属): recorded with
   * who and as whom, and the household is told who registered for it.
   */
  async proxyRegister(actor: Actor, householdId: number, windowId: number, dto: RegisterRequest): Promise<RegistrationView> {
    const acting = await this.proxies.require(actor, householdId);
    const registration = await this.registerFor(actor, acting.household.id, windowId, dto, acting.as);
    const window = await this.catalog.staffVisibleWindow(windowId);
    const view = await this.views.registration(registration, window, await this.catalog.offers(windowId));
    const what = view.requested.map((l) => `${l.name} ${l.quantity} 份`).join('、');
    await this.proxyMessages.tell(proxyOf(actor, acting), householdOf(acting), {
      title: '有人为您家登记了抢购',
      act: `登记了「${window.title}」：${what}，截止后抽签`,
      link: `/pages/window/index?id=${windowId}`,
    });
    await this.audit.record(actor, {
      action: 'registration.proxy',
      targetType: 'window',
      targetId: windowId,
      details: { householdId: acting.household.id, as: acting.as },
    });
    return view;
  }

  /** The household's wish written (or replaced) by `actor`, as `proxyKind` when not a member; the row after. */
  private async registerFor(
    actor: Actor,
    householdId: number,
    windowId: number,
    dto: RegisterRequest,
    proxyKind: ProxyKind | null,
  ): Promise<Registration> {
    const household = await this.households.lockForUpdate(householdId);
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
    const wish = { requested, userId: actor.userId, proxyKind, updatedAt: now };
    if (existing?.state === 'WITHDRAWN') {
      const as = this.relations(actor, window.communityId, existing.householdId, proxyKind);
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
          proxyKind,
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
    return repo.findOneByOrFail({ windowId, householdId: household.id });
  }

  /** Withdraws my household's registration while the window is open. */
  async withdraw(actor: Actor, windowId: number): Promise<RegistrationView> {
    await this.withdrawFor(actor, await this.own(actor, windowId), null);
    return this.mine(actor, windowId);
  }

  /** The same for a household the actor acts for; the household is told. */
  async proxyWithdraw(actor: Actor, householdId: number, windowId: number): Promise<RegistrationView> {
    const acting = await this.proxies.require(actor, householdId);
    const registration = await this.ofHousehold(acting.household.id, windowId);
    const window = await this.withdrawFor(actor, registration, acting.as);
    await this.proxyMessages.tell(proxyOf(actor, acting), householdOf(acting), {
      title: '有人为您家撤回了登记',
      act: `撤回了「${window.title}」的登记`,
      link: `/pages/window/index?id=${windowId}`,
    });
    await this.audit.record(actor, {
      action: 'registration.proxy_withdraw',
      targetType: 'window',
      targetId: windowId,
      details: { householdId: acting.household.id, as: acting.as },
    });
    return this.views.registration(await this.ofHousehold(acting.household.id, windowId), window, await this.catalog.offers(windowId));
  }

  /** A household's registration, for someone who acts for it (staff see who registered it, and as whom). */
  async proxyView(actor: Actor, householdId: number, windowId: number): Promise<RegistrationView> {
    const { household } = await this.proxies.require(actor, householdId);
    const registration = await this.ofHousehold(household.id, windowId);
    return this.views.registration(registration, await this.catalog.staffVisibleWindow(windowId), await this.catalog.offers(windowId));
  }

  private async withdrawFor(actor: Actor, registration: Registration, proxyKind: ProxyKind | null): Promise<OrderingWindow> {
    const window = await this.catalog.staffVisibleWindow(registration.windowId);
    if (windowPhase(window, this.clock.now()) !== 'OPEN') throw new DomainError('WINDOW_CLOSED');
    if (registration.state !== 'WITHDRAWN') {
      const as = this.relations(actor, window.communityId, registration.householdId, proxyKind);
      const change = { userId: actor.userId, proxyKind, updatedAt: this.clock.now() };
      // Withdrawn by another member at the same moment: done either way.
      await this.transitions.transition(REGISTRATION_WORKFLOW, registration, 'WITHDRAWN', as, change, () => null);
    }
    return window;
  }

  /** The household's registration, with what each round gave it and by when to pay. */
  async mine(actor: Actor, windowId: number): Promise<RegistrationView> {
    const registration = await this.own(actor, windowId);
    const window = await this.catalog.staffVisibleWindow(windowId);
    return this.views.registration(registration, window, await this.catalog.offers(windowId));
  }

  /** Who the actor is to the registration; someone acting for the household moves it as the household does. */
  private relations(actor: Actor, communityId: number, householdId: number, proxyKind: ProxyKind | null): FlowActor[] {
    return relationsTo(actor, { communityId, householdId }, proxyKind === null ? {} : { actsFor: householdId });
  }

  private async ofHousehold(householdId: number, windowId: number): Promise<Registration> {
    const registration = await this.db.repo(Registration).findOneBy({ windowId, householdId });
    if (!registration) throw new DomainError('REGISTRATION_NOT_FOUND');
    return registration;
  }

  private async own(actor: Actor, windowId: number): Promise<Registration> {
    if (actor.householdId === null) throw new DomainError('NO_HOUSEHOLD');
    return this.ofHousehold(actor.householdId, windowId);
  }
}
