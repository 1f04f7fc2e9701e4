import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Db } from '../../common/database/db';
import { ZonesService } from '../community/zones.service';
import { PharmacyDefault } from './entities/pharmacy.entity';

/** A pharmacy is the default of zones by name: when staff rename a zone, its default follows. */
@Injectable()
export class PharmacyZones implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly zones: ZonesService,
  ) {}

  onModuleInit(): void {
    this.zones.onRename((communityId, from, to) => this.rename(communityId, from, to));
  }

  /** The zone's default moves to the new name; a default left on that name by an empty zone gives way. */
  private async rename(communityId: number, from: string, to: string): Promise<void> {
    const repo = this.db.repo(PharmacyDefault);
    if (!(await repo.existsBy({ communityId, zone: from }))) return;
    await repo.delete({ communityId, zone: to });
    await repo.update({ communityId, zone: from }, { zone: to });
  }
}
