import { Injectable } from '@nestjs/common';
import type { MeResponse, UpdatePreferencesRequest } from '@linli/shared-types';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { BindingsService } from './bindings.service';
import { HouseholdsService } from './households.service';
import { PreferencesService } from './preferences.service';
import { UsersService } from './users.service';

/** What 「我的」 shows: the user, their roles, their household or their binding request. */
@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersService,
    private readonly households: HouseholdsService,
    private readonly bindings: BindingsService,
    private readonly preferences: PreferencesService,
  ) {}

  /** The person's own display preferences (elderly mode); answers with what 「我的」 shows then. */
  async setPreferences(actor: Actor, dto: UpdatePreferencesRequest): Promise<MeResponse> {
    await this.preferences.update(actor, dto);
    return this.me(actor);
  }

  /** The person acts in this community from now on (a poster's, one found by name, the switcher). */
  async choose(actor: Actor, communityId: number): Promise<MeResponse> {
    if (!(await this.users.findCommunity(communityId))) throw new DomainError('COMMUNITY_NOT_FOUND');
    await this.users.setCurrentCommunity(actor.userId, communityId);
    const now = await this.users.loadActor(actor.userId);
    if (!now) throw new DomainError('UNAUTHENTICATED');
    return this.me(now);
  }

  async me(actor: Actor): Promise<MeResponse> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED');
    const community = actor.communityId !== null ? await this.users.findCommunity(actor.communityId) : null;
    return {
      user: { id: user.id, nickname: user.nickname, phone: user.phone },
      community: community ? { id: community.id, name: community.name } : null,
      communities: await this.users.communitiesOf(actor.userId),
      roles: actor.roles,
      household: actor.householdId !== null ? await this.households.getFor(actor, actor.householdId) : null,
      binding: await this.bindings.latestOf(actor),
      preferences: await this.preferences.of(actor),
    };
  }
}
