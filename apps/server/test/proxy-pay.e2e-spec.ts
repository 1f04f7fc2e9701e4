import type {
  ErrorBody,
  FamilyBindingView,
  FileView,
  MeResponse,
  MedicineRequestView,
  MessagesPage,
  MessageView,
  OrderView,
  Page,
  ParcelSummary,
  ParcelView,
  ProxyDeliveries,
  WindowView,
} from '@linli/shared-types';
import { PNG } from 'pngjs';
import request from 'supertest';
import { outRefundNo, outTradeNo } from '../src/modules/orders/order-payable';
import { refundNo, tradeNo } from '../src/modules/payments/payable';
import { RefundSweep } from '../src/modules/payments/refund-sweep';
import { FakeWechat } from './support/fake-wechat';
import { FakeWechatPay } from './support/fake-wechat-pay';
import type { Client, TestApp } from './support/test-app';
import { WechatScene } from './support/wechat-scene';

function photo(shade = 180): Buffer {
  const png = new PNG({ width: 6, height: 6 });
  png.data.fill(shade);
  return PNG.sync.write(png);
}

/**
 * Proxy for every flow (issue 18), the money and the door: a 家属 pays the household's order and
 * medicine quote with her own WeChat (she is the payer, the household is told, a refund goes back
 * to her); a grid worker confirms and rates a contactless parcel (recorded with who and as whom);
 * a 家属 of another household, a volunteer and a neighbour are refused and nothing changes; paying
 * twice never charges twice.
 */
