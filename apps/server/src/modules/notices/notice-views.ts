import { Injectable } from '@nestjs/common';
import type { BuildingView, NoticeView, StaffNoticeView } from '@linli/shared-types';
import { In } from 'typeorm';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { HouseholdsService } from '../community/households.service';
import { FilesService } from '../files/files.service';
import { Notice, NoticePictureRow, NoticeRead } from './entities/notice.entity';
import { noticeStatus, reachesBuilding, splitList } from './notice-visibility';

/** Notices turned into what residents and staff receive (pictures as signed links, whom it reaches). */
@Injectable()
export class NoticeViews {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly households: HouseholdsService,
    private readonly files: FilesService,
  ) {}

  /** Views for a resident's household: `read` says whether the household has opened each. */
  async forHousehold(rows: Notice[], communityId: number, householdId: number): Promise<NoticeView[]> {
    const ids = rows.map((n) => n.id);
    const reads = ids.length
      ? await this.db.repo(NoticeRead).find({ where: { noticeId: In(ids), householdId }, select: ['noticeId'] })
      : [];
    const read = new Set(reads.map((r) => r.noticeId));
    return this.base(rows, communityId, (n) => read.has(n.id));
  }

  /** Views for staff, with the status and how many of the households it reaches have read it. */
  async forStaff(rows: Notice[], communityId: number): Promise<StaffNoticeView[]> {
    const ids = rows.map((n) => n.id);
    const counts = ids.length
      ? await this.db
          .repo(NoticeRead)
          .createQueryBuilder('r')
          .select('r.notice_id', 'noticeId')
          .addSelect('COUNT(*)', 'n')
          .where('r.notice_id IN (:...ids)', { ids })
          .groupBy('r.notice_id')
          .getRawMany<{ noticeId: number | string; n: number | string }>()
      : [];
    const buildings = await this.households.buildings(communityId);
    const perBuilding = await this.households.countByBuilding(communityId);
    const views = await this.base(rows, communityId, () => true, buildings);
    const now = this.clock.now();
    return views.map((v, i) => {
      const n = rows[i] as Notice;
      return {
        ...v,
        status: noticeStatus(n, now),
        withdrawnAt: n.withdrawnAt?.toISOString() ?? null,
        readHouseholds: Number(counts.find((c) => Number(c.noticeId) === n.id)?.n ?? 0),
        reachedHouseholds: buildings.filter((b) => reachesBuilding(n, b)).reduce((sum, b) => sum + (perBuilding.get(b.id) ?? 0), 0),
      };
    });
  }

  /** Whom a notice reaches, as people say it. */
  audience(n: Notice, buildings: BuildingView[]): string {
    const ids = splitList(n.buildingIds).map(Number);
    const names = ids.map((id) => buildings.find((b) => b.id === id)?.name ?? `${id}号楼`);
    const parts = [...names, ...splitList(n.zones)];
    return parts.length === 0 ? '全体居民' : parts.join('、');
  }

  private async base(rows: Notice[], communityId: number, read: (n: Notice) => boolean, known?: BuildingView[]): Promise<NoticeView[]> {
    if (rows.length === 0) return [];
    const buildings = known ?? (await this.households.buildings(communityId));
    const pictures = await this.db
      .repo(NoticePictureRow)
      .find({ where: { noticeId: In(rows.map((n) => n.id)) }, order: { position: 'ASC', id: 'ASC' } });
    return rows.map((n) => ({
      id: n.id,
      category: n.category,
      title: n.title,
      body: n.body,
      pictures: pictures.filter((p) => p.noticeId === n.id).map((p) => ({ id: p.fileId, url: this.files.link(p.fileId) })),
      buildingIds: splitList(n.buildingIds).map(Number),
      zones: splitList(n.zones),
      audience: this.audience(n, buildings),
      pinned: n.pinned,
      urgent: n.urgent,
      publishAt: n.publishAt.toISOString(),
      expiresAt: n.expiresAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
      editedAt: n.editedAt?.toISOString() ?? null,
      read: read(n),
    }));
  }
}
