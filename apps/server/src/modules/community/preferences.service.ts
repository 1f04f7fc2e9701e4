import { Injectable } from '@nestjs/common';
import type { PreferencesView, UpdatePreferencesRequest } from '@linli/shared-types';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';

/**
 * A person's display preferences (elderly mode first). Their own choice lives in
 * `user_preferences`, one nullable column per preference; where they have not chosen, their
 * household's staff default applies. The one writer of `user_preferences`.
 */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** What takes effect for this person now. */
  async of(actor: Actor): Promise<PreferencesView> {
    const [own] = await this.db.rows<{ elderly: number | boolean | null }>('SELECT elderly FROM user_preferences WHERE user_id = ?', [
      actor.userId,
    ]);
    if (own && own.elderly !== null) return { elderly: Boolean(own.elderly), elderlySource: 'user' };
    if (actor.householdId !== null) {
      const [household] = await this.db.rows<{ elderly: number | boolean }>(
        'SELECT elderly_default AS elderly FROM households WHERE id = ?',
        [actor.householdId],
      );
      if (household && Boolean(household.elderly)) return { elderly: true, elderlySource: 'household' };
    }
    return { elderly: false, elderlySource: 'default' };
  }

  /** The person's own choice (null forgets it); one row per person, the primary key decides. */
  async update(actor: Actor, dto: UpdatePreferencesRequest): Promise<void> {
    const now = this.clock.now();
    const elderly = dto.elderly === null ? null : dto.elderly ? 1 : 0;
    await this.db.run(
      this.db.isMysql
        ? 'INSERT INTO user_preferences (user_id, elderly, updated_at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE elderly = VALUES(elderly), updated_at = VALUES(updated_at)'
        : 'INSERT INTO user_preferences (user_id, elderly, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET elderly = excluded.elderly, updated_at = excluded.updated_at',
      [actor.userId, elderly, now],
    );
  }
}
