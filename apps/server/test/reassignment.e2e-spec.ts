import type {
  DeliveryOverview,
  Role,
  DispatchResult,
  MeResponse,
  MessagesPage,
  MessageView,
  ParcelTaskView,
  ParcelView,
} from '@linli/shared-types';
import type { Client } from './support/test-app';
import { AssignmentTimeout } from '../src/modules/parcels/assignment-timeout';
import { Parcel } from '../src/modules/parcels/entities/parcel.entity';
import { ParcelFlow } from '../src/modules/parcels/parcel-flow';
import { Reassignment } from '../src/modules/parcels/reassignment';
import { packedWindow } from './support/scenes';
import { TestApp } from './support/test-app';

const MINUTE = 60_000;

/**
 * Issue 19: a parcel a volunteer lets go (declines, does not accept in time, does not pick up)
 * goes at once to the next least-loaded volunteer covering its building, never back to one who
 * let it go; after two misses it waits for staff, red on their board.
 */
describe('reassignment', () => {
  let t: TestApp;
  let staff: Client;
  let a: Client;
  let b: Client;
  let aId: number;
  let bId: number;
  let residents: Client[];
  let parcels: ParcelView[];
  let job: AssignmentTimeout;

  async function idOf(who: Client): Promise<number> {
    return ((await who.get('/api/me').expect(200)).body as MeResponse).user.id;
  }
  async function inbox(who: Client, kind: string): Promise<MessageView[]> {
    return ((await who.get('/api/messages?pageSize=200').expect(200)).body as MessagesPage).items.filter((m) => m.kind === kind);
  }
  async function row(id: number): Promise<{ state: string; volunteerId: number | null; missCount: number }> {
    const [r] = (await t.db.query(`SELECT state, volunteer_id AS volunteerId, miss_count AS missCount FROM parcels WHERE id = ${id}`)) as {
      state: string;
      volunteerId: number | null;
      missCount: number;
    }[];
    return {
      state: String(r?.state),
      volunteerId: r?.volunteerId === null ? null : Number(r?.volunteerId),
      missCount: Number(r?.missCount),
    };
  }
  async function tasks(who: Client): Promise<number[]> {
    return ((await who.get('/api/volunteer/tasks').expect(200)).body as ParcelTaskView[]).map((p) => p.id);
  }
  async function assign(parcelId: number, volunteerId: number): Promise<void> {
    await staff.post(`/api/staff/parcels/${parcelId}/assign`, { volunteerId }).expect(200);
  }
  const parcel = (i: number): ParcelView => parcels[i] as ParcelView;
  /** Staff take every assigned (not yet accepted) parcel back to the pool, so the next test starts from a quiet board. */
  async function clearAssigned(): Promise<void> {
    const rows = (await t.db.query("SELECT id FROM parcels WHERE state = 'ASSIGNED'")) as { id: number }[];
    for (const r of rows) await staff.post(`/api/staff/parcels/${r.id}/assign`, { volunteerId: null }).expect(200);
  }

  beforeAll(async () => {
    t = await TestApp.boot();
    job = t.app.get(AssignmentTimeout);
    staff = await t.login('staff');
    a = await t.login('volunteer');
    aId = await idOf(a);
    residents = await t.residents(9);
    // The second volunteer: a resident the community made a volunteer.
    const [other] = residents.splice(8, 1) as [Client];
    bId = await idOf(other);
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${bId}, 1, 'volunteer')`);
    b = await t.tokenFor(bId);
    ({ parcels } = await packedWindow(t, staff, residents));
    const buildingIds = ((await t.db.query('SELECT id FROM buildings')) as { id: number }[]).map((r) => Number(r.id));
    for (const id of [aId, bId]) await staff.put(`/api/staff/volunteers/${id}`, { buildingIds, capacity: 20 }).expect(200);
    await a.put('/api/volunteer/duty', { onDuty: true }).expect(200);
    await b.put('/api/volunteer/duty', { onDuty: true }).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a declined parcel goes at once to the other volunteer, never back; their time-out sends it to staff as 两次无人接单', async () => {
    const p = parcel(0);
    await assign(p.id, aId);
    // B may not decline A's task.
    expect((await b.post(`/api/volunteer/tasks/${p.id}/decline`).expect(404)).body.code).toBe('PARCEL_NOT_FOUND');
    const before = (await inbox(b, 'task.assigned')).length;
    expect(((await a.post(`/api/volunteer/tasks/${p.id}/decline`).expect(200)).body as ParcelTaskView).state).toBe('READY');
    expect(await row(p.id)).toEqual({ state: 'ASSIGNED', volunteerId: bId, missCount: 1 });
    expect(await tasks(b)).toContain(p.id);
    expect(await tasks(a)).not.toContain(p.id);
    const offered = await inbox(b, 'task.assigned');
    expect(offered).toHaveLength(before + 1);
    expect(offered[0]?.deadline).not.toBeNull();
    // Who declined is told nothing: they did it themselves.
    expect(await inbox(a, 'task.taken_back')).toEqual([]);

    // B lets the accept deadline pass: a second miss, nobody left who has not let it go → staff.
    t.clock.advance(21 * MINUTE);
    expect(await job.runOnce()).toBe(1);
    expect(await row(p.id)).toEqual({ state: 'READY', volunteerId: null, missCount: 2 });
    expect(await tasks(a)).not.toContain(p.id);
    expect((await inbox(b, 'task.taken_back'))[0]?.body).toContain('20 分钟内接单');
    expect((await inbox(staff, 'parcel.unclaimed'))[0]).toMatchObject({ title: '有包裹两次无人接单', link: '/staff/delivery/index' });

    const overview = (await staff.get('/api/staff/parcels/overview').expect(200)).body as DeliveryOverview;
    expect(overview.late[0]).toMatchObject({ id: p.id, unclaimed: true, missCount: 2 });
    expect(overview.late[0]?.missedBy.map((m) => [m.volunteerId, m.reason])).toEqual([
      [aId, 'declined'],
      [bId, 'not-accepted'],
    ]);
    await a.get('/api/staff/parcels/overview').expect(403);
    const events = (await t.db.query(`SELECT from_state, to_state, via FROM parcel_events WHERE parcel_id = ${p.id} ORDER BY id`)) as {
      from_state: string | null;
      to_state: string;
      via: string;
    }[];
    expect(events.map((e) => `${e.from_state}>${e.to_state}:${e.via}`)).toEqual([
      'null>READY:system',
      'READY>ASSIGNED:app',
      'ASSIGNED>READY:app',
      'READY>ASSIGNED:system',
      'ASSIGNED>READY:system',
    ]);

    // Dispatch leaves it to staff; staff assign it by hand: its way out.
    const others = parcels.slice(1).map((x) => x.id);
    const dispatched = (await staff.post('/api/staff/parcels/dispatch').expect(200)).body as DispatchResult;
    expect(dispatched.assigned).toBe(others.length);
    expect((await row(p.id)).state).toBe('READY');
    await clearAssigned();
    await assign(p.id, aId);
    expect(await row(p.id)).toMatchObject({ state: 'ASSIGNED', volunteerId: aId });
    const after = (await staff.get('/api/staff/parcels/overview').expect(200)).body as DeliveryOverview;
    expect(after.late.some((l) => l.id === p.id && l.unclaimed)).toBe(false);
    await a.post(`/api/volunteer/tasks/${p.id}/accept`).expect(200);
    await a.post('/api/volunteer/scan/pickup', { code: p.labelToken }).expect(200);
  });

  it('a volunteer alone on duty who declines is not given the parcel back, by decline or by dispatch', async () => {
    const p = parcel(1);
    await b.put('/api/volunteer/duty', { onDuty: false }).expect(200);
    try {
      await assign(p.id, aId);
      await a.post(`/api/volunteer/tasks/${p.id}/decline`).expect(200);
      expect(await row(p.id)).toEqual({ state: 'READY', volunteerId: null, missCount: 1 });
      const result = (await staff.post('/api/staff/parcels/dispatch').expect(200)).body as DispatchResult;
      expect(await row(p.id)).toMatchObject({ state: 'READY', volunteerId: null });
      expect(await tasks(a)).not.toContain(p.id);
      expect(result.unassigned).toBeGreaterThanOrEqual(1);
      await clearAssigned();
    } finally {
      await b.put('/api/volunteer/duty', { onDuty: true }).expect(200);
    }
    // With B back on duty, dispatch gives it to B, never A.
    await staff.post('/api/staff/parcels/dispatch').expect(200);
    expect(await row(p.id)).toMatchObject({ state: 'ASSIGNED', volunteerId: bId });
    await b.post(`/api/volunteer/tasks/${p.id}/accept`).expect(200);
    await b.post('/api/volunteer/scan/pickup', { code: p.labelToken }).expect(200);
    await clearAssigned();
  });

  it('an accepted parcel not picked up: one reminder, then it returns and goes to the next volunteer', async () => {
    const p = parcel(2);
    await assign(p.id, aId);
    await a.post(`/api/volunteer/tasks/${p.id}/accept`).expect(200);
    t.clock.advance(29 * MINUTE);
    await job.runOnce();
    expect(await inbox(a, 'task.pickup_reminder')).toEqual([]);
    t.clock.advance(2 * MINUTE);
    await job.runOnce();
    await job.runOnce();
    const reminders = await inbox(a, 'task.pickup_reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.body).toContain('前到取货点扫码取货');
    expect(reminders[0]?.deadline).not.toBeNull();
    expect(await row(p.id)).toMatchObject({ state: 'ACCEPTED', volunteerId: aId });
    t.clock.advance(30 * MINUTE);
    await job.runOnce();
    expect(await row(p.id)).toEqual({ state: 'ASSIGNED', volunteerId: bId, missCount: 1 });
    expect((await inbox(a, 'task.taken_back')).some((m) => m.body.includes('60 分钟内没有取货'))).toBe(true);
    expect(await inbox(a, 'task.pickup_reminder')).toHaveLength(1);
    const [miss] = (await t.db.query(`SELECT volunteer_id AS v, reason FROM parcel_misses WHERE parcel_id = ${p.id}`)) as {
      v: number;
      reason: string;
    }[];
    expect(miss).toMatchObject({ reason: 'not-picked-up' });
    expect(Number(miss?.v)).toBe(aId);
    await b.post(`/api/volunteer/tasks/${p.id}/accept`).expect(200);
    await b.post('/api/volunteer/scan/pickup', { code: p.labelToken }).expect(200);
  });

  it('two instances running the time-outs at once move each parcel once', async () => {
    const mine = [parcel(3), parcel(4), parcel(5)];
    for (const p of mine) await assign(p.id, aId);
    const reassignment = t.app.get(Reassignment);
    t.clock.advance(21 * MINUTE);
    const counts = await Promise.all([reassignment.releaseUnaccepted(20), reassignment.releaseUnaccepted(20)]);
    expect(counts[0] + counts[1]).toBe(mine.length);
    for (const p of mine) {
      expect(await row(p.id)).toEqual({ state: 'ASSIGNED', volunteerId: bId, missCount: 1 });
      const moves = (await t.db.query(
        `SELECT COUNT(*) AS n FROM parcel_events WHERE parcel_id = ${p.id} AND via = 'system' AND to_state = 'ASSIGNED'`,
      )) as { n: number | string }[];
      expect(Number(moves[0]?.n)).toBe(1);
    }
    // One miss row each: A's (the two runs did not record it twice); the earlier tests left four.
    expect(await t.count('parcel_misses')).toBe(4 + mine.length);

    // B accepts them all and picks none up: the reminders go out once each, whoever runs them.
    for (const p of mine) await b.post(`/api/volunteer/tasks/${p.id}/accept`).expect(200);
    const remindersBefore = (await inbox(b, 'task.pickup_reminder')).length;
    t.clock.advance(31 * MINUTE);
    await Promise.all([reassignment.sweepUnpicked(), reassignment.sweepUnpicked()]);
    expect(await inbox(b, 'task.pickup_reminder')).toHaveLength(remindersBefore + mine.length);
    // …and they return once each: a second miss for each (A, then B) → staff.
    t.clock.advance(30 * MINUTE);
    await Promise.all([reassignment.sweepUnpicked(), reassignment.sweepUnpicked()]);
    for (const p of mine) expect(await row(p.id)).toEqual({ state: 'READY', volunteerId: null, missCount: 2 });
    expect(await inbox(b, 'task.pickup_reminder')).toHaveLength(remindersBefore + mine.length);
  });

  it("a volunteer who lost the parcel to a time-out cannot accept it on the new volunteer's behalf, however late their tap", async () => {
    const p = parcel(6);
    await assign(p.id, aId);
    // A's phone read the task (ASSIGNED to A); before A's tap lands, the time-out gives it to B.
    const stale = await t.db.getRepository(Parcel).findOneByOrFail({ id: p.id });
    t.clock.advance(21 * MINUTE);
    await t.app.get(Reassignment).releaseUnaccepted(20);
    expect(await row(p.id)).toMatchObject({ state: 'ASSIGNED', volunteerId: bId });
    const actorA = {
      userId: aId,
      nickname: '李志强',
      communityId: stale.communityId,
      roles: ['resident', 'volunteer'] as Role[],
      householdId: null,
    };
    await expect(t.app.get(ParcelFlow).move(actorA, ['volunteer'], stale, 'ACCEPTED', { via: 'app' })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await expect(t.app.get(ParcelFlow).move(actorA, ['volunteer'], stale, 'READY', { via: 'app' })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(await row(p.id)).toEqual({ state: 'ASSIGNED', volunteerId: bId, missCount: 1 });
    // Over HTTP A no longer sees it at all.
    expect((await a.post(`/api/volunteer/tasks/${p.id}/accept`).expect(404)).body.code).toBe('PARCEL_NOT_FOUND');
  });
});