describe('proxy: paying, confirming and rating for a household', () => {
  let scene: WechatScene;
  let t: TestApp;
  let staff: Client;
  const wechat = new FakeWechat('wx-linli-proxy-pay', 'app-secret');
  const pay = new FakeWechatPay('wx-linli-proxy-pay');

  let home: Client;
  let homeId: number;
  let daughter: Client;
  let daughterId: number;
  let otherFamily: Client;
  let neighbour: Client;
  let volunteer: Client;
  let worker: Client;
  let workerId: number;

  const notify = (n: { headers: Record<string, string>; body: string }): request.Test =>
    request(t.url).post('/api/payments/wechat/notify').set(n.headers).send(n.body);
  const me = async (c: Client): Promise<MeResponse> => (await c.get('/api/me').expect(200)).body as MeResponse;
  const messages = async (c: Client): Promise<MessageView[]> => ((await c.get('/api/messages').expect(200)).body as MessagesPage).items;

  /** `who` asks to be 家属 of the household with `householdId`; staff approve. */
  async function bindAsFamily(who: Client, householdId: number, relation: string, name: string): Promise<void> {
    const [door] = (await t.db.query(`SELECT building_id AS b, unit, room FROM households WHERE id = ${householdId}`)) as {
      b: number;
      unit: string;
      room: string;
    }[];
    const binding = (
      await who
        .post('/api/me/family-bindings', {
          buildingId: Number(door?.b),
          unit: door?.unit,
          room: door?.room,
          relation,
          name,
          phone: '13900001111',
        })
        .expect(201)
    ).body as FamilyBindingView;
    await staff.post(`/api/staff/family-bindings/${binding.id}/approve`).expect(200);
  }

  async function codWindow(): Promise<WindowView> {
    const now = t.clock.now().getTime();
    return (
      await staff
        .post('/api/staff/windows', {
          title: '蔬菜包 货到付款',
          mode: 'fcfs',
          paymentMode: 'cod',
          opensAt: new Date(now - 60_000).toISOString(),
          closesAt: new Date(now + 3600_000).toISOString(),
          deliveryDate: '2022-04-27',
          items: [{ itemId: scene.item.id, stock: 20 }],
        })
        .expect(201)
    ).body as WindowView;
  }

  /** The household orders (cash at the door), staff pack, the volunteer leaves it at the door: it waits for confirmation. */
  async function contactlessParcel(): Promise<number> {
    const w = await codWindow();
    await home.post('/api/orders', { windowId: w.id, lines: [{ itemId: scene.item.id, quantity: 1 }] }).expect(201);
    await staff.post(`/api/staff/windows/${w.id}/pack`).expect(200);
    const [row] = (await t.db.query(
      `SELECT id, batch, building_id AS b FROM parcels WHERE household_id = ${homeId} ORDER BY id DESC LIMIT 1`,
    )) as {
      id: number;
      batch: string;
      b: number;
    }[];
    const parcelId = Number(row?.id);
    const volunteerId = (await me(volunteer)).user.id;
    await staff.put(`/api/staff/volunteers/${volunteerId}`, { buildingIds: [Number(row?.b)], capacity: 50 }).expect(200);
    const parcel = (
      (await staff.get(`/api/staff/parcels?batch=${encodeURIComponent(String(row?.batch))}`).expect(200)).body as Page<ParcelView>
    ).items.find((p) => p.id === parcelId) as ParcelView;
    await staff.post(`/api/staff/parcels/${parcelId}/assign`, { volunteerId }).expect(200);
    await volunteer.post(`/api/volunteer/tasks/${parcelId}/accept`).expect(200);
    await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200);
    const door = (await volunteer.upload('/api/files', photo(60), 'door.png', { purpose: 'contactless' }).expect(201)).body as FileView;
    await volunteer.post(`/api/volunteer/tasks/${parcelId}/leave`, { photoFileId: door.id }).expect(200);
    return parcelId;
  }

  beforeAll(async () => {
    scene = await WechatScene.boot(wechat, pay);
    ({ t, staff } = scene);
    home = await scene.wechatResident('openid-home');
    homeId = Number((await me(home)).household?.id);
    daughter = await scene.wechatResident('openid-daughter');
    daughterId = (await me(daughter)).user.id;
    await bindAsFamily(daughter, homeId, '女儿', '王芳');
    // A 家属 of another household, and a neighbour of the household's building.
    otherFamily = await scene.wechatResident('openid-other-family');
    neighbour = await scene.wechatResident('openid-neighbour');
    await bindAsFamily(otherFamily, Number((await me(neighbour)).household?.id), '儿子', '赵强');
    volunteer = await scene.devUser('volunteer');
    // The household's grid worker: a volunteer put on its building's help team.
    const [w] = await t.residents(1);
    workerId = (await me(w as Client)).user.id;
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${workerId}, 1, 'volunteer')`);
    await t.db.query(`UPDATE users SET phone = '13955112233', nickname = '网格员小张' WHERE id = ${workerId}`);
    worker = await t.tokenFor(workerId);
    const [h] = (await t.db.query(`SELECT building_id AS b FROM households WHERE id = ${homeId}`)) as { b: number }[];
    await staff.put('/api/staff/help/teams', { buildingId: Number(h?.b), role: 'grid_worker', userId: workerId }).expect(200);
  });

  afterAll(async () => {
    await scene.close();
  });

  describe('an order of the household', () => {
    let order: OrderView;

    it('the 家属 sees it among the household’s things to pay, with the household’s buttons; nobody else does', async () => {
      const w = await scene.window();
      order = (await home.post('/api/orders', { windowId: w.id, lines: [{ itemId: scene.item.id, quantity: 1 }] }).expect(201))
        .body as OrderView;
      expect(order.state).toBe('PENDING_PAYMENT');
      const page = (await daughter.get(`/api/proxy/households/${homeId}/deliveries`).expect(200)).body as ProxyDeliveries;
      expect(page).toMatchObject({ householdId: homeId, as: 'family', asLabel: '家属' });
      expect(page.ordersToPay.map((o) => o.id)).toEqual([order.id]);
      expect(page.ordersToPay[0]?.actions).toContain('CANCELLED');
      const seen = (await daughter.get(`/api/orders/${order.id}`).expect(200)).body as OrderView;
      expect(seen.actions).toEqual(order.actions);
      for (const stranger of [otherFamily, neighbour, volunteer]) {
        const res = await stranger.get(`/api/proxy/households/${homeId}/deliveries`).expect(403);
        expect((res.body as ErrorBody).code).toBe('NOT_PROXY');
        await stranger.get(`/api/orders/${order.id}`).expect(404);
      }
    });

    it('a 家属 of another household, a volunteer and a neighbour cannot pay it: no prepay, no payment row', async () => {
      const prepays = pay.calls.prepay;
      for (const stranger of [otherFamily, neighbour, volunteer]) {
        expect(((await stranger.post(`/api/orders/${order.id}/pay`).expect(404)).body as ErrorBody).code).toBe('ORDER_NOT_FOUND');
      }
      expect(pay.calls.prepay).toBe(prepays);
      expect(await t.db.query(`SELECT id FROM payments WHERE order_id = ${order.id} AND source_type = 'order'`)).toEqual([]);
    });

    it('the household started paying and gave up; the 家属 pays with her own WeChat: she is the payer, the household is told', async () => {
      await home.post(`/api/orders/${order.id}/pay`).expect(200);
      expect(pay.prepayOf(outTradeNo(order.id))).toMatchObject({ openid: 'openid-home', state: 'NOTPAY' });
      await daughter.post(`/api/orders/${order.id}/pay`).expect(200);
      // The household's prepay is closed (nobody can pay it any more); hers has the next trade number.
      expect(pay.prepayOf(outTradeNo(order.id))?.state).toBe('CLOSED');
      expect(() => pay.pay(outTradeNo(order.id), 'none', t.clock.now())).toThrow();
      expect(pay.prepayOf(`${outTradeNo(order.id)}_2`)).toMatchObject({ openid: 'openid-daughter', total: order.totalFen });
      const paid = pay.pay(`${outTradeNo(order.id)}_2`, 'none', t.clock.now());
      await notify(paid).expect(204);
      await notify(paid).expect(204);
      const [row] = (await t.db.query(
        `SELECT state, out_trade_no AS no, payer_openid AS openid, paid_by_user_id AS who, paid_as AS paidAs FROM payments WHERE order_id = ${order.id} AND source_type = 'order'`,
      )) as { state: string; no: string; openid: string; who: number; paidAs: string }[];
      expect({ ...row, who: Number(row?.who) }).toEqual({
        state: 'PAID',
        no: `${outTradeNo(order.id)}_2`,
        openid: 'openid-daughter',
        who: daughterId,
        paidAs: 'family',
      });
      expect(((await home.get(`/api/orders/${order.id}`).expect(200)).body as OrderView).state).toBe('CONFIRMED');
      const told = (await messages(home)).filter((m) => m.kind === 'proxy.acted');
      expect(told.map((m) => m.body)).toEqual([`您的女儿 王芳 已为您支付 ¥39.90（订单 ${order.id}）。如果不认识此人，请联系社区`]);
      // Paid: asking again, by her or the household, charges nothing.
      const prepays = pay.calls.prepay;
      for (const who of [daughter, home]) {
        expect(((await who.post(`/api/orders/${order.id}/pay`).expect(409)).body as ErrorBody).code).toBe('ORDER_NOT_PAYABLE');
      }
      expect(pay.calls.prepay).toBe(prepays);
    });

    it('cancelled after payment: the refund goes back to her WeChat, and she and the household are told', async () => {
      await home.post(`/api/orders/${order.id}/cancel`).expect(200);
      await t.app.get(RefundSweep).runOnce();
      // Refunded on her trade: WeChat pays it back to the WeChat it came from, hers.
      expect(pay.refunds.get(outRefundNo(order.id))).toMatchObject({ outTradeNo: `${outTradeNo(order.id)}_2`, refund: order.totalFen });
      expect(pay.prepayOf(`${outTradeNo(order.id)}_2`)?.openid).toBe('openid-daughter');
      await notify(pay.refunded(outRefundNo(order.id), t.clock.now())).expect(204);
      const hers = (await messages(daughter)).find((m) => m.title === '代付的钱已退回');
      expect(hers?.body).toContain('¥39.90 已原路退回您的微信');
      const households = (await messages(home)).find((m) => m.title === '退款已退给代付人');
      expect(households?.body).toContain('您的女儿 王芳');
    });
  });

  it('a 家属 pays the household’s medicine quote with her own WeChat; cancelled before buying, it goes back to her', async () => {
    const pharmacist = await scene.devUser('pharmacist');
    const restore = await scene.pharmacyTakesWechat();
    try {
      const accepted = await scene.acceptedMedicine(home, pharmacist, {
        name: '布洛芬',
        quantity: 1,
        unitPriceFen: 2500,
        urgency: 'normal',
      });
      expect(accepted.state).toBe('AWAITING_PAYMENT');
      const page = (await daughter.get(`/api/proxy/households/${homeId}/deliveries`).expect(200)).body as ProxyDeliveries;
      expect(page.medicineToPay.map((r) => r.id)).toEqual([accepted.id]);
      await otherFamily.post(`/api/medicine-requests/${accepted.id}/pay`).expect(404);
      await daughter.post(`/api/medicine-requests/${accepted.id}/pay`).expect(200);
      expect(pay.prepayOf(tradeNo('medicine', accepted.id))).toMatchObject({ openid: 'openid-daughter', total: 2500 });
      // She paid, but WeChat's notification is late; the household asks to pay too: WeChat Pay is
      // asked first, her payment applied, and nothing is billed again.
      pay.pay(tradeNo('medicine', accepted.id), 'none', t.clock.now());
      const prepays = pay.calls.prepay;
      expect(((await home.post(`/api/medicine-requests/${accepted.id}/pay`).expect(409)).body as ErrorBody).code).toBe('ORDER_NOT_PAYABLE');
      expect(pay.calls.prepay).toBe(prepays);
      expect(((await home.get(`/api/medicine-requests/${accepted.id}`).expect(200)).body as MedicineRequestView).state).toBe('CONFIRMED');
      const [row] = (await t.db.query(
        `SELECT paid_by_user_id AS who, paid_as AS paidAs FROM payments WHERE source_type = 'medicine' AND order_id = ${accepted.id}`,
      )) as { who: number; paidAs: string }[];
      expect([Number(row?.who), row?.paidAs]).toEqual([daughterId, 'family']);
      expect((await messages(home)).map((m) => m.body)).toContain('您的女儿 王芳 已为您支付买药钱 ¥25.00。如果不认识此人，请联系社区');

      await home.post(`/api/medicine-requests/${accepted.id}/cancel`).expect(200);
      await t.app.get(RefundSweep).runOnce();
      expect(pay.refunds.get(refundNo('medicine', accepted.id))).toMatchObject({
        outTradeNo: tradeNo('medicine', accepted.id),
        refund: 2500,
      });
      await notify(pay.refunded(refundNo('medicine', accepted.id), t.clock.now())).expect(204);
      expect((await messages(daughter)).some((m) => m.body.includes('代付的买药钱 ¥25.00 已原路退回您的微信'))).toBe(true);
    } finally {
      await restore();
    }
  });

  it('in a WeChat Pay window a 家属 may choose cash at the door for the household: its parcel carries the cash due', async () => {
    const w = await scene.window();
    const order = (
      await daughter
        .post('/api/proxy/orders', {
          householdId: homeId,
          windowId: w.id,
          paymentMode: 'cod',
          lines: [{ itemId: scene.item.id, quantity: 1 }],
        })
        .expect(201)
    ).body as OrderView;
    expect(order).toMatchObject({ state: 'CONFIRMED', paymentMode: 'cod', placedBy: { userId: daughterId, proxy: true } });
    await staff.post(`/api/staff/windows/${w.id}/pack`).expect(200);
    const [p] = (await t.db.query(
      `SELECT p.id AS id, p.cash_due_fen AS cash FROM parcels p JOIN parcel_sources s ON s.parcel_id = p.id WHERE s.source_type = 'order' AND s.source_id = ${order.id}`,
    )) as { id: number; cash: number }[];
    expect(Number(p?.cash)).toBe(order.totalFen);
  });

  describe('a contactless parcel of the household', () => {
    let parcelId: number;

    it('strangers can neither confirm, report missing nor rate it; nothing changes', async () => {
      parcelId = await contactlessParcel();
      const events = await t.count('parcel_events');
      for (const stranger of [otherFamily, neighbour, volunteer]) {
        for (const path of ['confirm', 'missing']) {
          expect(((await stranger.post(`/api/parcels/${parcelId}/${path}`).expect(404)).body as ErrorBody).code).toBe('PARCEL_NOT_FOUND');
        }
        await stranger.post(`/api/parcels/${parcelId}/rating`, { stars: 1 }).expect(404);
      }
      expect(await t.count('parcel_events')).toBe(events);
      const [p] = (await t.db.query(`SELECT state FROM parcels WHERE id = ${parcelId}`)) as { state: string }[];
      expect(p?.state).toBe('LEFT_AT_DOOR');
    });

    it('the grid worker sees it to confirm and confirms it: recorded with who and as whom; the household is told', async () => {
      const page = (await worker.get(`/api/proxy/households/${homeId}/deliveries`).expect(200)).body as ProxyDeliveries;
      expect(page.as).toBe('grid_worker');
      expect(page.parcelsToConfirm.map((p) => [p.id, p.actions.sort()])).toEqual([[parcelId, ['DELIVERED', 'FAILED']]]);
      const done = (await worker.post(`/api/parcels/${parcelId}/confirm`).expect(200)).body as ParcelSummary;
      expect(done.state).toBe('DELIVERED');
      await worker.post(`/api/parcels/${parcelId}/confirm`).expect(200);
      const events = (await t.db.query(
        `SELECT actor_user_id AS who, acting_as AS actingAs FROM parcel_events WHERE parcel_id = ${parcelId} AND to_state = 'DELIVERED'`,
      )) as { who: number; actingAs: string }[];
      expect(events.map((e) => [Number(e.who), e.actingAs])).toEqual([[workerId, 'grid_worker']]);
      const nickname = (await me(worker)).user.nickname;
      expect((await messages(home)).map((m) => m.body)).toContain(
        `网格员 ${nickname} 已为您确认收到门口的包裹。如果不认识此人，请联系社区`,
      );
      const audit = (await t.db.query(
        `SELECT actor_user_id AS who, details FROM audit_logs WHERE action = 'parcel.proxy' AND target_id = '${parcelId}'`,
      )) as { who: number; details: string }[];
      expect(audit.map((a) => [Number(a.who), JSON.parse(a.details) as unknown])).toEqual([
        [workerId, { householdId: homeId, as: 'grid_worker', act: 'confirm' }],
      ]);
    });

    it('then rates it for the household, once; strangers still cannot', async () => {
      const page = (await worker.get(`/api/proxy/households/${homeId}/deliveries`).expect(200)).body as ProxyDeliveries;
      expect(page.parcelsToRate.map((p) => p.id)).toContain(parcelId);
      await volunteer.post(`/api/parcels/${parcelId}/rating`, { stars: 5 }).expect(404);
      const rated = (await worker.post(`/api/parcels/${parcelId}/rating`, { stars: 4, comment: '放得很稳' }).expect(200))
        .body as ParcelSummary;
      expect(rated.rating).toEqual({ stars: 4, comment: '放得很稳' });
      expect(((await home.post(`/api/parcels/${parcelId}/rating`, { stars: 1 }).expect(409)).body as ErrorBody).code).toBe('ALREADY_RATED');
      const [r] = (await t.db.query(
        `SELECT rated_by_user_id AS who, rated_as AS ratedAs FROM parcel_ratings WHERE parcel_id = ${parcelId}`,
      )) as {
        who: number;
        ratedAs: string;
      }[];
      expect([Number(r?.who), r?.ratedAs]).toEqual([workerId, 'grid_worker']);
      const after = (await worker.get(`/api/proxy/households/${homeId}/deliveries`).expect(200)).body as ProxyDeliveries;
      expect(after.parcelsToRate.map((p) => p.id)).not.toContain(parcelId);
    });

    it('the household’s own confirmation and missing report work as before, recorded as its own', async () => {
      const own = await contactlessParcel();
      await home.post(`/api/parcels/${own}/missing`).expect(200);
      const events = (await t.db.query(
        `SELECT acting_as AS actingAs FROM parcel_events WHERE parcel_id = ${own} AND to_state = 'FAILED'`,
      )) as {
        actingAs: string | null;
      }[];
      expect(events).toEqual([{ actingAs: null }]);
      expect((await messages(home)).filter((m) => m.kind === 'proxy.acted' && m.body.includes('没有收到'))).toEqual([]);
    });

    it('a 家属 reports a parcel missing for the household', async () => {
      const other = await contactlessParcel();
      const failed = (await daughter.post(`/api/parcels/${other}/missing`).expect(200)).body as ParcelSummary;
      expect(failed.state).toBe('FAILED');
      const [e] = (await t.db.query(
        `SELECT actor_user_id AS who, acting_as AS actingAs FROM parcel_events WHERE parcel_id = ${other} AND to_state = 'FAILED'`,
      )) as { who: number; actingAs: string }[];
      expect([Number(e?.who), e?.actingAs]).toEqual([daughterId, 'family']);
      expect((await messages(home)).map((m) => m.body)).toContain(
        '您的女儿 王芳 已为您报告门口没有收到包裹，社区会跟进。如果不认识此人，请联系社区',
      );
    });
  });
});
