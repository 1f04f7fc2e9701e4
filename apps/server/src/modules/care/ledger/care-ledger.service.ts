import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import {
  CARE_NEED_LABELS,
  CONTACT_KIND_LABELS,
  FOLLOW_UP_LABELS,
  HOUSEHOLD_TAG_LABELS,
  LEDGER_STATUS_LABELS,
  type CareContactView,
  type CareNeed,
  type ContactKind,
  type FollowUpRequest,
  type LedgerHistory,
  type LedgerRow,
  type LedgerView,
  type RecordContactRequest,
} from '@linli/shared-types';
import { hasRole, type Actor } from '../../../common/actor';
import { AuditService } from '../../../common/audit/audit.service';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { DomainError } from '../../../common/domain-error';
import { HouseholdsService, type VulnerableHousehold } from '../../community/households.service';
import { UsersService } from '../../community/users.service';
import { OrdersService } from '../../orders/orders.service';
import { MedicineService } from '../../pharmacy/medicine.service';
import { GridWorkerDirectory } from '../../proxy/grid-workers';
import { figuresOf, gridWorkers, joinFollowUps, needsValid, notReachedForTwoDays, parseFollowUps, statusOf } from './ledger-rules';
import { dayBefore, shanghaiDay } from '../../../common/shanghai-days';

interface ContactRow {
  id: number;
  householdId: number;
  day: string;
  kind: ContactKind;
  needs: string;
  note: string | null;
  recordedBy: number;
  followUps: string;
  createdAt: Date | string;
}

const SELECT = `SELECT id, household_id AS householdId, day, kind, needs, note, recorded_by AS recordedBy, follow_ups AS followUps,
  created_at AS createdAt FROM care_contacts`;

const HISTORY_DAYS = 90;

/** The staff of the community (who see every vulnerable household), or null. */
function staffOf(actor: Actor): number | null {
  return actor.communityId !== null && hasRole(actor, 'staff', 'supervisor') ? actor.communityId : null;
}

/**
 * The daily care ledger: who among the vulnerable households (any care tag) was reached today,
 * by their grid worker (the help team's 网格员 of the household, or of its building) or by staff.
 * A grid worker sees and records only their own households; staff see the whole community, per
 * grid worker, and export it. Contacts are plain rows: one per call or visit, never edited.
 */
