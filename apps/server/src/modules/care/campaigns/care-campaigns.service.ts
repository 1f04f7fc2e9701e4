import { Injectable } from '@nestjs/common';
import type {
  CareCampaignDetail,
  CareCampaignSummary,
  CareRecipient,
  CareSelection,
  HouseholdTag,
  MyCareParcel,
  ParcelState,
  RunCareCampaignResult,
  SaveCareCampaignRequest,
} from '@linli/shared-types';
import type { Actor } from '../../../common/actor';
import { staffCommunity } from '../../../common/access';
import { AuditService } from '../../../common/audit/audit.service';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { DomainError } from '../../../common/domain-error';
import { SuppliersService } from '../../catalog/suppliers.service';
import { joinTags, splitTags } from '../../community/household-tags';
import { HouseholdsService } from '../../community/households.service';
import { MessagesService } from '../../messages/messages.service';
import { ParcelsService } from '../../parcels/parcels.service';
import { selectHouseholds, toGive, type CareCandidate } from './care-selection';

interface CampaignRow {
  id: number;
  title: string;
  itemId: number | null;
  contents: string;
  tags: string;
  allTags: number | boolean;
  buildingIds: string;
  householdIds: string;
  createdAt: Date | string;
  lastRunAt: Date | string | null;
}

interface GivenRow {
  campaignId: number;
  householdId: number;
  parcelId: number | null;
  parcelState: ParcelState | null;
  deliveredAt: Date | string | null;
}

const SELECT = `SELECT id, title, item_id AS itemId, contents, tags, all_tags AS allTags, building_ids AS buildingIds,
  household_ids AS householdIds, created_at AS createdAt, last_run_at AS lastRunAt FROM care_campaigns`;

