import { Injectable } from '@nestjs/common';
import {
  TEAM_ROLE_LABELS,
  TEAM_ROLES,
  formatDoor,
  type BuildingTeamView,
  type MyTeamView,
  type SetTeamMemberRequest,
  type TeamCandidate,
  type TeamMemberView,
  type TeamRole,
  type TeamsOverview,
} from '@linli/shared-types';
import type { Actor } from '../../common/actor';
import { staffCommunity } from '../../common/access';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { effectiveTeam } from './help-rules';

/** One team row with its person. */
export interface TeamRow {
  role: TeamRole;
  userId: number;
  name: string;
  phone: string;
  householdId: number | null;
  buildingId: number | null;
}

const SELECT = `SELECT t.team_role AS role, t.user_id AS userId, u.nickname AS name, u.phone AS phone, t.household_id AS householdId,
  t.building_id AS buildingId FROM help_team_members t JOIN users u ON u.id = t.user_id`;

function toRow(r: TeamRow): TeamRow {
  return {
    role: r.role,
    userId: Number(r.userId),
    name: r.name,
    phone: r.phone ?? '',
    householdId: r.householdId === null ? null : Number(r.householdId),
    buildingId: r.buildingId === null ? null : Number(r.buildingId),
  };
}

function memberView(r: TeamRow): TeamMemberView {
  return { role: r.role, roleLabel: TEAM_ROLE_LABELS[r.role], userId: r.userId, name: r.name, phone: r.phone, householdId: r.householdId };
}

/**
 * The teams of five (五包一): staff put a person in each role for a building, or for one
 * household (overriding the building's person for that role). A household's team is the
 * building's rows with its own rows laid over them (help-rules `effectiveTeam`).
 */
