import type {
  ClassView,
  ContestView,
  DeliveryOverview,
  MedicineRequestView,
  OrderView,
  Page,
  ParcelTaskView,
  ParcelView,
  QuizLeaderboard,
  QuizView,
  WindowView,
} from '@linli/shared-types';
import { ModuleRef } from '@nestjs/core';
import { LivingDemo } from '../src/database/living-demo';
import { TestApp } from './support/test-app';

const HOUR = 3_600_000;

/**
 * The living demo (DEMO_LIVE=1, what `npm start` has): on first start the demo community is in
 * the middle of a lockdown, seen as its demo users see it — at times relative to the boot.
 */
describe('the living demo', () => {
  let t: TestApp;
  let bootedAt: number;

  beforeAll(async () => {
    bootedAt = Date.now();
    t = await TestApp.boot({ DEMO_LIVE: '1' });
  });
  afterAll(() => t.close());

  it('the demo resident sees an open window with stock left, and her orders in every state', async () => {
    const resident = await t.login('resident');
    const windows = (await resident.get('/api/windows').expect(200)).body as WindowView[];
    const open = windows.filter((w) => w.phase === 'OPEN');
    const fcfs = open.find((w) => w.mode === 'fcfs');
    expect(fcfs).toBeDefined();
    const veg = fcfs?.items.find((i) => i.name.startsWith('蔬菜套餐'));
    // Neighbours have ordered: stock partly taken, much left for her.
    expect(veg?.sold).toBeGreaterThan(0);
    expect(veg?.stock).toBeGreaterThan(0);
    expect(new Date(fcfs?.opensAt as string).getTime()).toBeLessThan(bootedAt);
    expect(new Date(fcfs?.closesAt as string).getTime()).toBeGreaterThan(Date.now() + 3 * HOUR);
    // Fair share takes registrations: others have registered, she has not yet.
    const fair = open.find((w) => w.mode === 'fair');
    expect(fair).toBeDefined();
    expect((await resident.get(`/api/windows/${fair?.id}/registration`).expect(404)).body.code).toBe('REGISTRATION_NOT_FOUND');
    const [registered] = (await t.db.query('SELECT COUNT(*) AS n FROM registrations WHERE window_id = ?', [fair?.id])) as { n: number }[];
    expect(Number(registered?.n)).toBeGreaterThan(10);

    const orders = (await resident.get('/api/orders/mine').expect(200)).body as OrderView[];
    const states = orders.map((o) => o.state).sort();
    expect(states).toEqual(['CANCELLED', 'DELIVERED', 'PACKED']);
    const onItsWay = orders.find((o) => o.state === 'PACKED');
    expect(onItsWay?.parcel?.state).toBe('PICKED_UP');
    expect(orders.find((o) => o.state === 'DELIVERED')?.parcel?.state).toBe('DELIVERED');
    // She can still order in today's window: nothing of hers is in it.
    expect(orders.some((o) => o.windowId === fcfs?.id)).toBe(false);
    const placed = (await resident.post('/api/orders', { windowId: fcfs?.id, lines: [{ itemId: veg?.itemId, quantity: 1 }] }).expect(201))
      .body as OrderView;
    expect(placed.state).toBe('CONFIRMED');

    // Her medicine request is quoted: it waits for her answer.
    const requests = (await resident.get('/api/medicine-requests').expect(200)).body as MedicineRequestView[];
    expect(requests.map((r) => r.state)).toEqual(['QUOTED']);
  });

  it('past windows are in the past, today’s delivery is today (relative to the boot)', async () => {
    const staff = await t.login('staff');
    const windows = (await staff.get('/api/staff/windows').expect(200)).body as WindowView[];
    expect(windows).toHaveLength(4);
    const closed = windows.filter((w) => w.phase === 'CLOSED');
    expect(closed).toHaveLength(2);
    for (const w of closed) expect(new Date(w.closesAt).getTime()).toBeLessThan(bootedAt - 12 * HOUR);
    const today = new Date(bootedAt + 8 * HOUR).toISOString().slice(0, 10);
    expect(closed.map((w) => w.deliveryDate)).toContain(today);
  });

  it('the demo volunteer is on duty with tasks: one parcel in hand, others to accept', async () => {
    const volunteer = await t.login('volunteer');
    const duty = (await volunteer.get('/api/volunteer/duty').expect(200)).body as { onDuty: boolean };
    expect(duty.onDuty).toBe(true);
    const tasks = (await volunteer.get('/api/volunteer/tasks').expect(200)).body as ParcelTaskView[];
    expect(tasks.filter((p) => p.state === 'PICKED_UP').map((p) => `${p.building}${p.unit}${p.room}`)).toEqual(['1栋1单元101']);
    expect(tasks.filter((p) => p.state === 'ASSIGNED').length).toBeGreaterThan(0);
    // Pay on delivery: cash to take at the door.
    expect(tasks.every((p) => p.cashDueFen > 0)).toBe(true);
  });

  it('the pharmacist’s queue has requests to quote, the most urgent first', async () => {
    const pharmacist = await t.login('pharmacist');
    const queue = (await pharmacist.get('/api/pharmacy/requests').expect(200)).body as MedicineRequestView[];
    const submitted = queue.filter((r) => r.state === 'SUBMITTED');
    expect(submitted.length).toBe(2);
    expect(queue[0]?.urgency).toBe('today');
    expect(queue.some((r) => r.state === 'QUOTED')).toBe(true);
  });

  it('staff see the day’s delivery: parcels delivered, one failed, volunteers on duty', async () => {
    const staff = await t.login('staff');
    const overview = (await staff.get('/api/staff/parcels/overview').expect(200)).body as DeliveryOverview;
    expect(overview.volunteersOnDuty).toBe(3);
    const total = (state: string): number =>
      overview.byBuilding.reduce((n, b) => n + ((b.counts as Record<string, number>)[state] ?? 0), 0);
    expect(total('DELIVERED')).toBeGreaterThan(5);
    expect(total('FAILED')).toBe(1);
    expect(total('PICKED_UP')).toBe(1);
    expect(total('ASSIGNED')).toBeGreaterThan(0);
    const parcels = (await staff.get('/api/staff/parcels?pageSize=200').expect(200)).body as Page<ParcelView>;
    expect(parcels.items.filter((p) => p.state === 'FAILED')).toHaveLength(1);
    // The books: every order of a delivered parcel is delivered; the stock taken is what was ordered.
    const [books] = (await t.db.query(
      `SELECT (SELECT COALESCE(SUM(sold), 0) FROM window_items) AS sold,
              (SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.state NOT IN ('CANCELLED', 'EXPIRED')) AS ordered`,
    )) as { sold: string | number; ordered: string | number }[];
    expect(Number(books?.sold)).toBe(Number(books?.ordered));
  });

  it('the demo resident has activities to join: a class she signed up for, a quiz neighbours took, a contest taking entries', async () => {
    const resident = await t.login('resident');
    const classes = (await resident.get('/api/classes').expect(200)).body as ClassView[];
    const yoga = classes.find((c) => c.title === '居家瑜伽入门');
    expect(yoga).toMatchObject({ state: 'SCHEDULED', mine: { state: 'SIGNED' } });
    expect(yoga?.signed).toBe(7);
    expect(new Date(yoga?.startsAt ?? 0).getTime()).toBeGreaterThan(bootedAt);
    expect(classes.map((c) => c.title)).toContain('封控期间的慢病用药');
    const [quiz] = ((await resident.get('/api/quizzes').expect(200)).body as QuizView[]).filter((q) => q.title === '防疫知识竞答');
    expect(quiz).toMatchObject({ status: 'OPEN', attemptsUsed: 0 });
    const board = (await resident.get(`/api/quizzes/${quiz?.id}/leaderboard`).expect(200)).body as QuizLeaderboard;
    expect(board.people).toBe(5);
    const contests = (await resident.get('/api/contests').expect(200)).body as ContestView[];
    expect(contests.find((c) => c.title === '封控里的春天')).toMatchObject({ phase: 'voting' });
  });

  it('started again days later, when its windows have closed, it opens today’s (and not while one is open)', async () => {
    const living = new LivingDemo(t.app.get(ModuleRef));
    expect(await living.freshen()).toBe(false);
    t.clock.advance(3 * 24 * HOUR);
    const later = t.clock.now().getTime();
    const resident = await t.login('resident');
    expect(((await resident.get('/api/windows').expect(200)).body as WindowView[]).filter((w) => w.phase === 'OPEN')).toEqual([]);

    expect(await new LivingDemo(t.app.get(ModuleRef)).freshen()).toBe(true);
    const open = ((await resident.get('/api/windows').expect(200)).body as WindowView[]).filter((w) => w.phase === 'OPEN');
    expect(open.map((w) => w.mode).sort()).toEqual(['fair', 'fcfs']);
    for (const w of open) expect(new Date(w.closesAt).getTime()).toBeGreaterThan(later);
    const fcfs = open.find((w) => w.mode === 'fcfs');
    expect(fcfs?.items.every((i) => i.sold > 0 && i.stock > 0)).toBe(true);
    expect(fcfs?.deliveryDate).toBe(new Date(later + 32 * HOUR).toISOString().slice(0, 10));
    expect(await new LivingDemo(t.app.get(ModuleRef)).freshen()).toBe(false);
  });
});

describe('without DEMO', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.boot({ DEMO: '0' });
  });
  afterAll(() => t.close());

  it('there is no dev login and no demo data', async () => {
    const users = (await t.http.get('/api/auth/dev-users').expect(200)).body as { enabled: boolean; users: unknown[] };
    expect(users).toEqual({ enabled: false, users: [] });
    const res = await t.http.post('/api/auth/dev').send({ user: 'staff' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('DEV_LOGIN_DISABLED');
    expect(await t.count('communities')).toBe(0);
    expect(await t.count('users')).toBe(0);
    expect(await t.count('windows')).toBe(0);
  });
});
