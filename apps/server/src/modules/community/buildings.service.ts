import { Injectable } from '@nestjs/common';
import {
  floorRooms,
  MAX_DOORS_PER_REQUEST,
  type AddDoorsRequest,
  type AddDoorsResult,
  type CreateBuildingRequest,
  type StaffBuildingView,
  type UpdateBuildingRequest,
} from '@linli/shared-types';
import { staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { Building } from './entities/building.entity';
import { Household } from './entities/household.entity';

/** Units as stored on a building: "1单元,2单元". */
export function splitUnits(stored: string): string[] {
  return stored ? stored.split(',') : [];
}

/**
 * Staff set their community up on the screen: buildings, their units and zone, and the doors
 * (households) in them. Households refer to their building by id, and every view (the register,
 * binding, parcels, labels, pick lists, windows' and volunteers' buildings) reads the name from
 * here, so a rename shows everywhere at once; a unit is stored on each household, so renaming
 * one moves its households with it.
 */
@Injectable()
export class BuildingsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The community's buildings in their order, with households per unit. */
  async list(actor: Actor): Promise<StaffBuildingView[]> {
    const communityId = staffCommunity(actor);
    const buildings = await this.db.repo(Building).find({ where: { communityId }, order: { sortOrder: 'ASC', id: 'ASC' } });
    const counts = await this.db
      .repo(Household)
      .createQueryBuilder('h')
      .select('h.building_id', 'buildingId')
      .addSelect('h.unit', 'unit')
      .addSelect('COUNT(*)', 'n')
      .where('h.community_id = :communityId', { communityId })
      .groupBy('h.building_id')
      .addGroupBy('h.unit')
      .getRawMany<{ buildingId: number | string; unit: string; n: number | string }>();
    return buildings.map((b) => {
      const mine = counts.filter((c) => Number(c.buildingId) === b.id);
      const unitHouseholds: Record<string, number> = Object.fromEntries(splitUnits(b.units).map((u) => [u, 0]));
      for (const c of mine) unitHouseholds[c.unit] = Number(c.n);
      return {
        id: b.id,
        name: b.name,
        units: splitUnits(b.units),
        zone: b.zone,
        households: mine.reduce((sum, c) => sum + Number(c.n), 0),
        unitHouseholds,
      };
    });
  }

  async create(actor: Actor, dto: CreateBuildingRequest): Promise<StaffBuildingView> {
    const communityId = staffCommunity(actor);
    const id = await this.db.transaction(async () => {
      const repo = this.db.repo(Building);
      await this.requireFreeName(communityId, dto.name);
      const last = await repo.findOne({ where: { communityId }, order: { sortOrder: 'DESC' } });
      const building = repo.create({
        communityId,
        name: dto.name,
        units: dto.units.join(','),
        zone: dto.zone ?? null,
        sortOrder: (last?.sortOrder ?? 0) + 1,
      });
      await this.saveNamed(building);
      await this.audit.record(actor, {
        action: 'building.create',
        targetType: 'building',
        targetId: building.id,
        details: { name: building.name, units: dto.units, zone: building.zone },
      });
      return building.id;
    });
    return this.view(actor, id);
  }

  /**
   * Renames the building, renames, adds or removes units (a unit with households stays), moves
   * it to another zone (its households with it). All or nothing.
   */
  async update(actor: Actor, id: number, dto: UpdateBuildingRequest): Promise<StaffBuildingView> {
    const communityId = staffCommunity(actor);
    await this.db.transaction(async () => {
      const building = await this.requireBuilding(communityId, id);
      const before = { name: building.name, units: splitUnits(building.units), zone: building.zone };
      let units = await this.renameUnits(building, dto.renameUnits ?? []);
      if (dto.units) {
        await this.requireEmptyUnits(
          building.id,
          units.filter((u) => !dto.units?.includes(u)),
        );
        units = dto.units;
      }
      building.units = units.join(',');
      if (dto.name !== undefined && dto.name !== building.name) {
        await this.requireFreeName(communityId, dto.name);
        building.name = dto.name;
      }
      if (dto.zone !== undefined && dto.zone !== building.zone) {
        building.zone = dto.zone;
        // Windows and pharmacies serve households by their zone: they move with their building.
        await this.db.repo(Household).update({ buildingId: building.id }, { zone: dto.zone, updatedAt: this.clock.now() });
      }
      await this.saveNamed(building);
      await this.audit.record(actor, {
        action: 'building.update',
        targetType: 'building',
        targetId: id,
        details: { before, after: { name: building.name, units, zone: building.zone } },
      });
    });
    return this.view(actor, id);
  }

  /** Only a building nobody is registered in can go (households keep their building). */
  async remove(actor: Actor, id: number): Promise<void> {
    const communityId = staffCommunity(actor);
    await this.db.transaction(async () => {
      const building = await this.requireBuilding(communityId, id);
      const households = await this.db.repo(Household).countBy({ buildingId: id });
      if (households > 0) {
        throw new DomainError(
          'BUILDING_HAS_HOUSEHOLDS',
          { households },
          `${building.name}还登记着 ${households} 户住户，不能删除。请先把这些住户改到别的楼栋`,
        );
      }
      await this.db.repo(Building).delete({ id });
      await this.audit.record(actor, { action: 'building.delete', targetType: 'building', targetId: id, details: { name: building.name } });
    });
  }

  /**
   * Households for the doors of one unit: listed rooms (any already registered is refused, and
   * nothing is added), or floors × doors per floor, where doors already registered are left as
   * they are (so a unit can be extended by a floor). The unique door index has the last word.
   */
  async addDoors(actor: Actor, id: number, dto: AddDoorsRequest): Promise<AddDoorsResult> {
    const communityId = staffCommunity(actor);
    const rooms = this.roomsOf(dto);
    return this.db.transaction(async () => {
      const building = await this.requireBuilding(communityId, id);
      if (!splitUnits(building.units).includes(dto.unit)) throw new DomainError('UNIT_NOT_FOUND', { unit: dto.unit });
      const repo = this.db.repo(Household);
      const taken = new Set((await repo.find({ where: { buildingId: id, unit: dto.unit }, select: ['room'] })).map((h) => h.room));
      const existing = rooms.filter((r) => taken.has(r));
      if (dto.rooms && existing.length > 0) throw new DomainError('HOUSEHOLD_EXISTS', { rooms: existing });
      const now = this.clock.now();
      const fresh = rooms
        .filter((r) => !taken.has(r))
        .map((room) => ({
          communityId,
          buildingId: id,
          unit: dto.unit,
          room,
          headcount: 1,
          tags: '',
          zone: building.zone,
          contactName: null,
          contactPhone: null,
          createdAt: now,
          updatedAt: now,
        }));
      try {
        for (let i = 0; i < fresh.length; i += 200) await repo.insert(fresh.slice(i, i + 200));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('HOUSEHOLD_EXISTS');
        throw error;
      }
      const result = { created: fresh.length, existing };
      await this.audit.record(actor, {
        action: 'building.add-doors',
        targetType: 'building',
        targetId: id,
        details: { unit: dto.unit, created: result.created, existing: existing.length, first: fresh[0]?.room, last: fresh.at(-1)?.room },
      });
      return result;
    });
  }

  private async view(actor: Actor, id: number): Promise<StaffBuildingView> {
    const found = (await this.list(actor)).find((b) => b.id === id);
    if (!found) throw new DomainError('BUILDING_NOT_FOUND');
    return found;
  }

  /** A building of this community; another community's is not found. */
  private async requireBuilding(communityId: number, id: number): Promise<Building> {
    const building = await this.db.repo(Building).findOneBy({ id, communityId });
    if (!building) throw new DomainError('BUILDING_NOT_FOUND');
    return building;
  }

  /** A readable refusal before the unique index (community, name) refuses it anyway. */
  private async requireFreeName(communityId: number, name: string): Promise<void> {
    if (await this.db.repo(Building).existsBy({ communityId, name })) throw new DomainError('BUILDING_EXISTS', { name });
  }

  private async saveNamed(building: Building): Promise<void> {
    try {
      await this.db.repo(Building).save(building);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('BUILDING_EXISTS', { name: building.name });
      throw error;
    }
  }

  /** Applies unit renames in order, moving each unit's households; the units after them. */
  private async renameUnits(building: Building, renames: { from: string; to: string }[]): Promise<string[]> {
    let units = splitUnits(building.units);
    for (const { from, to } of renames) {
      if (from === to) continue;
      if (!units.includes(from)) throw new DomainError('UNIT_NOT_FOUND', { unit: from });
      if (units.includes(to)) {
        throw new DomainError('VALIDATION_FAILED', { fields: { renameUnits: `已经有“${to}”了，请换一个名字` } });
      }
      units = units.map((u) => (u === from ? to : u));
      try {
        await this.db.repo(Household).update({ buildingId: building.id, unit: from }, { unit: to, updatedAt: this.clock.now() });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('HOUSEHOLD_EXISTS', { unit: to });
        throw error;
      }
    }
    return units;
  }

  private async requireEmptyUnits(buildingId: number, removed: string[]): Promise<void> {
    for (const unit of removed) {
      const households = await this.db.repo(Household).countBy({ buildingId, unit });
      if (households > 0) {
        throw new DomainError('UNIT_HAS_HOUSEHOLDS', { unit, households }, `${unit}还登记着 ${households} 户住户，不能去掉`);
      }
    }
  }

  /** The rooms a request names or generates (checked before anything is read). */
  private roomsOf(dto: AddDoorsRequest): string[] {
    if (dto.rooms !== undefined) {
      if (dto.floors !== undefined || dto.roomsPerFloor !== undefined) {
        throw new DomainError('VALIDATION_FAILED', { fields: { rooms: '请只填房号，或只填楼层数和每层户数' } });
      }
      return dto.rooms;
    }
    const rooms = floorRooms(dto.floors ?? 0, dto.roomsPerFloor ?? 0, dto.fromFloor ?? 1);
    if (rooms.length > MAX_DOORS_PER_REQUEST) {
      throw new DomainError('VALIDATION_FAILED', { fields: { floors: `一次最多添加 ${MAX_DOORS_PER_REQUEST} 户` } });
    }
    return rooms;
  }
}
