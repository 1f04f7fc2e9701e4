import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Db } from '../../common/database/db';
import { ZonesService } from '../community/zones.service';
import { OrderingWindow } from './entities/window.entity';
import { joinList, splitList } from './window-phase';

/** Windows serve zones by name: when staff rename a zone, the windows serving it follow. */
@Injectable()
export class WindowZones implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly zones: ZonesService,
  ) {}

  onModuleInit(): void {
    this.zones.onRename((communityId, from, to) => this.rename(communityId, from, to));
  }

  private async rename(communityId: number, from: string, to: string): Promise<void> {
    const repo = this.db.repo(OrderingWindow);
    const windows = await repo.find({ where: { communityId }, select: ['id', 'zones'] });
    for (const w of windows) {
      const zones = splitList(w.zones);
      if (zones.includes(from)) await repo.update({ id: w.id }, { zones: joinList(zones.map((z) => (z === from ? to : z))) });
    }
  }
}