@Injectable()
export class HelpTeamsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The team of a household, routed role first. */
  async teamOf(communityId: number, householdId: number, first: TeamRole | null = null): Promise<TeamRow[]> {
    const [h] = await this.db.rows<{ buildingId: number }>('SELECT building_id AS buildingId FROM households WHERE id = ?', [householdId]);
    if (!h) return [];
    const rows = (
      await this.db.rows<TeamRow>(`${SELECT} WHERE t.community_id = ? AND t.scope_key IN (?, ?)`, [
        communityId,
        `b:${Number(h.buildingId)}`,
        `h:${householdId}`,
      ])
    ).map(toRow);
    return effectiveTeam(rows, first);
  }

  /** Every team row naming this user (the scopes they look after). */
  async scopesOf(communityId: number, userId: number): Promise<{ buildingIds: number[]; householdIds: number[] }> {
    const rows = (await this.db.rows<TeamRow>(`${SELECT} WHERE t.community_id = ? AND t.user_id = ?`, [communityId, userId])).map(toRow);
    return {
      buildingIds: rows.flatMap((r) => (r.buildingId !== null ? [r.buildingId] : [])),
      householdIds: rows.flatMap((r) => (r.householdId !== null ? [r.householdId] : [])),
    };
  }

  async myTeam(actor: Actor): Promise<MyTeamView> {
    if (actor.householdId === null || actor.communityId === null) return { members: [] };
    const team = await this.teamOf(actor.communityId, actor.householdId);
    return { members: team.map((m) => ({ role: m.role, roleLabel: TEAM_ROLE_LABELS[m.role], name: m.name, phone: m.phone })) };
  }

  async overview(actor: Actor): Promise<TeamsOverview> {
    const communityId = staffCommunity(actor);
    const buildings = await this.db.rows<{ id: number; name: string }>(
      'SELECT id, name FROM buildings WHERE community_id = ? ORDER BY sort_order, id',
      [communityId],
    );
    const rows = (await this.db.rows<TeamRow>(`${SELECT} WHERE t.community_id = ? AND t.household_id IS NULL`, [communityId])).map(toRow);
    return {
      buildings: buildings.map((b) => {
        const members = effectiveTeam(rows.filter((r) => r.buildingId === Number(b.id)));
        return {
          buildingId: Number(b.id),
          buildingName: b.name,
          members: members.map(memberView),
          missing: TEAM_ROLES.filter((role) => !members.some((m) => m.role === role)),
        };
      }),
    };
  }

  async building(actor: Actor, buildingId: number): Promise<BuildingTeamView> {
    const communityId = staffCommunity(actor);
    const [b] = await this.db.rows<{ id: number; name: string }>('SELECT id, name FROM buildings WHERE id = ? AND community_id = ?', [
      buildingId,
      communityId,
    ]);
    if (!b) throw new DomainError('BUILDING_NOT_FOUND');
    const own = (
      await this.db.rows<TeamRow>(`${SELECT} WHERE t.community_id = ? AND t.scope_key = ?`, [communityId, `b:${buildingId}`])
    ).map(toRow);
    const doors = await this.db.rows<TeamRow & { unit: string; room: string }>(
      `SELECT t.team_role AS role, t.user_id AS userId, u.nickname AS name, u.phone AS phone, t.household_id AS householdId,
         t.building_id AS buildingId, h.unit AS unit, h.room AS room
       FROM help_team_members t JOIN users u ON u.id = t.user_id JOIN households h ON h.id = t.household_id
       WHERE t.community_id = ? AND h.building_id = ? ORDER BY h.unit, h.room`,
      [communityId, buildingId],
    );
    const households = new Map<number, { householdId: number; label: string; members: TeamMemberView[] }>();
    for (const d of doors) {
      const id = Number(d.householdId);
      const entry = households.get(id) ?? { householdId: id, label: formatDoor(b.name, d.unit, d.room), members: [] };
      entry.members.push(memberView(toRow(d)));
      households.set(id, entry);
    }
    return {
      buildingId: Number(b.id),
      buildingName: b.name,
      members: effectiveTeam(own).map(memberView),
      households: [...households.values()],
    };
  }

  async set(actor: Actor, body: SetTeamMemberRequest): Promise<BuildingTeamView> {
    const communityId = staffCommunity(actor);
    let buildingId: number;
    let scopeKey: string;
    if (body.householdId !== undefined) {
      const [h] = await this.db.rows<{ buildingId: number }>(
        'SELECT building_id AS buildingId FROM households WHERE id = ? AND community_id = ?',
        [body.householdId, communityId],
      );
      if (!h) throw new DomainError('HOUSEHOLD_NOT_FOUND');
      buildingId = Number(h.buildingId);
      scopeKey = `h:${body.householdId}`;
    } else {
      const [b] = await this.db.rows<{ id: number }>('SELECT id FROM buildings WHERE id = ? AND community_id = ?', [
        body.buildingId,
        communityId,
      ]);
      if (!b) throw new DomainError('BUILDING_NOT_FOUND');
      buildingId = body.buildingId;
      scopeKey = `b:${body.buildingId}`;
    }
    await this.db.transaction(async () => {
      if (body.userId === null) {
        await this.db.run('DELETE FROM help_team_members WHERE community_id = ? AND scope_key = ? AND team_role = ?', [
          communityId,
          scopeKey,
          body.role,
        ]);
      } else {
        const [u] = await this.db.rows<{ phone: string | null }>(
          'SELECT u.phone AS phone FROM users u WHERE u.id = ? AND EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = u.id AND r.community_id = ?)',
          [body.userId, communityId],
        );
        if (!u) throw new DomainError('PERSON_NOT_FOUND');
        if (!u.phone || u.phone.trim() === '') throw new DomainError('HELP_RESPONDER_NO_PHONE');
        const now = this.clock.now();
        const updated = await this.db.run(
          'UPDATE help_team_members SET user_id = ?, assigned_by = ?, created_at = ? WHERE community_id = ? AND scope_key = ? AND team_role = ?',
          [body.userId, actor.userId, now, communityId, scopeKey, body.role],
        );
        if (updated.affected === 0) {
          await this.db.run(
            `INSERT INTO help_team_members (community_id, scope_key, building_id, household_id, team_role, user_id, assigned_by, created_at)
             VALUES (${Db.marks(8)}) ${this.db.isMysql ? 'ON DUPLICATE KEY UPDATE user_id = VALUES(user_id)' : 'ON CONFLICT (community_id, scope_key, team_role) DO UPDATE SET user_id = excluded.user_id'}`,
            [
              communityId,
              scopeKey,
              body.householdId === undefined ? buildingId : null,
              body.householdId ?? null,
              body.role,
              body.userId,
              actor.userId,
              now,
            ],
          );
        }
      }
      await this.audit.record(actor, {
        action: 'help.team.set',
        targetType: body.householdId !== undefined ? 'household' : 'building',
        targetId: body.householdId ?? buildingId,
        details: { role: body.role, userId: body.userId },
      });
    });
    return this.building(actor, buildingId);
  }

  async candidates(actor: Actor, q: string): Promise<TeamCandidate[]> {
    const communityId = staffCommunity(actor);
    const like = `%${q.replace(/[%_\\]/g, '')}%`;
    const rows = await this.db.rows<{
      userId: number;
      name: string;
      phone: string | null;
      building: string | null;
      unit: string | null;
      room: string | null;
    }>(
      `SELECT u.id AS userId, u.nickname AS name, u.phone AS phone, b.name AS building, h.unit AS unit, h.room AS room
       FROM users u LEFT JOIN households h ON h.id = u.household_id AND h.community_id = ? LEFT JOIN buildings b ON b.id = h.building_id
       WHERE EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = u.id AND r.community_id = ?) AND (u.nickname LIKE ? OR u.phone LIKE ?)
       ORDER BY u.id LIMIT 20`,
      [communityId, communityId, like, like],
    );
    return rows.map((r) => ({
      userId: Number(r.userId),
      name: r.name,
      phone: r.phone && r.phone.trim() !== '' ? r.phone : null,
      label: r.building && r.unit !== null && r.room !== null ? formatDoor(r.building, r.unit, r.room) : null,
    }));
  }
}