@Injectable()
export class CareLedgerService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly users: UsersService,
    private readonly directory: GridWorkerDirectory,
    private readonly medicine: MedicineService,
    private readonly orders: OrdersService,
  ) {}

  async ledger(actor: Actor, day: string | undefined, gridWorkerId: number | undefined): Promise<LedgerView> {
    const date = day ?? shanghaiDay(this.clock.now());
    const { communityId, all, list, workerOf } = await this.scope(actor);
    const shown = gridWorkerId === undefined || !all ? list : list.filter((h) => (workerOf.get(h.id) ?? null) === (gridWorkerId || null));
    const contacts = await this.contactsOn(
      communityId,
      [date, dayBefore(date)],
      shown.map((h) => h.id),
    );
    const lastReached = await this.lastReached(communityId, date);
    const names = await this.users.nicknames([...new Set([...workerOf.values(), ...contacts.map((c) => Number(c.recordedBy))])]);
    const rows: LedgerRow[] = shown.map((h) => {
      const mine = contacts.filter((c) => Number(c.householdId) === h.id);
      const today = mine.filter((c) => c.day === date);
      const yesterday = mine.filter((c) => c.day !== date);
      const worker = workerOf.get(h.id);
      return {
        householdId: h.id,
        door: h.door,
        buildingId: h.buildingId,
        tags: h.tags,
        contactName: h.contactName,
        contactPhone: h.contactPhone,
        gridWorker: worker === undefined ? null : { userId: worker, name: names.get(worker) ?? '' },
        status: statusOf(today.map((c) => c.kind)),
        twoDays: notReachedForTwoDays(
          today.map((c) => c.kind),
          yesterday.map((c) => c.kind),
        ),
        lastReached: lastReached.get(h.id) ?? null,
        today: today.map((c) => this.view(c, names)),
      };
    });
    const rank = (r: LedgerRow): number => (r.twoDays ? 0 : r.status !== 'reached' ? 1 : 2);
    rows.sort((a, b) => rank(a) - rank(b) || a.door.localeCompare(b.door, 'zh'));
    const byGridWorker: LedgerView['byGridWorker'] = [];
    if (all) {
      const groups = new Map<number | null, LedgerRow[]>();
      for (const r of rows) groups.set(r.gridWorker?.userId ?? null, [...(groups.get(r.gridWorker?.userId ?? null) ?? []), r]);
      for (const [userId, group] of groups) {
        byGridWorker.push({ userId, name: userId === null ? '未安排网格员' : (names.get(userId) ?? ''), ...figuresOf(group) });
      }
      byGridWorker.sort((a, b) => b.twoDays - a.twoDays || b.notReached - a.notReached);
    }
    return { date, all, figures: figuresOf(rows), rows, byGridWorker };
  }

  async record(actor: Actor, body: RecordContactRequest): Promise<CareContactView> {
    const { communityId } = await this.mayRecord(actor, body.householdId);
    const needs = [...new Set(body.needs)];
    if (!needsValid(body.kind, needs)) throw new DomainError('LEDGER_NEEDS_INVALID');
    const now = this.clock.now();
    const id = await this.db.transaction(async () => {
      const { insertId } = await this.db.run(
        `INSERT INTO care_contacts (community_id, household_id, day, kind, needs, note, recorded_by, follow_ups, created_at) VALUES (${Db.marks(9)})`,
        [communityId, body.householdId, shanghaiDay(now), body.kind, needs.join(','), body.note?.trim() || null, actor.userId, '', now],
      );
      await this.audit.record(actor, {
        action: 'care.contact',
        targetType: 'household',
        targetId: body.householdId,
        details: { kind: body.kind, needs },
      });
      return insertId;
    });
    return this.contact(id);
  }

  /** Records what a contact's need became: a help request, a medicine request or an order of the same household. */
  async followUp(actor: Actor, contactId: number, body: FollowUpRequest): Promise<CareContactView> {
    const [row] = await this.db.rows<ContactRow>(`${SELECT} WHERE id = ?`, [contactId]);
    if (!row) throw new DomainError('NOT_FOUND');
    const householdId = Number(row.householdId);
    await this.mayRecord(actor, householdId);
    const ok =
      body.kind === 'medicine'
        ? await this.medicine.isOfHousehold(body.id, householdId)
        : body.kind === 'order'
          ? await this.orders.isOfHousehold(body.id, householdId)
          : await this.directory.isHelpOfHousehold(body.id, householdId);
    if (!ok) throw new DomainError('LEDGER_FOLLOW_UP_INVALID');
    const list = parseFollowUps(row.followUps);
    if (!list.some((f) => f.kind === body.kind && f.id === body.id)) {
      await this.db.transaction(async () => {
        await this.db.run('UPDATE care_contacts SET follow_ups = ? WHERE id = ?', [joinFollowUps([...list, body]), contactId]);
        await this.audit.record(actor, { action: 'care.follow_up', targetType: 'household', targetId: householdId, details: { ...body } });
      });
    }
    return this.contact(contactId);
  }

  async history(actor: Actor, householdId: number): Promise<LedgerHistory> {
    const { list, communityId } = await this.scope(actor);
    const household = list.find((h) => h.id === householdId);
    if (!household) throw new DomainError('HOUSEHOLD_NOT_FOUND');
    const since = dayBefore(shanghaiDay(new Date(this.clock.now().getTime() - (HISTORY_DAYS - 1) * 86_400_000)));
    const rows = await this.db.rows<ContactRow>(`${SELECT} WHERE community_id = ? AND household_id = ? AND day > ? ORDER BY id DESC`, [
      communityId,
      householdId,
      since,
    ]);
    const names = await this.users.nicknames(rows.map((r) => Number(r.recordedBy)));
    return { householdId, door: household.door, tags: household.tags, contacts: rows.map((r) => this.view(r, names)) };
  }

  /** Staff: every contact from `from` to `to` (Shanghai days), and each day's unreached households, as a workbook. */
  async export(actor: Actor, from: string, to: string): Promise<Buffer> {
    const view = await this.scope(actor);
    if (!view.all) throw new DomainError('FORBIDDEN', { required: ['staff', 'supervisor'] });
    const rows = await this.db.rows<ContactRow>(`${SELECT} WHERE community_id = ? AND day >= ? AND day <= ? ORDER BY day, id`, [
      view.communityId,
      from,
      to,
    ]);
    const byId = new Map(view.list.map((h) => [h.id, h]));
    const doors = await this.households.doors(rows.filter((r) => !byId.has(Number(r.householdId))).map((r) => Number(r.householdId)));
    const names = await this.users.nicknames([...new Set([...rows.map((r) => Number(r.recordedBy)), ...view.workerOf.values()])]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('联系记录');
    sheet.columns = [
      { header: '日期', key: 'day', width: 12 },
      { header: '住户', key: 'door', width: 16 },
      { header: '标签', key: 'tags', width: 20 },
      { header: '方式', key: 'kind', width: 12 },
      { header: '需要', key: 'needs', width: 24 },
      { header: '备注', key: 'note', width: 30 },
      { header: '登记人', key: 'by', width: 12 },
      { header: '已转办', key: 'followUps', width: 20 },
      { header: '时间', key: 'at', width: 18 },
    ];
    for (const r of rows) {
      const h = byId.get(Number(r.householdId));
      sheet.addRow({
        day: r.day,
        door: h?.door ?? doors.get(Number(r.householdId))?.address ?? '',
        tags: (h?.tags ?? []).map((t) => HOUSEHOLD_TAG_LABELS[t]).join('、'),
        kind: CONTACT_KIND_LABELS[r.kind],
        needs: this.needsOf(r)
          .map((n) => CARE_NEED_LABELS[n])
          .join('、'),
        note: r.note ?? '',
        by: names.get(Number(r.recordedBy)) ?? '',
        followUps: parseFollowUps(r.followUps)
          .map((f) => `${FOLLOW_UP_LABELS[f.kind]} #${f.id}`)
          .join('、'),
        at: new Date((Db.date(r.createdAt) as Date).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '),
      });
    }
    sheet.getRow(1).font = { bold: true };
    // Today's standing (of the last day exported), the list staff chase.
    const today = await this.ledger(actor, to, undefined);
    const standing = workbook.addWorksheet(`${to} 联系情况`);
    standing.columns = [
      { header: '住户', key: 'door', width: 16 },
      { header: '标签', key: 'tags', width: 20 },
      { header: '网格员', key: 'worker', width: 12 },
      { header: '当天', key: 'status', width: 14 },
      { header: '两天没联系上', key: 'twoDays', width: 14 },
      { header: '最近联系上', key: 'last', width: 12 },
      { header: '联系人电话', key: 'phone', width: 14 },
    ];
    for (const r of today.rows) {
      standing.addRow({
        door: r.door,
        tags: r.tags.map((t) => HOUSEHOLD_TAG_LABELS[t]).join('、'),
        worker: r.gridWorker?.name ?? '未安排',
        status: LEDGER_STATUS_LABELS[r.status],
        twoDays: r.twoDays ? '是' : '',
        last: r.lastReached ?? '从未',
        phone: r.contactPhone ?? '',
      });
    }
    standing.getRow(1).font = { bold: true };
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** Whose households the actor sees: staff the community's vulnerable ones, a grid worker their own; anyone else is refused. */
  private async scope(
    actor: Actor,
  ): Promise<{ communityId: number; all: boolean; list: VulnerableHousehold[]; workerOf: Map<number, number> }> {
    if (actor.communityId === null) throw new DomainError('LEDGER_NOT_GRID_WORKER');
    const communityId = actor.communityId;
    const all = staffOf(actor) !== null;
    const everyone = await this.households.vulnerable(communityId);
    const workerOf = gridWorkers(everyone, await this.directory.gridWorkerAssignments(communityId));
    if (all) return { communityId, all, list: everyone, workerOf };
    const list = everyone.filter((h) => workerOf.get(h.id) === actor.userId);
    if (list.length === 0 && !(await this.directory.isGridWorker(communityId, actor.userId)))
      throw new DomainError('LEDGER_NOT_GRID_WORKER');
    return { communityId, all, list, workerOf };
  }

  /** Staff of the community, or the household's grid worker; the household must be a vulnerable one of the community. */
  private async mayRecord(actor: Actor, householdId: number): Promise<{ communityId: number }> {
    const { communityId, list } = await this.scope(actor);
    if (!list.some((h) => h.id === householdId)) {
      if (staffOf(actor) !== null) throw new DomainError('HOUSEHOLD_NOT_FOUND');
      throw new DomainError('LEDGER_NOT_GRID_WORKER');
    }
    return { communityId };
  }

  private async contactsOn(communityId: number, days: string[], householdIds: number[]): Promise<ContactRow[]> {
    if (householdIds.length === 0) return [];
    return this.db.rows<ContactRow>(`${SELECT} WHERE community_id = ? AND day IN (${Db.marks(days.length)}) ORDER BY id`, [
      communityId,
      ...days,
    ]);
  }

  /** Each household's last day a contact got through, up to `day`. */
  private async lastReached(communityId: number, day: string): Promise<Map<number, string>> {
    const rows = await this.db.rows<{ householdId: number; day: string }>(
      `SELECT household_id AS householdId, MAX(day) AS day FROM care_contacts WHERE community_id = ? AND kind <> 'no_answer' AND day <= ? GROUP BY household_id`,
      [communityId, day],
    );
    return new Map(rows.map((r) => [Number(r.householdId), r.day]));
  }

  private async contact(id: number): Promise<CareContactView> {
    const [row] = await this.db.rows<ContactRow>(`${SELECT} WHERE id = ?`, [id]);
    if (!row) throw new DomainError('NOT_FOUND');
    return this.view(row, await this.users.nicknames([Number(row.recordedBy)]));
  }

  private needsOf(row: ContactRow): CareNeed[] {
    return row.needs.split(',').filter(Boolean) as CareNeed[];
  }

  private view(row: ContactRow, names: Map<number, string>): CareContactView {
    return {
      id: Number(row.id),
      householdId: Number(row.householdId),
      date: row.day,
      kind: row.kind,
      needs: this.needsOf(row),
      note: row.note,
      by: { userId: Number(row.recordedBy), name: names.get(Number(row.recordedBy)) ?? '' },
      followUps: parseFollowUps(row.followUps),
      at: (Db.date(row.createdAt) as Date).toISOString(),
    };
  }
}
