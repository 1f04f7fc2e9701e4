import { Injectable } from '@nestjs/common';
import {
  FAMILY_FLOW,
  refuseTransition,
  type Actor as FlowActor,
  type FamilyBindingView,
  type FamilyState,
  type RequestFamilyBinding,
} from '@linli/shared-types';
import { isStaffOf, staffCommunity } from '../../common/access';
import type { Actor } from '../../common/actor';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { isUniqueViolation } from '../../common/db-errors';
import { DomainError } from '../../common/domain-error';
import { HouseholdsService } from '../community/households.service';
import { MessagesService } from '../messages/messages.service';

interface Row {
  id: number;
  communityId: number;
  householdId: number;
  userId: number;
  relation: string;
  name: string;
  phone: string;
  state: FamilyState;
  rejectReason: string | null;
  createdAt: Date | string;
  decidedAt: Date | string | null;
}

const SELECT = `SELECT id, community_id AS communityId, household_id AS householdId, user_id AS userId, relation, name, phone, state,
  reject_reason AS rejectReason, created_at AS createdAt, decided_at AS decidedAt FROM family_bindings`;

const OPEN: FamilyState[] = ['PENDING', 'APPROVED'];

/**
 * 家属: a family member living elsewhere asks, by the household's door, to act for it (order,
 * pay, ask for help…); staff check with the household and decide. The household is told when
 * someone is bound to it; either the family member or staff can end it.
 */
