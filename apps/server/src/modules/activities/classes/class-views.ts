import { Injectable } from '@nestjs/common';
import type { BuildingView, ClassView, MyClassPlace, StaffClassView } from '@linli/shared-types';
import { In } from 'typeorm';
import { Clock } from '../../../common/clock';
import { Db } from '../../../common/database/db';
import { HouseholdsService } from '../../community/households.service';
import { classEnd, classPhase, seatsLeft, splitIds, waitingPositions } from './class-rules';
import { ActivityClass, ClassSignup } from './entities/class.entity';

type Base = Omit<ClassView, 'mine' | 'liveUrl'>;

/** Classes turned into what residents and staff receive. */
@Injectable()
export class ClassViews {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly households: HouseholdsService,
  ) {}

  /** For a resident's household: its place in each, and the live link only where it holds a seat. */
  async forHousehold(rows: ActivityClass[], communityId: number, householdId: number): Promise<ClassView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((c) => c.id);
    const mine = await this.db.repo(ClassSignup).find({ where: { classId: In(ids), householdId } });
    const waitingIn = mine.filter((s) => s.state === 'WAITING').map((s) => s.classId);
    const lines = await this.waitingLines(waitingIn);
    const bases = await this.base(rows, communityId);
    return rows.map((c, i) => {
      const s = mine.find((m) => m.classId === c.id && m.state !== 'CANCELLED');
      const place: MyClassPlace | null = s
        ? {
            state: s.state as 'SIGNED' | 'WAITING',
            position: s.state === 'WAITING' ? (lines.get(c.id)?.get(s.id) ?? null) : null,
            byStaff: s.byStaff,
          }
        : null;
      return { ...(bases[i] as Base), liveUrl: place?.state === 'SIGNED' ? c.liveUrl : null, mine: place };
    });
  }

  async forStaff(rows: ActivityClass[], communityId: number): Promise<StaffClassView[]> {
    const bases = await this.base(rows, communityId);
    return rows.map((c, i) => ({
      ...(bases[i] as Base),
      liveUrl: c.liveUrl,
      remindedAt: c.remindedAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
    }));
  }

  /** Whom a class is for, as people say it. */
  audience(c: ActivityClass, buildings: BuildingView[]): string {
    const ids = splitIds(c.buildingIds);
    return ids.length === 0 ? '全体居民' : ids.map((id) => buildings.find((b) => b.id === id)?.name ?? `${id}号楼`).join('、');
  }

  /** Each class's waiting list: sign-up id → place in line. */
  async waitingLines(classIds: number[]): Promise<Map<number, Map<number, number>>> {
    const out = new Map<number, Map<number, number>>();
    if (classIds.length === 0) return out;
    const waiting = await this.db.repo(ClassSignup).find({
      where: { classId: In([...new Set(classIds)]), state: 'WAITING' },
      select: ['id', 'classId', 'waitingSince'],
    });
    for (const id of new Set(classIds)) {
      const line = waiting.filter((w) => w.classId === id).map((w) => ({ id: w.id, waitingSince: w.waitingSince ?? new Date(0) }));
      out.set(id, waitingPositions(line));
    }
    return out;
  }

  private async base(rows: ActivityClass[], communityId: number): Promise<Base[]> {
    if (rows.length === 0) return [];
    const buildings = await this.households.buildings(communityId);
    const counts = await this.db
      .repo(ClassSignup)
      .createQueryBuilder('s')
      .select('s.class_id', 'classId')
      .addSelect('COUNT(*)', 'n')
      .where('s.class_id IN (:...ids)', { ids: rows.map((c) => c.id) })
      .andWhere("s.state = 'WAITING'")
      .groupBy('s.class_id')
      .getRawMany<{ classId: number | string; n: number | string }>();
    const now = this.clock.now();
    return rows.map((c) => ({
      id: c.id,
      kind: c.kind,
      title: c.title,
      teacher: c.teacher,
      description: c.description,
      startsAt: c.startsAt.toISOString(),
      endsAt: classEnd(c).toISOString(),
      minutes: c.minutes,
      capacity: c.capacity,
      signed: c.signedCount,
      waiting: Number(counts.find((r) => Number(r.classId) === c.id)?.n ?? 0),
      left: seatsLeft(c),
      buildingIds: splitIds(c.buildingIds),
      audience: this.audience(c, buildings),
      state: c.state,
      phase: classPhase(c, now),
      startsInSeconds: Math.round((c.startsAt.getTime() - now.getTime()) / 1000),
      replayUrl: c.replayUrl,
    }));
  }
}
