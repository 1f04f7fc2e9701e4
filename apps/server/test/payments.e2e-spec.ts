import type { ItemView, MedicineRequestView, OrderView, Page, ParcelView, PaymentParams, WindowView } from '@linli/shared-types';
import { createVerify, randomUUID } from 'node:crypto';
import { PNG } from 'pngjs';
import request from 'supertest';
import { Db } from '../src/common/database/db';
import { APP_CONFIG } from '../src/config/config';
import { OutboxWorker } from '../src/modules/notify/outbox-worker';
import { WechatAccessToken } from '../src/wechat/access-token';
import { OrderExpiry } from '../src/modules/orders/order-expiry';
import { outRefundNo, outTradeNo } from '../src/modules/orders/order-payable';
import { refundNo, tradeNo } from '../src/modules/payments/payable';
import { QuoteExpiry } from '../src/modules/pharmacy/quote-expiry';
import { RefundSweep } from '../src/modules/payments/refund-sweep';
import { FakeWechat } from './support/fake-wechat';
import { FakeWechatPay } from './support/fake-wechat-pay';
import type { Client, TestApp } from './support/test-app';
import { WechatScene } from './support/wechat-scene';

/** WeChat Pay v3 through our real client against a local fake of WeChat Pay. */
describe('paying an order with WeChat Pay', () => {
  let scene: WechatScene;
  let t: TestApp;
  let staff: Client;
  let item: ItemView;
  const wechat = new FakeWechat('wx-linli-pay', 'app-secret');
  const pay = new FakeWechatPay('wx-linli-pay');

  beforeAll(async () => {
    scene = await WechatScene.boot(wechat, pay);
    ({ t, staff, item } = scene);
  });
  afterAll(async () => {
    await scene.close();
  });

  const devUser = (key: string): Promise<Client> => scene.devUser(key);
  const wechatResident = (openid: string): Promise<Client> => scene.wechatResident(openid);
  const window = (stock = 10): Promise<WindowView> => scene.window(stock);

  function tinyPng(): Buffer {
    const png = new PNG({ width: 2, height: 2 });
    png.data.fill(128);
    return PNG.sync.write(png);
  }

  const notify = (n: { headers: Record<string, string>; body: string }): request.Test =>
    request(t.url).post('/api/payments/wechat/notify').set(n.headers).send(n.body);

  it('an order waits for payment; the signed notification confirms it; a repeated notification changes nothing', async () => {
    const w = await window();
    const resident = await wechatResident('openid-pay-1');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 2 }] }).expect(201))
      .body as OrderView;
    expect(order).toMatchObject({ state: 'PENDING_PAYMENT', totalFen: 7980, paymentMode: 'wechat' });

    const params = (await resident.post(`/api/orders/${order.id}/pay`).expect(200)).body as PaymentParams;
    expect(params).toMatchObject({ appId: wechat.appId, signType: 'RSA', package: expect.stringMatching(/^prepay_id=wx/) });
    const prepay = pay.prepayOf(outTradeNo(order.id));
    expect(prepay).toMatchObject({ total: 7980, openid: 'openid-pay-1' });
    expect(JSON.parse(prepay?.body ?? '{}')).toMatchObject({
      description: `邻里 订单 ${order.id}`,
      amount: { total: 7980, currency: 'CNY' },
    });
    const again = (await resident.post(`/api/orders/${order.id}/pay`).expect(200)).body as PaymentParams;
    expect(again.package).toBe(params.package);
    // paySign is the merchant's signature over appId, timeStamp, nonceStr and package.
    const merchantKey = pay.env('x').WECHATPAY_PRIVATE_KEY as string; // Node derives the public half for verify
    const verified = createVerify('RSA-SHA256')
      .update(`${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`)
      .verify(merchantKey, params.paySign, 'base64');
    expect(verified).toBe(true);

    const paid = pay.pay(outTradeNo(order.id), 'none', t.clock.now());
    await notify(paid).expect(204);
    expect(((await resident.get(`/api/orders/${order.id}`).expect(200)).body as OrderView).state).toBe('CONFIRMED');
    await notify(paid).expect(204);
    const [payment] = (await t.db.query(`SELECT state FROM payments WHERE order_id = ${order.id}`)) as { state: string }[];
    expect(payment?.state).toBe('PAID');
    expect((await resident.post(`/api/orders/${order.id}/pay`).expect(409)).body.code).toBe('ORDER_NOT_PAYABLE');
  });

  it('when the notification is late, asking WeChat Pay (query) confirms the paid order', async () => {
    const w = await window();
    const resident = await wechatResident('openid-pay-8');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    expect((await resident.post(`/api/orders/${order.id}/pay/check`).expect(200)).body).toEqual({ state: 'PENDING_PAYMENT' });
    await resident.post(`/api/orders/${order.id}/pay`).expect(200);
    expect((await resident.post(`/api/orders/${order.id}/pay/check`).expect(200)).body).toEqual({ state: 'PENDING_PAYMENT' });
    pay.pay(outTradeNo(order.id), 'none', t.clock.now()); // paid, but the notification is not delivered
    expect((await resident.post(`/api/orders/${order.id}/pay/check`).expect(200)).body).toEqual({ state: 'CONFIRMED' });
    const neighbour = await wechatResident('openid-pay-9');
    expect((await neighbour.post(`/api/orders/${order.id}/pay/check`).expect(404)).body.code).toBe('ORDER_NOT_FOUND');
  });

  it('refuses forged, stale, foreign-key and wrong-amount notifications, and confirms nothing', async () => {
    const w = await window();
    const resident = await wechatResident('openid-pay-2');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    await resident.post(`/api/orders/${order.id}/pay`).expect(200);
    for (const tamper of ['signature', 'stale', 'serial', 'amount'] as const) {
      const res = await notify(pay.pay(outTradeNo(order.id), tamper, t.clock.now()));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('PAYMENT_NOTIFICATION_INVALID');
    }
    const raw = pay.pay(outTradeNo(order.id), 'none', t.clock.now());
    const tampered = { headers: raw.headers, body: raw.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') };
    await notify(tampered).expect(401);
    expect(((await resident.get(`/api/orders/${order.id}`).expect(200)).body as OrderView).state).toBe('PENDING_PAYMENT');
  });

  it('believes no answer of WeChat Pay that fails its signature check: a query saying SUCCESS confirms nothing', async () => {
    const w = await window();
    const resident = await wechatResident('openid-pay-10');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    await resident.post(`/api/orders/${order.id}/pay`).expect(200);
    pay.pay(outTradeNo(order.id), 'none', t.clock.now()); // paid at WeChat; the notification is lost
    const state = async (): Promise<{ order: string; payment: string | undefined }> => ({
      order: ((await resident.get(`/api/orders/${order.id}`).expect(200)).body as OrderView).state,
      payment: ((await t.db.query(`SELECT state FROM payments WHERE order_id = ${order.id}`)) as { state: string }[])[0]?.state,
    });
    const key = randomUUID();
    for (const tamper of ['signature', 'serial', 'stale'] as const) {
      pay.answers = tamper;
      try {
        const res = await resident.post(`/api/orders/${order.id}/pay/check`, undefined, key).expect(502);
        expect(res.body).toMatchObject({ code: 'PAYMENT_ANSWER_INVALID', message: '暂时无法确认微信支付的结果，请稍后再试' });
      } finally {
        pay.answers = 'none';
      }
      expect(await state()).toEqual({ order: 'PENDING_PAYMENT', payment: 'PENDING' });
    }
    // A refused answer is a 5xx, which keeps no answer under the key: the same key asks again.
    expect((await resident.post(`/api/orders/${order.id}/pay/check`, undefined, key).expect(200)).body).toEqual({ state: 'CONFIRMED' });
    expect(await state()).toEqual({ order: 'CONFIRMED', payment: 'PAID' });
  });

  it('an unverified prepay answer gives the app nothing to pay with; an unverified refund answer leaves the refund owed', async () => {
    const w = await window();
    const resident = await wechatResident('openid-pay-11');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    pay.answers = 'signature';
    try {
      expect((await resident.post(`/api/orders/${order.id}/pay`).expect(502)).body.code).toBe('PAYMENT_ANSWER_INVALID');
    } finally {
      pay.answers = 'none';
    }
    expect(await t.db.query(`SELECT id FROM payments WHERE order_id = ${order.id}`)).toEqual([]);

    await resident.post(`/api/orders/${order.id}/pay`).expect(200);
    await notify(pay.pay(outTradeNo(order.id), 'none', t.clock.now())).expect(204);
    await resident.post(`/api/orders/${order.id}/cancel`).expect(200);
    const paymentState = async (): Promise<string | undefined> =>
      ((await t.db.query(`SELECT state FROM payments WHERE order_id = ${order.id}`)) as { state: string }[])[0]?.state;
    pay.answers = 'stale';
    try {
      await t.app.get(RefundSweep).runOnce();
    } finally {
      pay.answers = 'none';
    }
    expect(await paymentState()).toBe('REFUND_PENDING');
    await t.app.get(RefundSweep).runOnce();
    expect(await paymentState()).toBe('REFUND_PROCESSING');
  });

  it('WeChat Pay rotates its platform key: answers and notifications signed with either configured key are believed', async () => {
    const w = await window();
    const resident = await wechatResident('openid-pay-12');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    pay.signingKey = 1;
    try {
      await resident.post(`/api/orders/${order.id}/pay`).expect(200);
      await notify(pay.pay(outTradeNo(order.id), 'none', t.clock.now())).expect(204);
    } finally {
      pay.signingKey = 0;
    }
    expect(((await resident.get(`/api/orders/${order.id}`).expect(200)).body as OrderView).state).toBe('CONFIRMED');
  });

  it('payment finishing after the window closed still confirms an order placed in time', async () => {
    const w = await window();
    const resident = await wechatResident('openid-pay-3');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    await resident.post(`/api/orders/${order.id}/pay`).expect(200);
    await staff.post(`/api/staff/windows/${w.id}/status`, { status: 'CLOSED' }).expect(200);
    t.clock.advance(10 * 60 * 1000);
    try {
      await notify(pay.pay(outTradeNo(order.id), 'none', t.clock.now())).expect(204);
    } finally {
      t.clock.advance(-10 * 60 * 1000);
    }
    expect(((await resident.get(`/api/orders/${order.id}`).expect(200)).body as OrderView).state).toBe('CONFIRMED');
  });

  it('an unpaid order expires after the payment time and gives its stock and limit back; money arriving later is refunded', async () => {
    const w = await window(5);
    const resident = await wechatResident('openid-pay-4');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 2 }] }).expect(201))
      .body as OrderView;
    expect(new Date(order.expiresAt ?? 0).getTime() - t.clock.now().getTime()).toBe(15 * 60 * 1000);
    await resident.post(`/api/orders/${order.id}/pay`).expect(200);
    const expiry = t.app.get(OrderExpiry);
    const stateNow = async (): Promise<string> => ((await resident.get(`/api/orders/${order.id}`).expect(200)).body as OrderView).state;
    t.clock.advance(14 * 60 * 1000);
    await expiry.runOnce();
    expect(await stateNow()).toBe('PENDING_PAYMENT');
    t.clock.advance(2 * 60 * 1000);
    try {
      // Earlier tests' unpaid orders expire in the same sweep.
      expect(await expiry.runOnce()).toBeGreaterThanOrEqual(1);
      expect(await stateNow()).toBe('EXPIRED');
      expect(await expiry.runOnce()).toBe(0);
      expect((await resident.post(`/api/orders/${order.id}/pay`).expect(409)).body.code).toBe('ORDER_NOT_PAYABLE');
      await notify(pay.pay(outTradeNo(order.id), 'none', t.clock.now())).expect(204);
    } finally {
      t.clock.advance(-16 * 60 * 1000);
    }
    const after = (await resident.get(`/api/orders/${order.id}`).expect(200)).body as OrderView;
    expect(after).toMatchObject({ state: 'EXPIRED', actions: [] });
    const [payment] = (await t.db.query(`SELECT state FROM payments WHERE order_id = ${order.id}`)) as { state: string }[];
    expect(payment?.state).toBe('REFUND_PENDING');
    await t.app.get(RefundSweep).runOnce();
    expect(pay.refunds.get(outRefundNo(order.id))).toMatchObject({ refund: 7980, total: 7980 });
    const view = (await staff.get(`/api/windows/${w.id}`).expect(200)).body as WindowView;
    expect(view.items[0]?.stock).toBe(5);
    await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 2 }] }).expect(201);
  });

  it('cancelling a paid order refunds it through WeChat Pay, once, however often the sweep runs', async () => {
    const w = await window();
    const resident = await wechatResident('openid-pay-7');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    await resident.post(`/api/orders/${order.id}/pay`).expect(200);
    await notify(pay.pay(outTradeNo(order.id), 'none', t.clock.now())).expect(204);
    const cancelled = (await resident.post(`/api/orders/${order.id}/cancel`).expect(200)).body as OrderView;
    expect(cancelled.state).toBe('CANCELLED');
    const paymentState = async (): Promise<string | undefined> =>
      ((await t.db.query(`SELECT state FROM payments WHERE order_id = ${order.id}`)) as { state: string }[])[0]?.state;
    expect(await paymentState()).toBe('REFUND_PENDING');

    const sweep = t.app.get(RefundSweep);
    expect(await sweep.runOnce()).toBeGreaterThanOrEqual(1);
    expect(await paymentState()).toBe('REFUND_PROCESSING');
    expect(pay.refunds.get(outRefundNo(order.id))).toMatchObject({ outTradeNo: outTradeNo(order.id), refund: 3990, total: 3990, asked: 1 });
    await sweep.runOnce();
    expect(pay.refunds.get(outRefundNo(order.id))?.asked).toBe(1);

    await notify(pay.refunded(outRefundNo(order.id), t.clock.now())).expect(204);
    expect(await paymentState()).toBe('REFUNDED');
  });

  it('a demo user without WeChat cannot pay, and no one pays another household’s order', async () => {
    const w = await window();
    const resident = await wechatResident('openid-pay-5');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    const neighbour = await wechatResident('openid-pay-6');
    expect((await neighbour.post(`/api/orders/${order.id}/pay`).expect(404)).body.code).toBe('ORDER_NOT_FOUND');
    const [demo] = (await t.residents(1)) as [Client];
    const own = (await demo.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    expect((await demo.post(`/api/orders/${own.id}/pay`).expect(409)).body).toMatchObject({
      code: 'PAY_IN_WECHAT',
      message: '请在微信中打开小程序付款',
    });
  });

  it('when a paid order’s parcel leaves with a volunteer, shipping is reported to WeChat once, after it has indexed the payment', async () => {
    const w = await window();
    const paidBy = async (openid: string): Promise<{ order: OrderView; resident: Client }> => {
      const resident = await wechatResident(openid);
      const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201))
        .body as OrderView;
      await resident.post(`/api/orders/${order.id}/pay`).expect(200);
      await notify(pay.pay(outTradeNo(order.id), 'none', t.clock.now())).expect(204);
      return { order, resident };
    };
    const first = await paidBy('openid-ship-1');
    const second = await paidBy('openid-ship-2');
    const third = await paidBy('openid-ship-3');
    await staff.post(`/api/staff/windows/${w.id}/pack`).expect(200);
    const parcels = ((await staff.get(`/api/staff/parcels?batch=window:${w.id}`).expect(200)).body as Page<ParcelView>).items;
    const [volunteerRow] = (await t.db.query("SELECT id FROM users WHERE dev_key = 'volunteer'")) as { id: number }[];
    const volunteerId = Number(volunteerRow?.id);
    const volunteer = await t.tokenFor(volunteerId);
    const buildings = (await t.db.query(
      `SELECT DISTINCT building_id FROM parcels WHERE id IN (${parcels.map((p) => p.id).join(',')})`,
    )) as {
      building_id: number;
    }[];
    await staff
      .put(`/api/staff/volunteers/${volunteerId}`, { buildingIds: buildings.map((b) => Number(b.building_id)), capacity: 10 })
      .expect(200);
    await volunteer.put('/api/volunteer/duty', { onDuty: true }).expect(200);
    await staff.post('/api/staff/parcels/dispatch').expect(200);
    const parcelOf = (o: OrderView): ParcelView => parcels.find((p) => p.householdId === o.householdId) as ParcelView;
    const outbox = async (): Promise<{ status: string; attempts: number; last_error: string | null }[]> =>
      (await t.db.query(`SELECT status, attempts, last_error FROM outbox WHERE kind = 'wechat.shipping' ORDER BY id`)) as {
        status: string;
        attempts: number;
        last_error: string | null;
      }[];

    // Picked up: the report is owed (once, however often the label is scanned), nothing sent yet.
    const worker = t.app.get(OutboxWorker);
    // The worker also pushes the messages these moves wrote: count only the shipping reports it completed.
    const shipped = async (): Promise<number> => {
      const done = async (): Promise<number> => (await outbox()).filter((r) => r.status === 'DONE').length;
      const before = await done();
      await worker.runOnce();
      return (await done()) - before;
    };
    const parcel = parcelOf(first.order);
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
    await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200);
    await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200);
    expect(await outbox()).toMatchObject([{ status: 'PENDING', attempts: 0 }]);

    // WeChat has not indexed the payment yet: try again in 30 s.
    wechat.notIndexed.set(outTradeNo(first.order.id), 1);
    expect(await shipped()).toBe(0);
    expect(await outbox()).toMatchObject([{ status: 'PENDING', attempts: 1, last_error: expect.stringContaining('10060001') }]);
    expect(await shipped()).toBe(0); // not due yet
    t.clock.advance(31_000);
    try {
      expect(await shipped()).toBe(1);
    } finally {
      t.clock.advance(-31_000);
    }
    expect(await outbox()).toMatchObject([{ status: 'DONE', attempts: 2 }]);
    expect(wechat.shipments.get(outTradeNo(first.order.id))).toEqual({
      uploads: 1,
      body: {
        order_key: { order_number_type: 1, mchid: pay.mchid, out_trade_no: outTradeNo(first.order.id) },
        logistics_type: 2,
        delivery_mode: 1,
        shipping_list: [{ item_desc: '蔬菜包×1' }],
        upload_time: expect.stringMatching(/\+08:00$/),
        payer: { openid: 'openid-ship-1' },
      },
    });
    expect(wechat.tokenFetches).toBe(1);
    expect(await shipped()).toBe(0);
    expect(wechat.shipments.get(outTradeNo(first.order.id))?.uploads).toBe(1);

    // The shared token expired at WeChat before we expected: refreshed once, the call retried once.
    wechat.killToken('expired');
    const next = parcelOf(second.order);
    await volunteer.post(`/api/volunteer/tasks/${next.id}/accept`).expect(200);
    await volunteer.post('/api/volunteer/scan/pickup', { code: next.labelToken }).expect(200);
    expect(await shipped()).toBe(1);
    expect(wechat.shipments.get(outTradeNo(second.order.id))?.body.payer).toEqual({ openid: 'openid-ship-2' });
    expect(wechat.tokenFetches).toBe(2);
    const [stored] = (await t.db.query('SELECT token FROM wechat_tokens')) as { token: string }[];
    expect(stored?.token.length).toBeGreaterThan(100);

    // Refused for good (not shippable): kept as DEAD with WeChat's reason, not retried.
    wechat.refuseShipping.set(outTradeNo(third.order.id), 10060004);
    const last = parcelOf(third.order);
    await volunteer.post(`/api/volunteer/tasks/${last.id}/accept`).expect(200);
    await volunteer.post('/api/volunteer/scan/pickup', { code: last.labelToken }).expect(200);
    expect(await shipped()).toBe(0);
    expect((await outbox())[2]).toMatchObject({ status: 'DEAD', attempts: 1, last_error: expect.stringContaining('10060004') });
    t.clock.advance(3600_000);
    try {
      expect(await shipped()).toBe(0);
    } finally {
      t.clock.advance(-3600_000);
    }
    expect((await outbox())[2]?.attempts).toBe(1);
  });

  it('medicine bought on a household’s behalf is paid the same way; unpaid in time it expires, and money after that is refunded', async () => {
    const pharmacist = await devUser('pharmacist');
    const restore = await scene.pharmacyTakesWechat();
    try {
      const resident = await wechatResident('openid-med-1');
      const quoted = async (): Promise<MedicineRequestView> => {
        const line = { name: '连花清瘟胶囊', quantity: 2, unitPriceFen: 1250, urgency: 'today' } as const;
        const accepted = await scene.acceptedMedicine(resident, pharmacist, line);
        expect(accepted).toMatchObject({ state: 'AWAITING_PAYMENT', paymentMode: 'wechat', totalFen: 2500 });
        expect(accepted.payBy).toEqual(expect.any(String));
        return accepted;
      };

      // Paid: confirmed by WeChat's notification, bought, and its shipping reported at pick-up.
      const req = await quoted();
      expect((await pharmacist.post(`/api/pharmacy/requests/${req.id}/purchase`, { receiptFileId: 1 }).expect(409)).body.code).toBe(
        'INVALID_TRANSITION',
      );
      const params = (await resident.post(`/api/medicine-requests/${req.id}/pay`).expect(200)).body as PaymentParams;
      expect(params.package).toMatch(/^prepay_id=/);
      expect(pay.prepayOf(tradeNo('medicine', req.id))).toMatchObject({ total: 2500, openid: 'openid-med-1' });
      await notify(pay.pay(tradeNo('medicine', req.id), 'none', t.clock.now())).expect(204);
      expect(((await resident.get(`/api/medicine-requests/${req.id}`).expect(200)).body as MedicineRequestView).state).toBe('CONFIRMED');
      const receipt = (await pharmacist.upload('/api/files', tinyPng(), 'r.png', { purpose: 'receipt' }).expect(201)).body as {
        id: number;
      };
      await pharmacist.post(`/api/pharmacy/requests/${req.id}/purchase`, { receiptFileId: receipt.id }).expect(200);
      const [parcel] = ((await staff.get(`/api/staff/parcels?batch=medicine:${req.id}`).expect(200)).body as Page<ParcelView>).items;
      if (!parcel) throw new Error('no parcel');
      const volunteerId = Number(((await t.db.query("SELECT id FROM users WHERE dev_key = 'volunteer'")) as { id: number }[])[0]?.id);
      const volunteer = await t.tokenFor(volunteerId);
      await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId }).expect(200);
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
      await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200);
      await t.app.get(OutboxWorker).runOnce();
      expect(wechat.shipments.get(tradeNo('medicine', req.id))?.body).toMatchObject({
        logistics_type: 2,
        shipping_list: [{ item_desc: '代买药品' }],
        payer: { openid: 'openid-med-1' },
      });

      // Not paid in time: expired; money arriving afterwards goes back.
      const late = await quoted();
      await resident.post(`/api/medicine-requests/${late.id}/pay`).expect(200);
      t.clock.advance(16 * 60_000);
      try {
        expect(await t.app.get(QuoteExpiry).runOnce()).toBeGreaterThanOrEqual(1);
        expect((await resident.post(`/api/medicine-requests/${late.id}/pay`).expect(409)).body.code).toBe('ORDER_NOT_PAYABLE');
        await notify(pay.pay(tradeNo('medicine', late.id), 'none', t.clock.now())).expect(204);
      } finally {
        t.clock.advance(-16 * 60_000);
      }
      expect(((await resident.get(`/api/medicine-requests/${late.id}`).expect(200)).body as MedicineRequestView).state).toBe('EXPIRED');
      await t.app.get(RefundSweep).runOnce();
      expect(pay.refunds.get(refundNo('medicine', late.id))).toMatchObject({ outTradeNo: tradeNo('medicine', late.id), refund: 2500 });
    } finally {
      await restore();
    }
  });

  it('the WeChat access token is fetched once for concurrent callers and shared through the database with other instances', async () => {
    await t.db.query('DELETE FROM wechat_tokens');
    const token = t.app.get(WechatAccessToken);
    const before = wechat.tokenFetches;
    const got = await Promise.all([token.current(), token.current(), token.current()]);
    expect(new Set(got).size).toBe(1);
    expect(wechat.tokenFetches).toBe(before + 1);
    // Another instance (its own object, the same database) uses the stored token.
    const other = new WechatAccessToken(t.app.get(APP_CONFIG), t.app.get(Db), t.clock);
    expect(await other.current()).toBe(got[0]);
    expect(wechat.tokenFetches).toBe(before + 1);
    // Within 5 minutes of its expiry it is refreshed before use.
    t.clock.advance(7200_000 - 4 * 60_000);
    try {
      await other.current();
      expect(wechat.tokenFetches).toBe(before + 2);
    } finally {
      t.clock.advance(-(7200_000 - 4 * 60_000));
    }
  });
});