@Injectable()
export class FamilyBindingsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly messages: MessagesService,
  ) {}

  async request(actor: Actor, body: RequestFamilyBinding): Promise<FamilyBindingView> {
    if (actor.communityId === null) throw new DomainError('COMMUNITY_NOT_CHOSEN');
    const household = await this.households.findByDoor(actor.communityId, body.buildingId, body.unit, body.room);
    if (household.id === actor.householdId) throw new DomainError('FAMILY_OWN_HOUSEHOLD');
    const [open] = await this.db.rows<Row>(`${SELECT} WHERE open_key = ?`, [`${household.id}:${actor.userId}`]);
    if (open) throw new DomainError(open.state === 'APPROVED' ? 'FAMILY_ALREADY' : 'FAMILY_PENDING');
    try {
      const id = await this.db.transaction(async () => {
        const { insertId } = await this.db.run(
          `INSERT INTO family_bindings (community_id, household_id, user_id, relation, name, phone, state, open_key, created_at)
           VALUES (${Db.marks(9)})`,
          [
            actor.communityId,
            household.id,
            actor.userId,
            body.relation,
            body.name,
            body.phone,
            'PENDING',
            `${household.id}:${actor.userId}`,
            this.clock.now(),
          ],
        );
        await this.audit.record(actor, {
          action: 'family.request',
          targetType: 'household',
          targetId: household.id,
          details: { relation: body.relation },
        });
        return insertId;
      });
      return this.view(await this.row(id));
    } catch (error) {
      // The same person asking twice at once: the open key decides.
      if (isUniqueViolation(error)) throw new DomainError('FAMILY_PENDING');
      throw error;
    }
  }

  async mine(actor: Actor): Promise<FamilyBindingView[]> {
    const rows = await this.db.rows<Row>(`${SELECT} WHERE user_id = ? ORDER BY id DESC`, [actor.userId]);
    return this.views(rows);
  }

  /** The family member withdraws a waiting request or leaves a binding. */
  async cancel(actor: Actor, id: number): Promise<FamilyBindingView> {
    const row = await this.row(id);
    if (Number(row.userId) !== actor.userId) throw new DomainError('NOT_FOUND');
    return this.move(actor, row, 'CANCELLED', ['resident']);
  }

  async staffList(actor: Actor, state: FamilyState | undefined): Promise<FamilyBindingView[]> {
    const communityId = staffCommunity(actor);
    const rows = state
      ? await this.db.rows<Row>(`${SELECT} WHERE community_id = ? AND state = ? ORDER BY id DESC`, [communityId, state])
      : await this.db.rows<Row>(`${SELECT} WHERE community_id = ? ORDER BY id DESC LIMIT 200`, [communityId]);
    return this.views(rows);
  }

  async approve(actor: Actor, id: number): Promise<FamilyBindingView> {
    return this.move(actor, await this.staffRow(actor, id), 'APPROVED', ['staff']);
  }

  async reject(actor: Actor, id: number, reason: string): Promise<FamilyBindingView> {
    return this.move(actor, await this.staffRow(actor, id), 'REJECTED', ['staff'], reason);
  }

  async revoke(actor: Actor, id: number): Promise<FamilyBindingView> {
    return this.move(actor, await this.staffRow(actor, id), 'REVOKED', ['staff']);
  }

  /** Whether the user is an approved 家属 of the household. */
  async isFamily(userId: number, householdId: number): Promise<boolean> {
    const rows = await this.db.rows("SELECT 1 FROM family_bindings WHERE user_id = ? AND household_id = ? AND state = 'APPROVED'", [
      userId,
      householdId,
    ]);
    return rows.length > 0;
  }

  /** How an approved 家属 is bound to the household (女儿, 李红), or null. */
  async bindingOf(userId: number, householdId: number): Promise<{ relation: string; name: string } | null> {
    const [row] = await this.db.rows<{ relation: string; name: string }>(
      "SELECT relation, name FROM family_bindings WHERE user_id = ? AND household_id = ? AND state = 'APPROVED' ORDER BY id DESC",
      [userId, householdId],
    );
    return row ? { relation: String(row.relation), name: String(row.name) } : null;
  }

  /** The households the user is an approved 家属 of, in a community. */
  async familyHouseholds(userId: number, communityId: number): Promise<number[]> {
    const rows = await this.db.rows<{ householdId: number }>(
      "SELECT household_id AS householdId FROM family_bindings WHERE user_id = ? AND community_id = ? AND state = 'APPROVED'",
      [userId, communityId],
    );
    return rows.map((r) => Number(r.householdId));
  }

  private async move(actor: Actor, row: Row, to: FamilyState, as: FlowActor[], reason?: string): Promise<FamilyBindingView> {
    const refusal = refuseTransition(FAMILY_FLOW, row.state, to, as);
    if (refusal) throw new DomainError(refusal === 'WRONG_ACTOR' ? 'FORBIDDEN' : 'INVALID_TRANSITION', { from: row.state, to });
    const now = this.clock.now();
    await this.db.transaction(async () => {
      const moved = await this.db.run(
        `UPDATE family_bindings SET state = ?, open_key = ?, reject_reason = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = ?`,
        [to, OPEN.includes(to) ? `${row.householdId}:${row.userId}` : null, reason ?? null, actor.userId, now, row.id, row.state],
      );
      // Someone else decided first: the table's rule for where it is now.
      if (moved.affected !== 1) throw new DomainError('INVALID_TRANSITION', { from: row.state, to });
      await this.audit.record(actor, {
        action: `family.${to.toLowerCase()}`,
        targetType: 'household',
        targetId: Number(row.householdId),
        details: { bindingId: Number(row.id), reason },
      });
      const door = (await this.households.doors([Number(row.householdId)])).get(Number(row.householdId));
      const where = door ? `${door.building}${door.unit}${door.room}` : '';
      if (to === 'APPROVED') {
        await this.messages.tell({
          userId: Number(row.userId),
          communityId: Number(row.communityId),
          kind: 'family.approved',
          title: '家属绑定已通过',
          body: `您已是 ${where} 的家属，可以在「我的」→「我代办的家庭」里为他们订物资、买药、求助`,
          link: '/care/family/index',
        });
        await this.messages.tellHousehold(Number(row.householdId), {
          communityId: Number(row.communityId),
          kind: 'family.bound',
          title: '有家属绑定了您家',
          body: `${row.name}（${row.relation}）已经绑定为您家的家属，可以替您订物资、买药、求助。如果不认识，请联系社区`,
          link: null,
        });
      } else if (to === 'REJECTED') {
        await this.messages.tell({
          userId: Number(row.userId),
          communityId: Number(row.communityId),
          kind: 'family.rejected',
          title: '家属绑定未通过',
          body: `您申请做 ${where} 的家属未通过：${reason ?? ''}`,
          link: '/care/family/index',
        });
      } else if (to === 'REVOKED') {
        await this.messages.tell({
          userId: Number(row.userId),
          communityId: Number(row.communityId),
          kind: 'family.rejected',
          title: '家属绑定已被社区解除',
          body: `社区已解除您与 ${where} 的家属绑定，如有疑问请联系社区`,
          link: '/care/family/index',
        });
      }
    });
    return this.view(await this.row(Number(row.id)));
  }

  private async staffRow(actor: Actor, id: number): Promise<Row> {
    const row = await this.row(id);
    if (!isStaffOf(actor, Number(row.communityId))) throw new DomainError('NOT_FOUND');
    return row;
  }

  private async row(id: number): Promise<Row> {
    const [row] = await this.db.rows<Row>(`${SELECT} WHERE id = ?`, [id]);
    if (!row) throw new DomainError('NOT_FOUND');
    return row;
  }

  private async views(rows: Row[]): Promise<FamilyBindingView[]> {
    const doors = await this.households.doors(rows.map((r) => Number(r.householdId)));
    return rows.map((r) => this.viewWith(r, doors.get(Number(r.householdId))));
  }

  private async view(row: Row): Promise<FamilyBindingView> {
    return (await this.views([row]))[0] as FamilyBindingView;
  }

  private viewWith(r: Row, door: { building: string; unit: string; room: string } | undefined): FamilyBindingView {
    return {
      id: Number(r.id),
      householdId: Number(r.householdId),
      door: door ? `${door.building}${door.unit}${door.room}` : '',
      relation: r.relation,
      name: r.name,
      phone: r.phone,
      state: r.state,
      rejectReason: r.rejectReason,
      createdAt: (Db.date(r.createdAt) as Date).toISOString(),
      decidedAt: r.decidedAt ? (Db.date(r.decidedAt) as Date).toISOString() : null,
    };
  }
}
