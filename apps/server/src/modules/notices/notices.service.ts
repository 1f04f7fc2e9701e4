import { Injectable } from '@nestjs/common';
import type { NoticeBuildingReads, NoticeReadStats, NoticeRequest, StaffNoticeView, UpdateNoticeRequest } from '@linli/shared-types';
import { IsNull } from 'typeorm';
import { staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { HouseholdsService } from '../community/households.service';
import { FilesService } from '../files/files.service';
import { Notice, NoticePictureRow, NoticeRead } from './entities/notice.entity';
import { NoticeViews } from './notice-views';
import { joinList, reachesBuilding } from './notice-visibility';
import { NoticeAnnouncer } from './notice-announcer';

/** The fields an edit may change, as stored. */
type NoticeFields = Pick<Notice, 'category' | 'title' | 'body' | 'buildingIds' | 'zones' | 'pinned' | 'urgent' | 'publishAt' | 'expiresAt'>;

/**
 * Staff's side of notices: post, edit (shown as edited), withdraw, and see who has read them,
 * building by building. Staff act on their own community only; every change is audited.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly files: FilesService,
    private readonly views: NoticeViews,
    private readonly announcer: NoticeAnnouncer,
  ) {}

  async create(actor: Actor, dto: NoticeRequest): Promise<StaffNoticeView> {
    const communityId = staffCommunity(actor);
    const now = this.clock.now();
    const fields: NoticeFields = {
      category: dto.category,
      title: dto.title,
      body: dto.body,
      buildingIds: joinList([...new Set(dto.buildingIds ?? [])].sort((a, b) => a - b)),
      zones: joinList(cleanZones(dto.zones ?? [])),
      pinned: dto.pinned ?? false,
      urgent: dto.urgent ?? false,
      publishAt: dto.publishAt ? new Date(dto.publishAt) : now,
      expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null,
    };
    await this.checkFields(communityId, fields, dto.buildingIds ?? [], now);
    const notice = await this.db.repo(Notice).save({
      ...fields,
      communityId,
      createdBy: actor.userId,
      createdAt: now,
      editedAt: null,
      editedBy: null,
      withdrawnAt: null,
      withdrawnBy: null,
    });
    await this.setPictures(actor, notice.id, dto.pictureIds ?? [], []);
    await this.announcer.announce(notice);
    await this.audit.record(actor, {
      action: 'notice.post',
      targetType: 'notice',
      targetId: notice.id,
      details: { ...dto },
    });
    return this.one(notice, communityId);
  }

  /** Every notice of the community, newest first, with its status and read figures. */
  async list(actor: Actor): Promise<StaffNoticeView[]> {
    const communityId = staffCommunity(actor);
    const rows = await this.db.repo(Notice).find({ where: { communityId }, order: { createdAt: 'DESC', id: 'DESC' }, take: 200 });
    return this.views.forStaff(rows, communityId);
  }

  async get(actor: Actor, id: number): Promise<StaffNoticeView> {
    const notice = await this.staffNotice(actor, id);
    return this.one(notice, notice.communityId);
  }

  /**
   * An edit: only the fields sent change, and the notice shows as edited with the time. A
   * withdrawn notice stays as it was (conditional UPDATE, so a withdrawal at the same moment wins).
   */
  async update(actor: Actor, id: number, dto: UpdateNoticeRequest): Promise<StaffNoticeView> {
    const notice = await this.staffNotice(actor, id);
    if (notice.withdrawnAt !== null) throw new DomainError('NOTICE_WITHDRAWN');
    const now = this.clock.now();
    const fields: NoticeFields = {
      category: dto.category ?? notice.category,
      title: dto.title ?? notice.title,
      body: dto.body ?? notice.body,
      buildingIds: dto.buildingIds ? joinList([...new Set(dto.buildingIds)].sort((a, b) => a - b)) : notice.buildingIds,
      zones: dto.zones ? joinList(cleanZones(dto.zones)) : notice.zones,
      pinned: dto.pinned ?? notice.pinned,
      urgent: dto.urgent ?? notice.urgent,
      publishAt: dto.publishAt === undefined ? notice.publishAt : dto.publishAt === null ? now : new Date(dto.publishAt),
      expiresAt: dto.expiresAt === undefined ? notice.expiresAt : dto.expiresAt === null ? null : new Date(dto.expiresAt),
    };
    if (dto.expiresAt !== undefined || dto.publishAt !== undefined || dto.buildingIds !== undefined) {
      await this.checkFields(notice.communityId, fields, dto.buildingIds ?? [], dto.expiresAt ? now : null);
    }
    const changes = changed(notice, fields);
    const picturesBefore = (await this.db.repo(NoticePictureRow).find({ where: { noticeId: id }, order: { position: 'ASC' } })).map(
      (p) => p.fileId,
    );
    const picturesChange = dto.pictureIds !== undefined && dto.pictureIds.join(',') !== picturesBefore.join(',');
    if (Object.keys(changes).length === 0 && !picturesChange) return this.one(notice, notice.communityId);
    const done = await this.db.repo(Notice).update({ id, withdrawnAt: IsNull() }, { ...fields, editedAt: now, editedBy: actor.userId });
    if (done.affected !== 1) throw new DomainError('NOTICE_WITHDRAWN');
    if (picturesChange && dto.pictureIds) {
      await this.setPictures(actor, id, dto.pictureIds, picturesBefore);
      changes.pictureIds = { before: picturesBefore, after: dto.pictureIds };
    }
    await this.audit.record(actor, { action: 'notice.edit', targetType: 'notice', targetId: id, details: { changes } });
    // An edit that makes a published notice urgent tells it now (once: an urgent notice already told is not told again).
    await this.announcer.announce({ ...notice, ...fields });
    return this.one({ ...notice, ...fields, editedAt: now, editedBy: actor.userId }, notice.communityId);
  }

  /** Withdraw: residents no longer see it. Withdrawing twice is harmless and audited once. */
  async withdraw(actor: Actor, id: number): Promise<StaffNoticeView> {
    const notice = await this.staffNotice(actor, id);
    if (notice.withdrawnAt !== null) return this.one(notice, notice.communityId);
    const now = this.clock.now();
    const done = await this.db.repo(Notice).update({ id, withdrawnAt: IsNull() }, { withdrawnAt: now, withdrawnBy: actor.userId });
    if (done.affected === 1) await this.audit.record(actor, { action: 'notice.withdraw', targetType: 'notice', targetId: id });
    return this.get(actor, id);
  }

  /**
   * Read figures per building: households that opened it against households the building has,
   * for every building it reaches (or that read it), and those lagging behind, lowest share first.
   */
  async reads(actor: Actor, id: number): Promise<NoticeReadStats> {
    const notice = await this.staffNotice(actor, id);
    const buildings = await this.households.buildings(notice.communityId);
    const perBuilding = await this.households.countByBuilding(notice.communityId);
    const counts = await this.db
      .repo(NoticeRead)
      .createQueryBuilder('r')
      .select('r.building_id', 'buildingId')
      .addSelect('COUNT(*)', 'n')
      .where('r.notice_id = :id', { id })
      .groupBy('r.building_id')
      .getRawMany<{ buildingId: number | string; n: number | string }>();
    const readIn = new Map(counts.map((c) => [Number(c.buildingId), Number(c.n)]));
    const rows: NoticeBuildingReads[] = buildings
      .filter((b) => reachesBuilding(notice, b) || readIn.has(b.id))
      .map((b) => {
        const households = perBuilding.get(b.id) ?? 0;
        const read = readIn.get(b.id) ?? 0;
        return { buildingId: b.id, name: b.name, households, read, share: households === 0 ? 1 : Math.min(1, read / households) };
      });
    const reached = rows.filter((r) =>
      reachesBuilding(notice, { id: r.buildingId, zone: buildings.find((b) => b.id === r.buildingId)?.zone ?? null }),
    );
    return {
      noticeId: id,
      readHouseholds: rows.reduce((sum, r) => sum + r.read, 0),
      reachedHouseholds: reached.reduce((sum, r) => sum + r.households, 0),
      buildings: rows,
      lagging: reached.filter((r) => r.read < r.households).sort((a, b) => a.share - b.share || a.read - b.read),
    };
  }

  /** A notice of the staff member's community; another community's: not found. */
  private async staffNotice(actor: Actor, id: number): Promise<Notice> {
    const communityId = staffCommunity(actor);
    const notice = await this.db.repo(Notice).findOneBy({ id, communityId });
    if (!notice) throw new DomainError('NOTICE_NOT_FOUND');
    return notice;
  }

  /** Buildings of this community; an expiry after the publish time and (when set now) in the future. */
  private async checkFields(communityId: number, f: NoticeFields, buildingIds: number[], now: Date | null): Promise<void> {
    await this.households.requireBuildings(communityId, buildingIds);
    if (f.expiresAt !== null && f.expiresAt.getTime() <= f.publishAt.getTime()) throw new DomainError('NOTICE_EXPIRY_BEFORE_PUBLISH');
    if (f.expiresAt !== null && now !== null && f.expiresAt.getTime() <= now.getTime()) throw new DomainError('NOTICE_EXPIRY_PASSED');
  }

  /** The notice's pictures become these; a new one must be a `notice` photo the actor uploaded. */
  private async setPictures(actor: Actor, noticeId: number, fileIds: number[], kept: number[]): Promise<void> {
    const unique = [...new Set(fileIds)];
    for (const fileId of unique) if (!kept.includes(fileId)) await this.files.claim(actor, fileId, 'notice');
    await this.db.repo(NoticePictureRow).delete({ noticeId });
    if (unique.length > 0) {
      await this.db.repo(NoticePictureRow).insert(unique.map((fileId, position) => ({ noticeId, fileId, position })));
    }
  }

  private async one(notice: Notice, communityId: number): Promise<StaffNoticeView> {
    return (await this.views.forStaff([notice], communityId))[0] as StaffNoticeView;
  }
}

function cleanZones(zones: string[]): string[] {
  return [...new Set(zones.map((z) => z.trim()).filter((z) => z !== ''))];
}

/** The fields that differ, with before and after, for the audit log. */
function changed(before: Notice, after: NoticeFields): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after) as (keyof NoticeFields)[]) {
    const a = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const b = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (a !== b) out[key] = { before: a, after: b };
  }
  return out;
}
