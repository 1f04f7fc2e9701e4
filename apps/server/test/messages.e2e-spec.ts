import type {
  FileView,
  MedicineRequestView,
  MeResponse,
  MessagesPage,
  MessageView,
  OrderView,
  Page,
  ParcelView,
  UnreadCount,
} from '@linli/shared-types';
import { PNG } from 'pngjs';
import { MedicineReminders } from '../src/modules/pharmacy/medicine-reminders';
import { OutboxWorker } from '../src/modules/notify/outbox-worker';
import { AssignmentTimeout } from '../src/modules/parcels/assignment-timeout';
import { TestApp, type Client } from './support/test-app';

function photo(shade = 180): Buffer {
  const png = new PNG({ width: 6, height: 6 });
  png.data.fill(shade);
  return PNG.sync.write(png);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * One message list per person (issue 14): each flow tells the right person in the transaction
 * of its change (and only them), a refused change tells nobody, reminders are told once, and
 * (WeChat not configured here) no message leaves a push row for the worker.
 */
describe('messages', () => {
  let t: TestApp;
  let staff: Client;
  let pharmacist: Client;
  let volunteer: Client;
  let resident: Client;
  let neighbour: Client;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    pharmacist = await t.login('pharmacist');
    volunteer = await t.login('volunteer');
    [resident, neighbour] = (await t.residents(2)) as [Client, Client];
  });
  afterAll(async () => {
    await t.close();
  });

  async function inbox(who: Client): Promise<MessageView[]> {
    return ((await who.get('/api/messages?pageSize=200').expect(200)).body as MessagesPage).items;
  }
  async function kinds(who: Client): Promise<string[]> {
    return (await inbox(who)).map((m) => m.kind);
  }
  async function latest(who: Client): Promise<MessageView> {
    return (await inbox(who))[0] as MessageView;
  }

  const item = { name: '布洛芬缓释胶囊', spec: '0.3g×20粒', quantity: 1, brand: 'any', prescription: false };

  async function submit(urgency: 'normal' | 'today' = 'normal'): Promise<MedicineRequestView> {
    return (await resident.post('/api/medicine-requests', { items: [item], urgency }).expect(201)).body as MedicineRequestView;
  }
  async function quote(req: MedicineRequestView, priceFen = 1500): Promise<void> {
    await pharmacist
      .post(`/api/pharmacy/requests/${req.id}/quote`, { items: [{ itemId: req.items[0]!.id, status: 'in_stock', unitPriceFen: priceFen }] })
      .expect(200);
  }

  it('nobody has messages at first; the unread count is 0', async () => {
    expect(await inbox(resident)).toEqual([]);
    expect(((await resident.get('/api/messages/unread-count').expect(200)).body as UnreadCount).unread).toBe(0);
  });

  describe('a medicine request from submission to the door', () => {
    let req: MedicineRequestView;

    it('the pharmacist is told of a new request, with its quote deadline', async () => {
      req = await submit();
      const m = await latest(pharmacist);
      expect(m).toMatchObject({
        kind: 'medicine.new_request',
        link: `/pharmacy/request/index?id=${req.id}`,
        deadline: req.quoteDeadline,
        readAt: null,
      });
      expect(m.body).toContain('前报价');
      expect(await inbox(resident)).toEqual([]);
    });

    it('the household is told of the quote and until when it can answer; nobody else is', async () => {
      const before = await t.count('messages');
      await quote(req);
      const m = await latest(resident);
      expect(m).toMatchObject({ kind: 'medicine.quoted', title: '药房已报价', link: `/medicine/request/index?id=${req.id}` });
      expect(m.body).toContain('报价 24 小时内有效');
      expect(m.body).toContain('15.00');
      expect(new Date(m.deadline as string).getTime() - new Date(m.createdAt).getTime()).toBe(24 * HOUR);
      expect(await t.count('messages')).toBe(before + 1);
      expect(await inbox(neighbour)).toEqual([]);
      expect(await kinds(staff)).toEqual([]);
    });

    it('a refused command tells nobody', async () => {
      const before = await t.count('messages');
      const pushes = await t.count('outbox');
      expect((await pharmacist.post(`/api/pharmacy/requests/${req.id}/reject`, { reason: '太晚了' }).expect(409)).body.code).toBe(
        'INVALID_TRANSITION',
      );
      expect(await t.count('messages')).toBe(before);
      expect(await t.count('outbox')).toBe(pushes);
    });

    it('bought, picked up, left at the door (confirm within 12 h), delivered: the household hears each; the volunteer hears of the task', async () => {
      await resident.post(`/api/medicine-requests/${req.id}/accept`, { itemIds: [req.items[0]!.id] }).expect(200);
      const receipt = (await pharmacist.upload('/api/files', photo(90), 'receipt.png', { purpose: 'receipt' }).expect(201))
        .body as FileView;
      await pharmacist.post(`/api/pharmacy/requests/${req.id}/purchase`, { receiptFileId: receipt.id }).expect(200);
      expect(await latest(resident)).toMatchObject({ kind: 'medicine.bought', link: `/medicine/request/index?id=${req.id}` });

      const parcel = ((await staff.get(`/api/staff/parcels?batch=medicine:${req.id}`).expect(200)).body as Page<ParcelView>)
        .items[0] as ParcelView;
      const volunteerId = ((await volunteer.get('/api/me').expect(200)).body as MeResponse).user.id;
      const [b] = (await t.db.query(`SELECT building_id FROM parcels WHERE id = ${parcel.id}`)) as { building_id: number }[];
      await staff.put(`/api/staff/volunteers/${volunteerId}`, { buildingIds: [Number(b?.building_id)], capacity: 10 }).expect(200);
      await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId }).expect(200);
      const task = await latest(volunteer);
      expect(task).toMatchObject({ kind: 'task.assigned', link: '/volunteer/tasks/index' });
      expect(task.body).toContain('分钟内');
      expect(task.deadline).not.toBeNull();

      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
      await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200);
      expect(await latest(resident)).toMatchObject({ kind: 'parcel.picked_up', link: `/medicine/request/index?id=${req.id}` });
      const door = (await volunteer.upload('/api/files', photo(60), 'door.png', { purpose: 'contactless' }).expect(201)).body as FileView;
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/leave`, { photoFileId: door.id }).expect(200);
      const left = await latest(resident);
      expect(left).toMatchObject({ kind: 'parcel.contactless' });
      expect(left.body).toContain('12 小时内');
      expect(new Date(left.deadline as string).getTime() - new Date(left.createdAt).getTime()).toBe(12 * HOUR);
      await resident.post(`/api/parcels/${parcel.id}/confirm`).expect(200);
      expect((await kinds(resident)).slice(0, 2).sort()).toEqual(['medicine.delivered', 'parcel.delivered']);
      expect(await inbox(neighbour)).toEqual([]);
    });
  });

  it('a rejected request and one the pharmacy cannot buy tell the household why', async () => {
    const rejected = await submit();
    await pharmacist.post(`/api/pharmacy/requests/${rejected.id}/reject`, { reason: '处方已过期' }).expect(200);
    const m = await latest(resident);
    expect(m).toMatchObject({ kind: 'medicine.rejected', link: `/medicine/request/index?id=${rejected.id}` });
    expect(m.body).toContain('处方已过期');

    const failed = await submit();
    await quote(failed);
    await resident.post(`/api/medicine-requests/${failed.id}/accept`, { itemIds: [failed.items[0]!.id] }).expect(200);
    await pharmacist.post(`/api/pharmacy/requests/${failed.id}/cannot-buy`, { reason: '厂家断货' }).expect(200);
    const c = await latest(resident);
    expect(c).toMatchObject({ kind: 'medicine.cannot_buy' });
    expect(c.body).toContain('厂家断货');
    expect(await inbox(neighbour)).toEqual([]);
  });

  it('今天要 is an urgent request for the pharmacist; unquoted past its deadline, staff are told once', async () => {
    const urgent = await submit('today');
    expect(await latest(pharmacist)).toMatchObject({ kind: 'medicine.urgent_request', link: `/pharmacy/request/index?id=${urgent.id}` });
    const sweep = t.app.get(MedicineReminders);
    await sweep.runOnce();
    expect(await kinds(staff)).not.toContain('medicine.overdue');
    t.clock.advance(21 * MINUTE);
    try {
      await sweep.runOnce();
      await sweep.runOnce();
      const overdue = (await inbox(staff)).filter((m) => m.kind === 'medicine.overdue');
      expect(overdue).toHaveLength(1);
      expect(overdue[0]).toMatchObject({ link: '/staff/medicine/index', deadline: urgent.quoteDeadline });
      expect(await kinds(resident)).not.toContain('medicine.overdue');
    } finally {
      t.clock.advance(-21 * MINUTE);
      await resident.post(`/api/medicine-requests/${urgent.id}/cancel`).expect(200);
    }
  });

  it('a quote unanswered after 20 hours is reminded once, before it lapses', async () => {
    const req = await submit();
    await quote(req);
    const sweep = t.app.get(MedicineReminders);
    t.clock.advance(19 * HOUR);
    await sweep.runOnce();
    expect(await kinds(resident)).not.toContain('medicine.quote_expiring');
    t.clock.advance(HOUR + MINUTE);
    try {
      await sweep.runOnce();
      await sweep.runOnce();
      const reminders = (await inbox(resident)).filter((m) => m.kind === 'medicine.quote_expiring');
      expect(reminders).toHaveLength(1);
      expect(reminders[0]).toMatchObject({ link: `/medicine/request/index?id=${req.id}` });
      expect(new Date(reminders[0]!.deadline as string).getTime()).toBeGreaterThan(t.clock.now().getTime());
      expect(await inbox(neighbour)).toEqual([]);
    } finally {
      t.clock.advance(-(20 * HOUR + MINUTE));
    }
  });

  it('binding approved and rejected: the person who asked is told, with the reason', async () => {
    const free = (await t.db.query(
      'SELECT h.id AS id, h.building_id AS b, h.unit AS unit, h.room AS room FROM households h WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id DESC LIMIT 2',
    )) as { id: number; b: number; unit: string; room: string }[];
    const form = (h: { b: number; unit: string; room: string }): object => ({
      buildingId: Number(h.b),
      unit: h.unit,
      room: h.room,
      name: '赵桂兰',
      phone: '13912345678',
    });
    const asker = await t.newResident('微信用户');
    const other = await t.newResident('另一位');
    const first = (await asker.post('/api/bindings', form(free[0]!)).expect(201)).body as { id: number };
    const second = (await other.post('/api/bindings', form(free[1]!)).expect(201)).body as { id: number };
    expect(await inbox(asker)).toEqual([]);
    // A refused decision (no reason) tells nobody.
    await staff.post(`/api/staff/bindings/${second.id}/reject`, { reason: '' }).expect(400);
    expect(await inbox(other)).toEqual([]);
    await staff.post(`/api/staff/bindings/${first.id}/approve`).expect(200);
    await staff.post(`/api/staff/bindings/${second.id}/reject`, { reason: '该户登记的住户中没有此人' }).expect(200);
    expect(await inbox(asker)).toEqual([expect.objectContaining({ kind: 'binding.approved', link: '/pages/me/index' })]);
    const [rejected] = await inbox(other);
    expect(rejected).toMatchObject({ kind: 'binding.rejected', link: '/pages/bind/index' });
    expect(rejected?.body).toContain('该户登记的住户中没有此人');
    expect(await inbox(neighbour)).toEqual([]);
  });

  it('a volunteer sign-up approved or rejected tells the person who signed up', async () => {
    const post = (
      await staff
        .post('/api/staff/volunteer-posts', {
          squad: 'delivery',
          title: '楼栋配送志愿者',
          requirements: '身体健康',
          shift: '每天上午',
          slots: 1,
        })
        .expect(201)
    ).body as { id: number };
    await resident.post(`/api/volunteer-posts/${post.id}/signups`, { note: '有电动车' }).expect(201);
    await neighbour.post(`/api/volunteer-posts/${post.id}/signups`, {}).expect(201);
    const signups = (await staff.get(`/api/staff/volunteer-posts/${post.id}/signups`).expect(200)).body as { id: number; userId: number }[];
    const residentId = ((await resident.get('/api/me').expect(200)).body as MeResponse).user.id;
    const mine = signups.find((x) => x.userId === residentId)!;
    const theirs = signups.find((x) => x.userId !== residentId)!;
    await staff.post(`/api/staff/volunteer-signups/${mine.id}/approve`).expect(200);
    await staff.post(`/api/staff/volunteer-signups/${theirs.id}/reject`, { reason: '名额已满' }).expect(200);
    expect(await latest(resident)).toMatchObject({ kind: 'volunteer.approved', link: '/volunteer/tasks/index' });
    const [rejected, ...rest] = await inbox(neighbour);
    expect(rest).toEqual([]);
    expect(rejected).toMatchObject({ kind: 'volunteer.rejected' });
    expect(rejected?.body).toContain('名额已满');
    await t.db.query(`DELETE FROM role_assignments WHERE user_id = ${residentId} AND role = 'volunteer'`);
  });

  describe('a pay-on-delivery order', () => {
    let windowId: number;
    let itemId: number;

    beforeAll(async () => {
      const supplier = (await staff.post('/api/staff/suppliers', { name: '合家福超市' }).expect(201)).body as { id: number };
      itemId = (
        (
          await staff
            .post('/api/staff/items', {
              kind: 'package',
              name: '蔬菜包',
              contents: [{ name: '青菜', quantity: '2斤' }],
              priceFen: 3990,
              limitPerHousehold: 5,
              supplierId: supplier.id,
            })
            .expect(201)
        ).body as { id: number }
      ).id;
      const now = t.clock.now().getTime();
      windowId = (
        (
          await staff
            .post('/api/staff/windows', {
              title: '蔬菜包 货到付款',
              mode: 'fcfs',
              paymentMode: 'cod',
              opensAt: new Date(now - MINUTE).toISOString(),
              closesAt: new Date(now + HOUR).toISOString(),
              deliveryDate: '2022-04-27',
              items: [{ itemId, stock: 10 }],
            })
            .expect(201)
        ).body as { id: number }
      ).id;
    });

    it('is confirmed (cash at the door), then cancelled: the household hears both, the neighbour nothing', async () => {
      const order = (await resident.post('/api/orders', { windowId, lines: [{ itemId, quantity: 1 }] }).expect(201)).body as OrderView;
      const confirmed = await latest(resident);
      expect(confirmed).toMatchObject({ kind: 'order.confirmed', link: `/pages/order/index?id=${order.id}` });
      expect(confirmed.body).toContain('39.90');
      // Over the household's limit: refused, nobody told.
      const before = await t.count('messages');
      await resident.post('/api/orders', { windowId, lines: [{ itemId, quantity: 9 }] }).expect(409);
      expect(await t.count('messages')).toBe(before);
      await resident.post(`/api/orders/${order.id}/cancel`).expect(200);
      expect(await latest(resident)).toMatchObject({ kind: 'order.cancelled', link: `/pages/order/index?id=${order.id}` });
      expect((await kinds(neighbour)).filter((k) => k.startsWith('order.'))).toEqual([]);
    });

    it('a dispatch tells the volunteer and the households; a task not accepted in time is taken back; a failed delivery tells the household and staff', async () => {
      const order = (await neighbour.post('/api/orders', { windowId, lines: [{ itemId, quantity: 1 }] }).expect(201)).body as OrderView;
      const unaccepted = (await resident.post('/api/orders', { windowId, lines: [{ itemId, quantity: 1 }] }).expect(201)).body as OrderView;
      await staff.post(`/api/staff/windows/${windowId}/pack`).expect(200);
      const parcels = ((await staff.get(`/api/staff/parcels?batch=window:${windowId}`).expect(200)).body as Page<ParcelView>).items;
      const parcel = parcels.find((p) => p.householdId === order.householdId) as ParcelView;
      const other = parcels.find((p) => p.householdId === unaccepted.householdId) as ParcelView;
      const volunteerId = ((await volunteer.get('/api/me').expect(200)).body as MeResponse).user.id;
      const b = (await t.db.query(`SELECT DISTINCT building_id FROM parcels WHERE id IN (${parcel.id}, ${other.id})`)) as {
        building_id: number;
      }[];
      await staff
        .put(`/api/staff/volunteers/${volunteerId}`, { buildingIds: b.map((x) => Number(x.building_id)), capacity: 10 })
        .expect(200);
      await volunteer.put('/api/volunteer/duty', { onDuty: true }).expect(200);
      await staff.post('/api/staff/parcels/dispatch').expect(200);
      const assigned = await latest(volunteer);
      expect(assigned).toMatchObject({ kind: 'task.assigned', title: '2 个新的配送任务', link: '/volunteer/tasks/index' });
      expect(assigned.body).toContain('分钟内');
      expect(await latest(neighbour)).toMatchObject({ kind: 'parcel.assigned', link: `/pages/order/index?id=${order.id}` });
      expect(await latest(resident)).toMatchObject({ kind: 'parcel.assigned', link: `/pages/order/index?id=${unaccepted.id}` });
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
      // The other one is not accepted in time: taken back, told once however often the sweep runs.
      t.clock.advance(21 * MINUTE);
      try {
        await t.app.get(AssignmentTimeout).runOnce();
        await t.app.get(AssignmentTimeout).runOnce();
      } finally {
        t.clock.advance(-21 * MINUTE);
      }
      const back = (await inbox(volunteer)).filter((m) => m.kind === 'task.taken_back');
      expect(back).toHaveLength(1);
      expect(back[0]?.body).toContain('20 分钟内');
      await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200);
      const staffBefore = (await inbox(staff)).length;
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/fail`, { reason: 'no-answer' }).expect(200);
      const failed = await latest(neighbour);
      expect(failed).toMatchObject({ kind: 'parcel.failed', link: `/pages/order/index?id=${order.id}` });
      const staffNow = await inbox(staff);
      expect(staffNow).toHaveLength(staffBefore + 1);
      expect(staffNow[0]).toMatchObject({ kind: 'parcel.failed', link: '/staff/parcels/index' });
      expect((await kinds(resident)).filter((k) => k === 'parcel.failed')).toEqual([]);
    });
  });

  describe('reading', () => {
    it('counts unread, marks one read, and all read', async () => {
      const mine = await inbox(resident);
      const unread = ((await resident.get('/api/messages/unread-count').expect(200)).body as UnreadCount).unread;
      expect(unread).toBe(mine.length);
      expect(unread).toBeGreaterThan(2);
      const first = mine[0] as MessageView;
      const read = (await resident.post(`/api/messages/${first.id}/read`).expect(200)).body as MessageView;
      expect(read.readAt).not.toBeNull();
      expect(((await resident.get('/api/messages/unread-count').expect(200)).body as UnreadCount).unread).toBe(unread - 1);
      // Again: unchanged.
      expect(((await resident.post(`/api/messages/${first.id}/read`).expect(200)).body as MessageView).readAt).toBe(read.readAt);
      expect((await resident.post('/api/messages/read-all').expect(200)).body).toEqual({ marked: unread - 1 });
      expect(((await resident.get('/api/messages/unread-count').expect(200)).body as UnreadCount).unread).toBe(0);
      expect((await inbox(resident)).every((m) => m.readAt !== null)).toBe(true);
      // The pharmacist's stay unread.
      expect(((await pharmacist.get('/api/messages/unread-count').expect(200)).body as UnreadCount).unread).toBeGreaterThan(0);
    });

    it("another person's message is not found; a bad id is refused", async () => {
      const theirs = (await inbox(pharmacist))[0] as MessageView;
      expect((await neighbour.post(`/api/messages/${theirs.id}/read`).expect(404)).body.code).toBe('MESSAGE_NOT_FOUND');
      expect((await resident.post('/api/messages/999999/read').expect(404)).body.code).toBe('MESSAGE_NOT_FOUND');
      await resident.post('/api/messages/abc/read').expect(400);
      expect((await resident.get('/api/messages?pageSize=0').expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await inbox(pharmacist)).find((m) => m.id === theirs.id)?.readAt).toBeNull();
    });

    it('pages newest first', async () => {
      const all = await inbox(pharmacist);
      const page = (await pharmacist.get('/api/messages?page=2&pageSize=1').expect(200)).body as MessagesPage;
      expect(page).toMatchObject({ total: all.length, page: 2, pageSize: 1 });
      expect(page.items.map((m) => m.id)).toEqual([all[1]?.id]);
      expect(all.map((m) => m.id)).toEqual([...all.map((m) => m.id)].sort((a, b) => b - a));
    });
  });

  it("without WeChat no message can leave the app: each is written under a push key, and no 'message.push' row waits for the worker", async () => {
    const [unkeyed] = (await t.db.query('SELECT COUNT(*) AS n FROM messages WHERE push_key IS NULL')) as { n: number }[];
    expect(Number(unkeyed?.n)).toBe(0);
    expect(await t.count(`outbox WHERE kind = 'message.push'`)).toBe(0);
    // The reminders above were written on a clock a day ahead: run the worker there too.
    t.clock.advance(24 * HOUR);
    try {
      while ((await t.app.get(OutboxWorker).runOnce()) > 0);
    } finally {
      t.clock.advance(-24 * HOUR);
    }
    const [left] = (await t.db.query(`SELECT COUNT(*) AS n FROM outbox WHERE status <> 'DONE'`)) as {
      n: number;
    }[];
    expect(Number(left?.n)).toBe(0);
  });
});
