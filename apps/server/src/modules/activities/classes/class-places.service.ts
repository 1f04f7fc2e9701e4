import { Injectable } from '@nestjs/common';
import type { ClassSignupState, ProxyKind } from '@linli/shared-types';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { isUniqueViolation } from '../../../common/db-errors';
import { DomainError } from '../../../common/domain-error';
import { atTime } from '../../messages/wording';
import { MessagesService } from '../../messages/messages.service';
import { ActivityClass, ClassSignup } from './entities/class.entity';

/** How many waiting households one promotion round looks at (a round moves as many as seats came free). */
const PROMOTE_BATCH = 20;

/** The resident page of a class, for messages. */
export function classLink(id: number): string {
  return `/activities/class/index?id=${id}`;
}

/**
 * Places in a class, in the caller's transaction: a seat is taken by a conditional UPDATE of the
 * class's counter against its capacity (the affected-row count decides, never a read), a full
 * class puts the household on the waiting list when asked to, and a seat given back goes to the
 * earliest waiting household in the same transaction.
 */
@Injectable()
export class ClassPlacesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly messages: MessagesService,
  ) {}

  /** Refuses a class that takes no sign-up or cancellation any more, by its code. */
  assertOpen(c: ActivityClass): void {
    if (c.state === 'CANCELLED') throw new DomainError('CLASS_CANCELLED');
    if (c.state === 'DONE') throw new DomainError('CLASS_DONE');
    if (this.clock.now().getTime() >= c.startsAt.getTime()) throw new DomainError('CLASS_STARTED');
  }

  /**
   * Signs a household up: a seat when one is free; else the waiting list when `waitlist`, or
   * CLASS_FULL. A household already signed or waiting: CLASS_ALREADY_SIGNED. One that had
   * cancelled signs up again on its own row.
   */
  async signUp(
    c: ActivityClass,
    household: { id: number; buildingId: number },
    by: { userId: number; byStaff: boolean; proxyKind: ProxyKind | null },
    waitlist: boolean,
  ): Promise<ClassSignupState> {
    this.assertOpen(c);
    const existing = await this.db.repo(ClassSignup).findOneBy({ classId: c.id, householdId: household.id });
    if (existing && existing.state !== 'CANCELLED') throw new DomainError('CLASS_ALREADY_SIGNED');
    const seated = await this.takeSeat(c.id);
    if (!seated) {
      const fresh = await this.db.repo(ActivityClass).findOneByOrFail({ id: c.id });
      this.assertOpen(fresh);
      if (!waitlist) throw new DomainError('CLASS_FULL', { capacity: fresh.capacity, waiting: await this.waitingCount(c.id) });
    }
    const state: ClassSignupState = seated ? 'SIGNED' : 'WAITING';
    const now = this.clock.now();
    const waitingSince = seated ? null : now;
    if (existing) {
      const moved = await this.db.run(
        `UPDATE class_signups SET state = ?, user_id = ?, by_staff = ?, proxy_kind = ?, building_id = ?, waiting_since = ?, updated_at = ?
          WHERE id = ? AND state = 'CANCELLED'`,
        [state, by.userId, by.byStaff, by.proxyKind, household.buildingId, waitingSince, now, existing.id],
      );
      if (moved.affected !== 1) throw new DomainError('CLASS_ALREADY_SIGNED');
    } else {
      try {
        await this.db.repo(ClassSignup).insert({
          classId: c.id,
          householdId: household.id,
          buildingId: household.buildingId,
          userId: by.userId,
          state,
          byStaff: by.byStaff,
          proxyKind: by.proxyKind,
          waitingSince,
          createdAt: now,
          updatedAt: now,
        });
      } catch (error) {
        // Another member of the household signed up at the same moment: the unique key decides.
        if (isUniqueViolation(error)) throw new DomainError('CLASS_ALREADY_SIGNED');
        throw error;
      }
    }
    return state;
  }

  /**
   * A household gives its place back: a seat goes to the earliest waiting household (told by a
   * message); a waiting place just leaves the line. Returns the state it had.
   */
  async cancel(c: ActivityClass, householdId: number): Promise<ClassSignupState> {
    const signup = await this.db.repo(ClassSignup).findOneBy({ classId: c.id, householdId });
    if (!signup || signup.state === 'CANCELLED') throw new DomainError('CLASS_NOT_SIGNED');
    this.assertOpen(c);
    const left = await this.db.run(
      `UPDATE class_signups SET state = 'CANCELLED', waiting_since = NULL, updated_at = ? WHERE id = ? AND state = ?`,
      [this.clock.now(), signup.id, signup.state],
    );
    if (left.affected !== 1) throw new DomainError('CLASS_NOT_SIGNED');
    if (signup.state === 'SIGNED') {
      await this.db.run('UPDATE activity_classes SET signed_count = signed_count - 1 WHERE id = ? AND signed_count > 0', [c.id]);
      await this.promote(c);
    }
    return signup.state;
  }

  /**
   * Moves waiting households up while seats are free (after a cancellation, or a larger
   * capacity), earliest first; each is told. Returns how many moved up.
   */
  async promote(c: ActivityClass): Promise<number> {
    let moved = 0;
    for (;;) {
      const waiting = await this.db.rows<{ id: number; householdId: number }>(
        `SELECT id, household_id AS householdId FROM class_signups WHERE class_id = ? AND state = 'WAITING'
          ORDER BY waiting_since, id LIMIT ${PROMOTE_BATCH}`,
        [c.id],
      );
      if (waiting.length === 0) return moved;
      let progressed = false;
      for (const w of waiting) {
        if (!(await this.takeSeat(c.id))) return moved;
        const up = await this.db.run(
          `UPDATE class_signups SET state = 'SIGNED', waiting_since = NULL, updated_at = ? WHERE id = ? AND state = 'WAITING'`,
          [this.clock.now(), Number(w.id)],
        );
        if (up.affected !== 1) {
          // Someone else moved it (it cancelled, or another promotion): the seat goes back.
          await this.db.run('UPDATE activity_classes SET signed_count = signed_count - 1 WHERE id = ? AND signed_count > 0', [c.id]);
          continue;
        }
        progressed = true;
        moved++;
        await this.messages.tellHousehold(Number(w.householdId), {
          communityId: c.communityId,
          kind: 'class.promoted',
          title: `候补成功：${c.title}`,
          body: `有人取消了报名，您家已从候补转为已报名。上课时间 ${atTime(c.startsAt)}。`,
          link: classLink(c.id),
        });
      }
      if (!progressed) return moved;
    }
  }

  /** Households on the waiting list. */
  async waitingCount(classId: number): Promise<number> {
    const [row] = await this.db.rows<{ n: number | string }>(
      "SELECT COUNT(*) AS n FROM class_signups WHERE class_id = ? AND state = 'WAITING'",
      [classId],
    );
    return Number(row?.n ?? 0);
  }

  /** One seat, if the class is open and not full: the affected-row count decides. */
  private async takeSeat(classId: number): Promise<boolean> {
    const taken = await this.db.run(
      `UPDATE activity_classes SET signed_count = signed_count + 1
        WHERE id = ? AND state = 'SCHEDULED' AND starts_at > ? AND (capacity IS NULL OR signed_count < capacity)`,
      [classId, this.clock.now()],
    );
    return taken.affected === 1;
  }
}
