import type {
  ItemView,
  LoginResponse,
  MedicineRequestView,
  MessagesPage,
  OrderView,
  ParcelTaskView,
  ParcelView,
  PaymentParams,
  PharmacyView,
  SupplierView,
  WindowView,
} from '@linli/shared-types';
import request from 'supertest';
import { OrderExpiry } from '../src/modules/orders/order-expiry';
import { outRefundNo, outTradeNo } from '../src/modules/orders/order-payable';
import { refundNo, tradeNo } from '../src/modules/payments/payable';
import { RefundSweep } from '../src/modules/payments/refund-sweep';
import { pack } from './support/scenes';
import { FakeWechat } from './support/fake-wechat';
import { FakeWechatPay } from './support/fake-wechat-pay';
import { TestApp, type Client } from './support/test-app';

const HOUR = 3600_000;

/**
 * The ways out where money is held (issue 12), with WeChat Pay through our real client against
 * local fakes: an expired order's place comes back; a household without a smartphone in a WeChat
 * Pay window pays cash at the door or staff pay with their own WeChat; money of a returned
 * parcel, of medicine the pharmacy cannot buy and of medicine cancelled before purchase goes back.
 */
describe('ways out, with money held', () => {
  let t: TestApp;
  let staff: Client;
  let volunteer: Client;
  let volunteerId: number;
  let item: ItemView;
  const wechat = new FakeWechat('wx-linli-ways', 'app-secret');
  const pay = new FakeWechatPay('wx-linli-ways');
  let households: number[];

  beforeAll(async () => {
    const [wechatBase, payBase] = await Promise.all([wechat.start(), pay.start()]);
    t = await TestApp.boot({ WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret, WECHAT_API_BASE: wechatBase, ...pay.env(payBase) });
    staff = await devUser('staff');
    volunteerId = Number(((await t.db.query("SELECT id FROM users WHERE dev_key = 'volunteer'")) as { id: number }[])[0]?.id);
    volunteer = await t.tokenFor(volunteerId);
    const supplier = (await staff.post('/api/staff/suppliers', { name: '合家福超市' }).expect(201)).body as SupplierView;
    item = (
      await staff
        .post('/api/staff/items', {
          kind: 'package',
          name: '蔬菜包',
          contents: [{ name: '青菜', quantity: '2斤' }],
          priceFen: 3990,
          limitPerHousehold: 2,
          supplierId: supplier.id,
        })
        .expect(201)
    ).body as ItemView;
    households = (
      (await t.db.query(
        'SELECT h.id AS id FROM households h WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id LIMIT 20',
      )) as { id: number }[]
    ).map((r) => Number(r.id));
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([wechat.stop(), pay.stop()]);
  });

  async function devUser(key: string): Promise<Client> {
    const [row] = (await t.db.query(`SELECT id FROM users WHERE dev_key = '${key}'`)) as { id: number }[];
    return t.tokenFor(Number(row?.id));
  }

  /** Someone who logged in through WeChat (so has an openid): a resident of a household of their own, or staff. */
  async function wechatUser(openid: string, role: 'resident' | 'staff'): Promise<Client> {
    const login = (
      await t.http
        .post('/api/auth/wechat')
        .send({ code: wechat.issueCode(openid) })
        .expect(200)
    ).body as LoginResponse;
    if (role === 'resident') await t.db.query(`UPDATE users SET household_id = ${households.shift()} WHERE id = ${login.me.user.id}`);
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${login.me.user.id}, 1, '${role}')`);
    return t.as(login.token);
  }

  async function window(over: Record<string, unknown> = {}): Promise<WindowView> {
    const now = t.clock.now().getTime();
    const body = {
      title: '蔬菜包 微信支付',
      mode: 'fcfs',
      paymentMode: 'wechat',
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + HOUR).toISOString(),
      deliveryDate: new Date(now + 86_400_000).toISOString().slice(0, 10),
      items: [{ itemId: item.id, stock: 10 }],
      ...over,
    };
    return (await staff.post('/api/staff/windows', body).expect(201)).body as WindowView;
  }

  const notify = (n: { headers: Record<string, string>; body: string }): request.Test =>
    request(t.url).post('/api/payments/wechat/notify').set(n.headers).send(n.body);

  async function paid(resident: Client, w: WindowView): Promise<OrderView> {
    const placed = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    await resident.post(`/api/orders/${placed.id}/pay`).expect(200);
    await notify(pay.pay(outTradeNo(placed.id), 'none', t.clock.now())).expect(204);
    return (await resident.get(`/api/orders/${placed.id}`).expect(200)).body as OrderView;
  }

  it('an unpaid order that expires gives its place under the window cap back', async () => {
    const w = await window({ maxOrders: 1 });
    const first = await wechatUser('openid-ways-1', 'resident');
    const second = await wechatUser('openid-ways-2', 'resident');
    await first.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201);
    expect((await second.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(409)).body.code).toBe(
      'WINDOW_FULL',
    );
    t.clock.advance(16 * 60_000);
    try {
      expect(await t.app.get(OrderExpiry).runOnce()).toBe(1);
      await second.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201);
    } finally {
      t.clock.advance(-16 * 60_000);
    }
  });

  describe('a household without a smartphone, ordered for by staff in a WeChat Pay window', () => {
    it('staff must say how it is paid; nothing is written until they do', async () => {
      const w = await window();
      const [householdId] = households.splice(0, 1);
      const before = await t.count('orders');
      const refused = await staff
        .post('/api/staff/orders', { householdId, windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] })
        .expect(400);
      expect(refused.body).toMatchObject({ code: 'PAYMENT_CHOICE_REQUIRED', message: expect.stringContaining('上门收现金') });
      expect(await t.count('orders')).toBe(before);
    });

    it('cash at the door: confirmed at once, and the volunteer sees the amount to collect', async () => {
      const w = await window();
      const [householdId] = households.splice(0, 1);
      const proxy = (
        await staff
          .post('/api/staff/orders', { householdId, windowId: w.id, lines: [{ itemId: item.id, quantity: 2 }], paymentMode: 'cod' })
          .expect(201)
      ).body as OrderView;
      expect(proxy).toMatchObject({ state: 'CONFIRMED', paymentMode: 'cod', totalFen: 7980, placedBy: { proxy: true } });
      const [parcel] = (await pack(staff, w)) as [ParcelView];
      await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId }).expect(200);
      const task = (await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200)).body as ParcelTaskView;
      expect(task).toMatchObject({ cashDueFen: 7980, cashCollected: false });
    });

    it('or staff pay with their own WeChat', async () => {
      const w = await window();
      const [householdId] = households.splice(0, 1);
      const grid = await wechatUser('openid-grid-worker', 'staff');
      const proxy = (
        await grid
          .post('/api/staff/orders', { householdId, windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }], paymentMode: 'wechat' })
          .expect(201)
      ).body as OrderView;
      expect(proxy).toMatchObject({ state: 'PENDING_PAYMENT', paymentMode: 'wechat' });
      const params = (await grid.post(`/api/orders/${proxy.id}/pay`).expect(200)).body as PaymentParams;
      expect(params.package).toMatch(/^prepay_id=/);
      expect(pay.prepayOf(outTradeNo(proxy.id))).toMatchObject({ total: 3990, openid: 'openid-grid-worker' });
      // Another staff member did not order it and cannot pay for it.
      await staff.post(`/api/orders/${proxy.id}/pay`).expect(404);
      await notify(pay.pay(outTradeNo(proxy.id), 'none', t.clock.now())).expect(204);
      expect(((await grid.get(`/api/orders/${proxy.id}`).expect(200)).body as OrderView).state).toBe('CONFIRMED');
    });
  });

  it('a paid order whose parcel came back and was cancelled is refunded', async () => {
    const w = await window();
    const resident = await wechatUser('openid-ways-returned', 'resident');
    const order = await paid(resident, w);
    expect(order.state).toBe('CONFIRMED');
    const [parcel] = (await pack(staff, w)) as [ParcelView];
    await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId }).expect(200);
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
    await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200);
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/fail`, { reason: 'isolation' }).expect(200);
    await staff.post(`/api/staff/parcels/${parcel.id}/resolve`, { to: 'RETURNED' }).expect(200);
    await staff.post(`/api/staff/parcels/${parcel.id}/cancel`, { reason: '住户已被转运' }).expect(200);
    await t.app.get(RefundSweep).runOnce();
    expect(pay.refunds.get(outRefundNo(order.id))).toMatchObject({ outTradeNo: outTradeNo(order.id), refund: 3990 });
    expect(((await resident.get(`/api/orders/${order.id}`).expect(200)).body as OrderView).state).toBe('CANCELLED');
  });

  it('paid medicine the pharmacy cannot buy, or that the household cancels before purchase, is refunded', async () => {
    const pharmacist = await devUser('pharmacist');
    const [pharmacy] = (await staff.get('/api/staff/pharmacies').expect(200)).body as PharmacyView[];
    if (!pharmacy) throw new Error('no demo pharmacy');
    const body = { name: pharmacy.name, address: pharmacy.address, hours: pharmacy.hours, defaultFor: pharmacy.defaultFor };
    await staff.put(`/api/staff/pharmacies/${pharmacy.id}`, { ...body, paymentMode: 'wechat' }).expect(200);
    try {
      const resident = await wechatUser('openid-ways-med', 'resident');
      const paidRequest = async (): Promise<MedicineRequestView> => {
        const req = (
          await resident
            .post('/api/medicine-requests', {
              items: [{ name: '连花清瘟胶囊', quantity: 2, brand: 'any', prescription: false }],
              urgency: 'today',
            })
            .expect(201)
        ).body as MedicineRequestView;
        const itemId = req.items[0]?.id as number;
        await pharmacist
          .post(`/api/pharmacy/requests/${req.id}/quote`, { items: [{ itemId, status: 'in_stock', unitPriceFen: 1250 }] })
          .expect(200);
        await resident.post(`/api/medicine-requests/${req.id}/accept`, { itemIds: [itemId] }).expect(200);
        await resident.post(`/api/medicine-requests/${req.id}/pay`).expect(200);
        await notify(pay.pay(tradeNo('medicine', req.id), 'none', t.clock.now())).expect(204);
        const confirmed = (await resident.get(`/api/medicine-requests/${req.id}`).expect(200)).body as MedicineRequestView;
        expect(confirmed.state).toBe('CONFIRMED');
        return confirmed;
      };
      const unavailable = await paidRequest();
      await pharmacist.post(`/api/pharmacy/requests/${unavailable.id}/cannot-buy`, { reason: '全市缺货' }).expect(200);
      const unwanted = await paidRequest();
      await resident.post(`/api/medicine-requests/${unwanted.id}/cancel`).expect(200);
      await t.app.get(RefundSweep).runOnce();
      for (const req of [unavailable, unwanted]) {
        expect(pay.refunds.get(refundNo('medicine', req.id))).toMatchObject({ outTradeNo: tradeNo('medicine', req.id), refund: 2500 });
      }
      // When WeChat has paid it back, the household is told, once, with the amount.
      const back = pay.refunded(refundNo('medicine', unwanted.id), t.clock.now());
      await notify(back).expect(204);
      await notify(back).expect(204);
      const inbox = (await resident.get('/api/messages').expect(200)).body as MessagesPage;
      const refunds = inbox.items.filter((m) => m.kind === 'medicine.refunded');
      expect(refunds).toHaveLength(1);
      expect(refunds[0]).toMatchObject({ title: '买药退款已到账', link: `/medicine/request/index?id=${unwanted.id}` });
      expect(refunds[0]?.body).toContain('25.00');
    } finally {
      await staff.put(`/api/staff/pharmacies/${pharmacy.id}`, { ...body, paymentMode: pharmacy.paymentMode }).expect(200);
    }
  });
});
