import type { MessagesPage, MessageView, OrderView, RegistrationView, WindowView } from '@linli/shared-types';
import request from 'supertest';
import { OrderExpiry } from '../src/modules/orders/order-expiry';
import { OrderReminders } from '../src/modules/orders/order-reminders';
import { outRefundNo, outTradeNo } from '../src/modules/orders/order-payable';
import { RefundSweep } from '../src/modules/payments/refund-sweep';
import type { Client } from './support/test-app';
import { FakeWechat } from './support/fake-wechat';
import { FakeWechatPay } from './support/fake-wechat-pay';
import { WechatScene } from './support/wechat-scene';

const MINUTE = 60_000;

/** Messages of a WeChat-paid order: pay within 15 minutes, a reminder after 10 (once), paid → confirmed. */
describe('messages of WeChat-paid orders', () => {
  const wechat = new FakeWechat('wx-linli-msg', 'app-secret');
  const pay = new FakeWechatPay('wx-linli-msg');
  let scene: WechatScene;

  beforeAll(async () => {
    scene = await WechatScene.boot(wechat, pay);
  });
  afterAll(async () => {
    await scene.close();
  });

  const inbox = async (who: Client): Promise<MessageView[]> => ((await who.get('/api/messages').expect(200)).body as MessagesPage).items;

  it('an unpaid order says to pay within 15 minutes, is reminded once after 10, and is confirmed once paid', async () => {
    const { t } = scene;
    const w = await scene.window();
    const resident = await scene.wechatResident('openid-msg-1');
    const neighbour = await scene.wechatResident('openid-msg-2');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: scene.item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    const [unpaid] = await inbox(resident);
    expect(unpaid).toMatchObject({ kind: 'order.unpaid', link: `/pages/order/index?id=${order.id}`, deadline: order.expiresAt });
    expect(unpaid?.body).toContain('请在 15 分钟内付款');

    const reminders = t.app.get(OrderReminders);
    t.clock.advance(9 * MINUTE);
    await reminders.runOnce();
    expect((await inbox(resident)).map((m) => m.kind)).toEqual(['order.unpaid']);
    t.clock.advance(2 * MINUTE);
    try {
      await reminders.runOnce();
      await reminders.runOnce();
      const kinds = (await inbox(resident)).map((m) => m.kind);
      expect(kinds).toEqual(['order.expiring', 'order.unpaid']);
      expect((await inbox(resident))[0]?.body).toContain('还有 4 分钟');

      await resident.post(`/api/orders/${order.id}/pay`).expect(200);
      const paid = pay.pay(outTradeNo(order.id), 'none', t.clock.now());
      await request(t.url).post('/api/payments/wechat/notify').set(paid.headers).send(paid.body).expect(204);
      await request(t.url).post('/api/payments/wechat/notify').set(paid.headers).send(paid.body).expect(204);
      expect((await inbox(resident)).map((m) => m.kind)).toEqual(['order.confirmed', 'order.expiring', 'order.unpaid']);
      expect(await inbox(neighbour)).toEqual([]);
    } finally {
      t.clock.advance(-11 * MINUTE);
    }
  });

  it('the fair-share draw tells each registered household its result; winners of a WeChat window when to pay by', async () => {
    const { t, staff } = scene;
    const now = t.clock.now().getTime();
    const w = (
      await staff
        .post('/api/staff/windows', {
          title: '肉蛋奶 公平分配',
          mode: 'fair',
          paymentMode: 'wechat',
          opensAt: new Date(now - MINUTE).toISOString(),
          closesAt: new Date(now + 60 * MINUTE).toISOString(),
          deliveryDate: '2022-04-28',
          items: [{ itemId: scene.item.id, stock: 3 }],
        })
        .expect(201)
    ).body as WindowView;
    const households = [
      await scene.wechatResident('openid-fair-1'),
      await scene.wechatResident('openid-fair-2'),
      await scene.wechatResident('openid-fair-3'),
    ];
    const bystander = await scene.wechatResident('openid-fair-4');
    for (const r of households)
      await r.put(`/api/windows/${w.id}/registration`, { lines: [{ itemId: scene.item.id, quantity: 2 }] }).expect(200);
    expect(await inbox(households[0]!)).toEqual([]);
    await staff.post(`/api/staff/windows/${w.id}/status`, { status: 'CLOSED' }).expect(200);
    await staff.post(`/api/staff/windows/${w.id}/allocate`, {}).expect(200);
    const kind = { WON: 'fair_share.won', PARTIAL: 'fair_share.partly', LOST: 'fair_share.lost' } as const;
    const results: string[] = [];
    for (const r of households) {
      const reg = (await r.get(`/api/windows/${w.id}/registration`).expect(200)).body as RegistrationView;
      const told = await inbox(r);
      expect(told).toHaveLength(1);
      const [m] = told as [MessageView];
      results.push(reg.state);
      expect(m.kind).toBe(kind[reg.state as keyof typeof kind]);
      if (reg.orderId !== null) {
        expect(m).toMatchObject({ link: `/pages/order/index?id=${reg.orderId}` });
        expect(m.deadline).not.toBeNull();
        expect(m.body).toContain('分钟内付款');
      } else expect(m).toMatchObject({ link: `/pages/allocation/index?id=${w.id}`, deadline: null });
    }
    expect(results.filter((s) => s !== 'LOST').length).toBeGreaterThan(0);
    expect(await inbox(bystander)).toEqual([]);
  });

  it('a paid order cancelled tells the household the money comes back, and again when it is back', async () => {
    const { t } = scene;
    const w = await scene.window();
    const resident = await scene.wechatResident('openid-msg-3');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: scene.item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    await resident.post(`/api/orders/${order.id}/pay`).expect(200);
    const paid = pay.pay(outTradeNo(order.id), 'none', t.clock.now());
    await request(t.url).post('/api/payments/wechat/notify').set(paid.headers).send(paid.body).expect(204);
    await resident.post(`/api/orders/${order.id}/cancel`).expect(200);
    const cancelled = (await inbox(resident))[0];
    expect(cancelled).toMatchObject({ kind: 'order.cancelled' });
    expect(cancelled?.body).toContain('原路退回');
    await t.app.get(RefundSweep).runOnce();
    const refunded = pay.refunded(outRefundNo(order.id), t.clock.now());
    await request(t.url).post('/api/payments/wechat/notify').set(refunded.headers).send(refunded.body).expect(204);
    await request(t.url).post('/api/payments/wechat/notify').set(refunded.headers).send(refunded.body).expect(204);
    const kinds = (await inbox(resident)).map((m) => m.kind);
    expect(kinds.filter((k) => k === 'order.refunded')).toHaveLength(1);
    expect((await inbox(resident))[0]).toMatchObject({ kind: 'order.refunded', link: `/pages/order/index?id=${order.id}` });
    expect((await inbox(resident))[0]?.body).toContain('39.90');
  });

  it('an order left unpaid past its 15 minutes is cancelled, and the household is told so', async () => {
    const { t } = scene;
    const w = await scene.window();
    const resident = await scene.wechatResident('openid-msg-4');
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: scene.item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    t.clock.advance(16 * MINUTE);
    try {
      await t.app.get(OrderExpiry).runOnce();
      await t.app.get(OrderExpiry).runOnce();
    } finally {
      t.clock.advance(-16 * MINUTE);
    }
    const told = await inbox(resident);
    expect(told.map((m) => m.kind)).toEqual(['order.cancelled', 'order.unpaid']);
    expect(told[0]).toMatchObject({ link: `/pages/order/index?id=${order.id}` });
    expect(told[0]?.body).toContain('没有在时限内付款');
  });
});
