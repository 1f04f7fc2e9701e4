import { Injectable } from '@nestjs/common';
import type { RenameZoneRequest, ZoneView } from '@linli/shared-types';
import { staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { Building } from './entities/building.entity';
import { Household } from './entities/household.entity';

/**
 * Called inside the rename's transaction by a module that keeps zone names of its own (windows
 * serve zones, pharmacies are the default of zones), so that nothing is left naming the old one.
 */
export type ZoneRenameListener = (communityId: number, from: string, to: string) => Promise<void>;

/**
 * Zones (封控片区) are names on buildings and households (and, by name, on windows and pharmacy
 * defaults), not rows of their own: a zone exists while something is in it. Staff list them
 * and rename one everywhere at once.
 */
@Injectable()
export class ZonesService {
  private readonly listeners: ZoneRenameListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** A module keeping zone names registers how to rename them (at its module's init). */
  onRename(listener: ZoneRenameListener): void {
    this.listeners.push(listener);
  }

  /** The zones of buildings and households of the community, by name. */
  async list(actor: Actor): Promise<ZoneView[]> {
    const communityId = staffCommunity(actor);
    const count = async (entity: typeof Building | typeof Household): Promise<Map<string, number>> => {
      const rows = await this.db
        .repo(entity)
        .createQueryBuilder('x')
        .select('x.zone', 'zone')
        .addSelect('COUNT(*)', 'n')
        .where('x.community_id = :communityId AND x.zone IS NOT NULL', { communityId })
        .groupBy('x.zone')
        .getRawMany<{ zone: string; n: number | string }>();
      return new Map(rows.map((r) => [r.zone, Number(r.n)]));
    };
    const buildings = await count(Building);
    const households = await count(Household);
    const names = [...new Set([...buildings.keys(), ...households.keys()])].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
    return names.map((name) => ({ name, buildings: buildings.get(name) ?? 0, households: households.get(name) ?? 0 }));
  }

  /** Renames a zone on everything that names it. Merging two zones is refused (pick another name). */
  async rename(actor: Actor, dto: RenameZoneRequest): Promise<ZoneView[]> {
    const communityId = staffCommunity(actor);
    await this.db.transaction(async () => {
      const zones = await this.list(actor);
      if (!zones.some((z) => z.name === dto.from)) throw new DomainError('ZONE_NOT_FOUND', { zone: dto.from });
      if (dto.to === dto.from) return;
      if (zones.some((z) => z.name === dto.to)) throw new DomainError('ZONE_EXISTS', { zone: dto.to });
      await this.db.repo(Building).update({ communityId, zone: dto.from }, { zone: dto.to });
      await this.db.repo(Household).update({ communityId, zone: dto.from }, { zone: dto.to, updatedAt: this.clock.now() });
      for (const listener of this.listeners) await listener(communityId, dto.from, dto.to);
      await this.audit.record(actor, { action: 'zone.rename', targetType: 'community', targetId: communityId, details: { ...dto } });
    });
    return this.list(actor);
  }
}
