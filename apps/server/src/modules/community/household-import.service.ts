import { Injectable } from '@nestjs/common';
import { HOUSEHOLD_SHEET_COLUMNS, HOUSEHOLD_TAG_LABELS, type ImportResult } from '@linli/shared-types';
import ExcelJS from 'exceljs';
import { staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import type { HouseholdQueryDto } from './dto/community.dto';
import { Building } from './entities/building.entity';
import { Household } from './entities/household.entity';
import { joinTags, splitTags } from './household-tags';
import { parseHouseholdSheet, type SheetHousehold } from './household-sheet';
import { HouseholdsService } from './households.service';

/** Households in and out of Excel: all rows or none, and the same file twice changes nothing. */
@Injectable()
export class HouseholdImportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
  ) {}

  async import(actor: Actor, file: Buffer): Promise<ImportResult> {
    const communityId = staffCommunity(actor);
    const { households, errors } = parseHouseholdSheet(await this.readRows(file));
    if (errors.length > 0) throw new DomainError('IMPORT_INVALID', { errors });
    return this.db.transaction(async () => {
      const buildings = await this.ensureBuildings(communityId, households);
      const result = await this.upsert(communityId, buildings, households);
      await this.audit.record(actor, {
        action: 'household.import',
        targetType: 'community',
        targetId: communityId,
        details: { ...result },
      });
      return result;
    });
  }

  /** The households matching the staff list filters, as an .xlsx the import reads back unchanged. */
  async export(actor: Actor, query: HouseholdQueryDto): Promise<Buffer> {
    const rows = await this.households.all(actor, query);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('住户');
    sheet.addRow([...HOUSEHOLD_SHEET_COLUMNS]);
    sheet.getRow(1).font = { bold: true };
    for (const { household: h, building } of rows) {
      sheet.addRow([
        building,
        h.unit,
        h.room,
        h.headcount,
        h.contactName ?? '',
        h.contactPhone ?? '',
        splitTags(h.tags)
          .map((t) => HOUSEHOLD_TAG_LABELS[t])
          .join('、'),
        h.zone ?? '',
      ]);
    }
    sheet.columns.forEach((c, i) => {
      c.width = [10, 10, 10, 8, 12, 16, 24, 10][i] ?? 12;
    });
    // Phone numbers and rooms stay text so Excel does not turn them into numbers.
    for (const col of [3, 6]) sheet.getColumn(col).numFmt = '@';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  private async readRows(file: Buffer): Promise<unknown[][]> {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw new DomainError('IMPORT_FILE_UNREADABLE');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new DomainError('IMPORT_FILE_UNREADABLE');
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows[rowNumber - 1] = values as unknown[];
    });
    return Array.from(rows, (r) => r ?? []);
  }

  /** Buildings named in the sheet, created when new; units seen are added to them. */
  private async ensureBuildings(communityId: number, rows: SheetHousehold[]): Promise<Map<string, Building>> {
    const repo = this.db.repo(Building);
    const existing = await repo.find({ where: { communityId } });
    const byName = new Map(existing.map((b) => [b.name, b]));
    let sort = existing.reduce((max, b) => Math.max(max, b.sortOrder), 0);
    for (const row of rows) {
      let building = byName.get(row.building);
      if (!building) {
        building = await repo.save(repo.create({ communityId, name: row.building, units: '', zone: row.zone, sortOrder: ++sort }));
        byName.set(row.building, building);
      }
      const units = building.units ? building.units.split(',') : [];
      if (!units.includes(row.unit)) {
        building.units = [...units, row.unit].join(',');
        await repo.update({ id: building.id }, { units: building.units });
      }
    }
    return byName;
  }

  private async upsert(communityId: number, buildings: Map<string, Building>, rows: SheetHousehold[]): Promise<ImportResult> {
    const repo = this.db.repo(Household);
    const current = await repo.find({ where: { communityId } });
    const byDoor = new Map(current.map((h) => [`${h.buildingId}|${h.unit}|${h.room}`, h]));
    const now = this.clock.now();
    const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
    const inserts: Partial<Household>[] = [];
    for (const row of rows) {
      const buildingId = (buildings.get(row.building) as Building).id;
      const fields = {
        headcount: row.headcount,
        tags: joinTags(row.tags),
        zone: row.zone,
        contactName: row.contactName,
        contactPhone: row.contactPhone,
      };
      const found = byDoor.get(`${buildingId}|${row.unit}|${row.room}`);
      if (!found) {
        inserts.push({ communityId, buildingId, unit: row.unit, room: row.room, ...fields, createdAt: now, updatedAt: now });
        result.created++;
      } else if ((Object.keys(fields) as (keyof typeof fields)[]).every((k) => found[k] === fields[k])) {
        result.unchanged++;
      } else {
        await repo.update({ id: found.id }, { ...fields, updatedAt: now });
        result.updated++;
      }
    }
    for (let i = 0; i < inserts.length; i += 500) await repo.insert(inserts.slice(i, i + 500));
    return result;
  }
}