function ids(stored: string): number[] {
  return stored
    .split(',')
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

function selectionOf(row: CampaignRow): CareSelection {
  return {
    tags: splitTags(row.tags),
    allTags: Boolean(Number(row.allTags)),
    buildingIds: ids(row.buildingIds),
    householdIds: ids(row.householdIds),
  };
}

/**
 * Care campaigns: free packages for the households most at risk, chosen by care tag, building
 * or by hand. A run gives one parcel to each selected household that has none from this
 * campaign; the unique key on (campaign, household) decides, so a second run — or two staff
 * pressing at once — adds only the households added since. The parcels then go through the
 * normal dispatch, scans and rating; staff see who has received theirs.
 */
@Injectable()
export class CareCampaignsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly suppliers: SuppliersService,
    private readonly messages: MessagesService,
    private readonly parcels: ParcelsService,
  ) {}

  async create(actor: Actor, request: SaveCareCampaignRequest): Promise<CareCampaignDetail> {
    const communityId = staffCommunity(actor);
    const fields = await this.fields(communityId, request);
    const now = this.clock.now();
    const id = await this.db.transaction(async () => {
      const { insertId } = await this.db.run(
        `INSERT INTO care_campaigns (community_id, title, item_id, contents, tags, all_tags, building_ids, household_ids, created_by, created_at, updated_at)
         VALUES (${Db.marks(11)})`,
        [communityId, ...fields, actor.userId, now, now],
      );
      await this.audit.record(actor, { action: 'care.campaign.create', targetType: 'care_campaign', targetId: insertId });
      return insertId;
    });
    return this.detail(actor, id);
  }

  /** Changes the package or the selection; parcels already given stay (a household dropped keeps theirs). */
  async update(actor: Actor, id: number, request: SaveCareCampaignRequest): Promise<CareCampaignDetail> {
    const communityId = staffCommunity(actor);
    await this.row(communityId, id);
    const fields = await this.fields(communityId, request);
    await this.db.transaction(async () => {
      await this.db.run(
        `UPDATE care_campaigns SET title = ?, item_id = ?, contents = ?, tags = ?, all_tags = ?, building_ids = ?, household_ids = ?, updated_at = ?
         WHERE id = ? AND community_id = ?`,
        [...fields, this.clock.now(), id, communityId],
      );
      await this.audit.record(actor, { action: 'care.campaign.update', targetType: 'care_campaign', targetId: id });
    });
    return this.detail(actor, id);
  }

  async list(actor: Actor): Promise<CareCampaignSummary[]> {
    const communityId = staffCommunity(actor);
    const rows = await this.db.rows<CampaignRow>(`${SELECT} WHERE community_id = ? ORDER BY id DESC`, [communityId]);
    if (rows.length === 0) return [];
    const candidates = await this.households.careCandidates(communityId);
    const given = await this.given(rows.map((r) => Number(r.id)));
    return rows.map((r) => this.summary(r, candidates, given.get(Number(r.id)) ?? []));
  }

  async detail(actor: Actor, id: number): Promise<CareCampaignDetail> {
    const communityId = staffCommunity(actor);
    const row = await this.row(communityId, id);
    const candidates = await this.households.careCandidates(communityId);
    const given = (await this.given([id])).get(id) ?? [];
    const summary = this.summary(row, candidates, given);
    const selected = selectHouseholds(summary.selection, candidates);
    const byHousehold = new Map(given.map((g) => [Number(g.householdId), g]));
    const everyone = [...new Set([...selected, ...byHousehold.keys()])];
    const doors = await this.households.doors(everyone);
    const tagsOf = new Map(candidates.map((c) => [c.id, c.tags]));
    const chosen = new Set(selected);
    const recipients: CareRecipient[] = everyone.map((householdId) => {
      const g = byHousehold.get(householdId);
      const door = doors.get(householdId);
      return {
        householdId,
        door: door ? `${door.building}${door.unit}${door.room}` : '',
        buildingId: door?.buildingId ?? 0,
        tags: [...(tagsOf.get(householdId) ?? [])],
        parcelId: g?.parcelId === undefined || g.parcelId === null ? null : Number(g.parcelId),
        parcelState: g?.parcelState ?? null,
        deliveredAt: g?.deliveredAt ? (Db.date(g.deliveredAt) as Date).toISOString() : null,
        deselected: !chosen.has(householdId),
      };
    });
    // Not received first (what staff chase), then by door.
    recipients.sort(
      (a, b) => Number(a.parcelState === 'DELIVERED') - Number(b.parcelState === 'DELIVERED') || a.door.localeCompare(b.door, 'zh'),
    );
    return { ...summary, recipients };
  }

  /** Gives a parcel to every selected household without one from this campaign. */
  async run(actor: Actor, id: number): Promise<RunCareCampaignResult> {
    const communityId = staffCommunity(actor);
    const row = await this.row(communityId, id);
    // Who is selected is read first, outside the run's transaction (it only reads).
    const selected = selectHouseholds(selectionOf(row), await this.households.careCandidates(communityId));
    if (selected.length === 0) throw new DomainError('CARE_NOBODY_SELECTED');
    const already = new Set(((await this.given([id])).get(id) ?? []).map((g) => Number(g.householdId)));
    const created = await this.db.transaction(async () => {
      const now = this.clock.now();
      const fresh: number[] = [];
      // In household order: two runs at once take the unique keys in the same order (no deadlock).
      for (const householdId of toGive(selected, already)) {
        const inserted = await this.db.run(
          `INSERT INTO care_parcels (campaign_id, community_id, household_id, created_by, created_at) VALUES (${Db.marks(5)})
           ${this.db.isMysql ? 'ON DUPLICATE KEY UPDATE id = id' : 'ON CONFLICT (campaign_id, household_id) DO NOTHING'}`,
          [id, communityId, householdId, actor.userId, now],
        );
        // Given meanwhile by another run: MySQL finds the row (affected 1, no new id), SQLite skips it.
        const isNew = this.db.isMysql ? inserted.insertId > 0 && inserted.affected === 1 : inserted.affected === 1;
        if (!isNew) continue;
        const parcelId = await this.parcels.createForCare({
          id: inserted.insertId,
          batch: `care:${id}`,
          communityId,
          householdId,
          contents: `关爱包：${row.title}（${row.contents}）`,
        });
        await this.db.run('UPDATE care_parcels SET parcel_id = ? WHERE id = ?', [parcelId, inserted.insertId]);
        fresh.push(householdId);
      }
      if (fresh.length > 0) {
        await this.messages.tellHouseholds(
          fresh.map((householdId) => ({ householdId, link: '/care/parcels/index' })),
          {
            communityId,
            kind: 'care.package',
            title: '社区给您送关爱包',
            body: `社区为您准备了「${row.title}」（${row.contents}），免费，志愿者会送到家门口，请留意敲门`,
          },
        );
        await this.audit.record(actor, {
          action: 'care.campaign.run',
          targetType: 'care_campaign',
          targetId: id,
          details: { households: fresh },
        });
      }
      await this.db.run('UPDATE care_campaigns SET last_run_at = ? WHERE id = ?', [now, id]);
      return fresh.length;
    });
    return { created, already: selected.length - created, campaign: await this.detail(actor, id) };
  }

  /** The care packages my household was given, newest first, with their parcels. */
  async mine(actor: Actor): Promise<MyCareParcel[]> {
    if (actor.householdId === null || actor.communityId === null) return [];
    const rows = await this.db.rows<{
      id: number;
      campaignId: number;
      title: string;
      contents: string;
      parcelId: number;
      createdAt: Date | string;
    }>(
      `SELECT p.id, p.campaign_id AS campaignId, c.title, c.contents, p.parcel_id AS parcelId, p.created_at AS createdAt
       FROM care_parcels p JOIN care_campaigns c ON c.id = p.campaign_id
       WHERE p.household_id = ? AND p.community_id = ? AND p.parcel_id IS NOT NULL ORDER BY p.id DESC`,
      [actor.householdId, actor.communityId],
    );
    const parcels = await this.parcels.forSources(
      'care',
      rows.map((r) => Number(r.id)),
    );
    return rows.flatMap((r) => {
      const parcel = parcels.get(Number(r.id));
      if (!parcel) return [];
      return [
        {
          id: Number(r.id),
          campaignId: Number(r.campaignId),
          title: r.title,
          contents: r.contents,
          givenAt: (Db.date(r.createdAt) as Date).toISOString(),
          parcel,
        },
      ];
    });
  }

  private summary(row: CampaignRow, candidates: CareCandidate[], given: GivenRow[]): CareCampaignSummary {
    const selection = selectionOf(row);
    const selected = selectHouseholds(selection, candidates);
    const has = new Set(given.map((g) => Number(g.householdId)));
    return {
      id: Number(row.id),
      title: row.title,
      contents: row.contents,
      itemId: row.itemId === null ? null : Number(row.itemId),
      selection,
      selected: selected.length,
      parcels: given.length,
      delivered: given.filter((g) => g.parcelState === 'DELIVERED').length,
      pending: toGive(selected, has).length,
      lastRunAt: row.lastRunAt ? (Db.date(row.lastRunAt) as Date).toISOString() : null,
      createdAt: (Db.date(row.createdAt) as Date).toISOString(),
    };
  }

  private async row(communityId: number, id: number): Promise<CampaignRow> {
    const [row] = await this.db.rows<CampaignRow>(`${SELECT} WHERE id = ? AND community_id = ?`, [id, communityId]);
    if (!row) throw new DomainError('CARE_CAMPAIGN_NOT_FOUND');
    return row;
  }

  private async given(campaignIds: number[]): Promise<Map<number, GivenRow[]>> {
    const rows = await this.db.rows<GivenRow>(
      `SELECT g.campaign_id AS campaignId, g.household_id AS householdId, g.parcel_id AS parcelId, p.state AS parcelState, p.delivered_at AS deliveredAt
       FROM care_parcels g LEFT JOIN parcels p ON p.id = g.parcel_id WHERE g.campaign_id IN (${Db.marks(campaignIds.length)})`,
      campaignIds,
    );
    const byCampaign = new Map<number, GivenRow[]>();
    for (const r of rows) byCampaign.set(Number(r.campaignId), [...(byCampaign.get(Number(r.campaignId)) ?? []), r]);
    return byCampaign;
  }

  /** The stored columns of a campaign, checked: its buildings and households are this community's, its item too. */
  private async fields(communityId: number, request: SaveCareCampaignRequest): Promise<unknown[]> {
    let contents = request.contents?.trim() ?? '';
    const itemId = request.itemId ?? null;
    if (itemId !== null) {
      const item = await this.suppliers.packageOf(communityId, itemId);
      if (!item) throw new DomainError('ITEM_NOT_FOUND');
      contents = contents || `${item.name}：${item.contents}`;
    }
    if (!contents) throw new DomainError('CARE_CONTENTS_REQUIRED');
    const buildingIds = [...new Set(request.buildingIds)];
    await this.households.requireBuildings(communityId, buildingIds);
    const householdIds = [...new Set(request.householdIds)].sort((a, b) => a - b);
    if (householdIds.length > 0) {
      const ours = new Set((await this.households.careCandidates(communityId)).map((c) => c.id));
      if (householdIds.some((h) => !ours.has(h))) throw new DomainError('HOUSEHOLD_NOT_FOUND');
    }
    const tags: HouseholdTag[] = [...new Set(request.tags)];
    return [
      request.title.trim(),
      itemId,
      contents.slice(0, 400),
      joinTags(tags),
      request.allTags,
      buildingIds.join(','),
      householdIds.join(','),
    ];
  }
}
