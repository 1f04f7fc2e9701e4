import { readableCode } from '../../common/readable-code';
import { Injectable } from '@nestjs/common';
import {
  formatDoor,
  PRIORITY_TAGS,
  maskPhone,
  type BindingCodeResponse,
  type HouseholdTag,
  type BuildingView,
  type HouseholdView,
  type Page,
  type UpsertHouseholdRequest,
} from '@linli/shared-types';
import { Brackets, In, SelectQueryBuilder } from 'typeorm';
import { requireRelation, staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { pageWindow } from '../../common/page-query.dto';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import type { HouseholdQueryDto } from './dto/community.dto';
import { BindingCode } from './entities/binding-code.entity';
import { Building } from './entities/building.entity';
import { Community } from './entities/community.entity';
import { Household } from './entities/household.entity';
import { User } from './entities/user.entity';
import { joinTags, splitTags } from './household-tags';

/** Where a household lives, as other modules show it. */
export interface Door {
  address: string;
  buildingId: number;
  building: string;
  unit: string;
  room: string;
  /** The household's contact phone (callers mask it for volunteers). */
  contactPhone: string | null;
}

/** A household with a care tag, as the care ledger lists it. */
export interface VulnerableHousehold {
  id: number;
  buildingId: number;
  door: string;
  tags: HouseholdTag[];
  contactName: string | null;
  contactPhone: string | null;
}

/** A household locked for the command that orders or registers for it, with its door label. */
export interface LockedHousehold {
  id: number;
  communityId: number;
  buildingId: number;
  zone: string | null;
  /** 滨湖和园 3栋2单元1203, as `doors` gives it. */
  address: string;
}

/** 滨湖和园 3栋2单元1203: the community's name and the door. */
function doorAddress(community: string, building: string, unit: string, room: string): string {
  return `${community} ${formatDoor(building, unit, room)}`.trim();
}

const CODE_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/** Households of a community: who lives where, and what care they need. */
@Injectable()
export class HouseholdsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async buildings(communityId: number): Promise<BuildingView[]> {
    const rows = await this.db.repo(Building).find({ where: { communityId }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return rows.map((b) => ({ id: b.id, name: b.name, units: b.units ? b.units.split(',') : [], zone: b.zone }));
  }

  /** A resident may read only their own household; staff any of their community. Others: not found. */
  async getFor(actor: Actor, id: number): Promise<HouseholdView> {
    const found = await this.db.repo(Household).findOneBy({ id });
    const { record: household } = requireRelation(actor, found && { ...found, householdId: found.id }, 'HOUSEHOLD_NOT_FOUND');
    const [view] = await this.views([household], true);
    return view as HouseholdView;
  }

  /** A household by id, for other modules' own access checks (no check here). */
  /** The household at this door of the community; HOUSEHOLD_NOT_FOUND when there is none. */
  async findByDoor(communityId: number, buildingId: number, unit: string, room: string): Promise<Household> {
    const household = await this.db.repo(Household).findOneBy({ communityId, buildingId, unit, room });
    if (!household) throw new DomainError('HOUSEHOLD_NOT_FOUND');
    return household;
  }

  /** Each household's contact name and care tags (for those acting for it). */
  async contactsOf(ids: number[]): Promise<Map<number, { contactName: string | null; tags: HouseholdTag[] }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.db.repo(Household).find({ where: { id: In(unique) }, select: ['id', 'contactName', 'tags'] });
    return new Map(rows.map((h) => [h.id, { contactName: h.contactName, tags: splitTags(h.tags) }]));
  }

  async find(id: number): Promise<Household> {
    const household = await this.db.repo(Household).findOneBy({ id });
    if (!household) throw new DomainError('HOUSEHOLD_NOT_FOUND');
    return household;
  }

  /**
   * Locks the household row for the rest of the command's transaction, so that two members of
   * one household ordering at the same second take their turns (and InnoDB does not deadlock on
   * their purchase counters). SQLite serialises writers already.
   */
  async lockForUpdate(id: number): Promise<LockedHousehold> {
    // The door's names come from subqueries, which a locking read does not lock (InnoDB locks
    // only the rows of the outer table): a join would lock the community row every order shares.
    const [row] = await this.db.rows<{
      id: number;
      communityId: number;
      buildingId: number;
      zone: string | null;
      unit: string;
      room: string;
      building: string | null;
      community: string | null;
    }>(
      `SELECT h.id AS id, h.community_id AS communityId, h.building_id AS buildingId, h.zone AS zone, h.unit AS unit, h.room AS room,
              (SELECT b.name FROM buildings b WHERE b.id = h.building_id) AS building,
              (SELECT c.name FROM communities c WHERE c.id = h.community_id) AS community
         FROM households h WHERE h.id = ?${this.db.isMysql ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw new DomainError('HOUSEHOLD_NOT_FOUND');
    return {
      id: Number(row.id),
      communityId: Number(row.communityId),
      buildingId: Number(row.buildingId),
      zone: row.zone,
      address: doorAddress(row.community ?? '', row.building ?? '', row.unit, row.room),
    };
  }

  /** Door labels (滨湖和园 3栋2单元1203) and buildings of households, for other modules' views. */
  async doors(ids: number[]): Promise<Map<number, Door>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.db.manager
      .createQueryBuilder(Household, 'h')
      .innerJoin(Building, 'b', 'b.id = h.building_id')
      .innerJoin(Community, 'c', 'c.id = h.community_id')
      .select([
        'h.id AS id',
        'h.building_id AS buildingId',
        'h.unit AS unit',
        'h.room AS room',
        'b.name AS building',
        'c.name AS community',
        'h.contact_phone AS contactPhone',
      ])
      .where('h.id IN (:...ids)', { ids: unique })
      .getRawMany<{
        id: number;
        buildingId: number;
        unit: string;
        room: string;
        building: string;
        community: string;
        contactPhone: string | null;
      }>();
    return new Map(
      rows.map((r) => [
        Number(r.id),
        {
          address: doorAddress(r.community, r.building, r.unit, r.room),
          buildingId: Number(r.buildingId),
          building: r.building,
          unit: r.unit,
          room: r.room,
          contactPhone: r.contactPhone,
        },
      ]),
    );
  }

  /** Which of these households carry a priority tag (served first in fair-share draws). */
  /** Every household of the community with its building and care tags (a care campaign chooses among them). */
  async careCandidates(communityId: number): Promise<{ id: number; buildingId: number; tags: HouseholdTag[] }[]> {
    const rows = await this.db.rows<{ id: number; buildingId: number; tags: string }>(
      'SELECT id, building_id AS buildingId, tags FROM households WHERE community_id = ? ORDER BY id',
      [communityId],
    );
    return rows.map((r) => ({ id: Number(r.id), buildingId: Number(r.buildingId), tags: splitTags(r.tags) }));
  }

  /** The community's households with a care tag, with their doors and contacts (the care ledger's list). */
  async vulnerable(communityId: number): Promise<VulnerableHousehold[]> {
    const rows = await this.db.rows<{
      id: number;
      buildingId: number;
      building: string;
      unit: string;
      room: string;
      tags: string;
      contactName: string | null;
      contactPhone: string | null;
    }>(
      `SELECT h.id, h.building_id AS buildingId, b.name AS building, h.unit, h.room, h.tags, h.contact_name AS contactName, h.contact_phone AS contactPhone
       FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.community_id = ? AND h.tags <> '' ORDER BY h.id`,
      [communityId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      buildingId: Number(r.buildingId),
      door: formatDoor(r.building, r.unit, r.room),
      tags: splitTags(r.tags),
      contactName: r.contactName,
      contactPhone: r.contactPhone,
    }));
  }

  async priorityOf(ids: number[]): Promise<Set<number>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.db.repo(Household).find({ where: { id: In(unique) }, select: ['id', 'tags'] }) : [];
    return new Set(rows.filter((h) => splitTags(h.tags).some((t) => (PRIORITY_TAGS as readonly string[]).includes(t))).map((h) => h.id));
  }

  /** Staff search by building, room, tag or contact. */
  async list(actor: Actor, query: HouseholdQueryDto): Promise<Page<HouseholdView>> {
    const { page, pageSize, skip } = pageWindow(query, 20);
    // One row per household (the join is to-one), so plain OFFSET/LIMIT pages correctly.
    const [rows, total] = await this.filtered(staffCommunity(actor), query).offset(skip).limit(pageSize).getManyAndCount();
    return { items: await this.views(rows, true), total, page, pageSize };
  }

  /** Every household matching the query (for export), with its building. */
  async all(actor: Actor, query: HouseholdQueryDto): Promise<{ household: Household; building: string }[]> {
    const rows = await this.filtered(staffCommunity(actor), query).getMany();
    const names = await this.buildingNames(rows);
    return rows.map((household) => ({ household, building: names.get(household.buildingId) ?? '' }));
  }

  async create(actor: Actor, dto: UpsertHouseholdRequest): Promise<HouseholdView> {
    const communityId = staffCommunity(actor);
    const saved = await this.db.transaction(async () => {
      await this.requireBuilding(communityId, dto.buildingId);
      const now = this.clock.now();
      const household = await this.saveDoor(
        this.db
          .repo(Household)
          .create({ communityId, ...this.fields(dto), elderlyDefault: dto.elderlyDefault ?? false, createdAt: now, updatedAt: now }),
      );
      await this.audit.record(actor, { action: 'household.create', targetType: 'household', targetId: household.id, details: { ...dto } });
      return household;
    });
    return this.getFor(actor, saved.id);
  }

  async update(actor: Actor, id: number, dto: UpsertHouseholdRequest): Promise<HouseholdView> {
    const communityId = staffCommunity(actor);
    await this.db.transaction(async () => {
      const household = await this.db.repo(Household).findOneBy({ id, communityId });
      if (!household) throw new DomainError('HOUSEHOLD_NOT_FOUND');
      await this.requireBuilding(communityId, dto.buildingId);
      const elderlyBefore = household.elderlyDefault;
      const elderlyDefault = dto.elderlyDefault ?? elderlyBefore;
      await this.saveDoor(Object.assign(household, this.fields(dto), { elderlyDefault, updatedAt: this.clock.now() }));
      await this.audit.record(actor, { action: 'household.update', targetType: 'household', targetId: id, details: { ...dto } });
      // Staff changing what a household's elderly see is its own line in the log.
      if (elderlyDefault !== elderlyBefore) {
        await this.audit.record(actor, {
          action: 'household.elderly-default',
          targetType: 'household',
          targetId: id,
          details: { from: elderlyBefore, to: elderlyDefault },
        });
      }
    });
    return this.getFor(actor, id);
  }

  /** A one-time code staff print and hand to a resident without waiting for approval. */
  async createBindingCode(actor: Actor, householdId: number): Promise<BindingCodeResponse> {
    const view = await this.getFor(actor, householdId);
    const expiresAt = new Date(this.clock.now().getTime() + CODE_LIFETIME_MS);
    return this.db.transaction(async () => {
      for (;;) {
        const code = readableCode();
        try {
          await this.db.repo(BindingCode).insert({
            code,
            householdId,
            createdBy: actor.userId,
            expiresAt,
            usedAt: null,
            usedBy: null,
            createdAt: this.clock.now(),
          });
        } catch (error) {
          if (isUniqueViolation(error)) continue;
          throw error;
        }
        await this.audit.record(actor, { action: 'household.binding-code', targetType: 'household', targetId: householdId });
        return { code, householdId, address: view.address, expiresAt: expiresAt.toISOString() };
      }
    });
  }

  /** Views with building names, community name and members, loaded in a fixed number of queries. */
  async views(rows: Household[], revealPhones: boolean): Promise<HouseholdView[]> {
    if (rows.length === 0) return [];
    const buildingNames = await this.buildingNames(rows);
    const communities = await this.db.repo(Community).findBy({ id: In([...new Set(rows.map((h) => h.communityId))]) });
    const members = await this.db.repo(User).find({ where: { householdId: In(rows.map((h) => h.id)) }, order: { id: 'ASC' } });
    return rows.map((h) => {
      const building = buildingNames.get(h.buildingId) ?? '';
      const community = communities.find((c) => c.id === h.communityId)?.name ?? '';
      return {
        id: h.id,
        communityId: h.communityId,
        buildingId: h.buildingId,
        building,
        unit: h.unit,
        room: h.room,
        address: doorAddress(community, building, h.unit, h.room),
        headcount: h.headcount,
        tags: splitTags(h.tags),
        zone: h.zone,
        contactName: h.contactName,
        contactPhone: h.contactPhone === null ? null : revealPhones ? h.contactPhone : maskPhone(h.contactPhone),
        members: members
          .filter((m) => m.householdId === h.id)
          .map((m) => ({
            userId: m.id,
            nickname: m.nickname,
            phone: m.phone === null ? null : revealPhones ? m.phone : maskPhone(m.phone),
          })),
        elderlyDefault: Boolean(h.elderlyDefault),
      };
    });
  }

  async requireBuilding(communityId: number, buildingId: number): Promise<Building> {
    const building = await this.db.repo(Building).findOneBy({ id: buildingId, communityId });
    if (!building) throw new DomainError('BUILDING_NOT_FOUND');
    return building;
  }

  /** Households per building of a community (a notice's read figures count against it). */
  async countByBuilding(communityId: number): Promise<Map<number, number>> {
    const rows = await this.db
      .repo(Household)
      .createQueryBuilder('h')
      .select('h.building_id', 'buildingId')
      .addSelect('COUNT(*)', 'n')
      .where('h.community_id = :communityId', { communityId })
      .groupBy('h.building_id')
      .getRawMany<{ buildingId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.buildingId), Number(r.n)]));
  }

  /** Buildings another module refers to (a window's, a volunteer's) are all of this community. */
  async requireBuildings(communityId: number, buildingIds: number[]): Promise<void> {
    const unique = [...new Set(buildingIds)];
    if (unique.length === 0) return;
    const found = await this.db.repo(Building).find({ where: { id: In(unique), communityId }, select: ['id'] });
    const missing = unique.filter((id) => !found.some((b) => b.id === id));
    if (missing.length > 0) throw new DomainError('BUILDING_NOT_FOUND', { buildingIds: missing });
  }

  /** Saves a household; another one at the same door is HOUSEHOLD_EXISTS (the unique index decides). */
  private async saveDoor(household: Household): Promise<Household> {
    try {
      return await this.db.repo(Household).save(household);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('HOUSEHOLD_EXISTS');
      throw error;
    }
  }

  private fields(
    dto: UpsertHouseholdRequest,
  ): Pick<Household, 'buildingId' | 'unit' | 'room' | 'headcount' | 'tags' | 'zone' | 'contactName' | 'contactPhone'> {
    return {
      buildingId: dto.buildingId,
      unit: dto.unit,
      room: dto.room,
      headcount: dto.headcount,
      tags: joinTags(dto.tags),
      zone: dto.zone || null,
      contactName: dto.contactName || null,
      contactPhone: dto.contactPhone || null,
    };
  }

  private async buildingNames(rows: Household[]): Promise<Map<number, string>> {
    const ids = [...new Set(rows.map((h) => h.buildingId))];
    const buildings = ids.length ? await this.db.repo(Building).findBy({ id: In(ids) }) : [];
    return new Map(buildings.map((b) => [b.id, b.name]));
  }

  private filtered(communityId: number, query: HouseholdQueryDto): SelectQueryBuilder<Household> {
    const qb = this.db
      .repo(Household)
      .createQueryBuilder('h')
      .innerJoin(Building, 'b', 'b.id = h.building_id')
      .where('h.community_id = :communityId', { communityId })
      .orderBy('b.sort_order', 'ASC')
      .addOrderBy('h.building_id', 'ASC')
      .addOrderBy('h.unit', 'ASC')
      .addOrderBy('h.room', 'ASC');
    if (query.buildingId !== undefined) qb.andWhere('h.building_id = :buildingId', { buildingId: query.buildingId });
    if (query.room) qb.andWhere('h.room = :room', { room: query.room });
    if (query.tag) qb.andWhere('h.tags LIKE :tag', { tag: `%,${query.tag},%` });
    if (query.q) {
      // '!' escapes LIKE wildcards the same way on SQLite and MySQL (a backslash does not).
      const like = `%${query.q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      qb.andWhere(
        new Brackets((w) => {
          w.where("h.contact_name LIKE :like ESCAPE '!'", { like }).orWhere("h.contact_phone LIKE :like ESCAPE '!'", { like });
        }),
      );
    }
    return qb;
  }
}
