import type { MeResponse, OrderView, WindowView } from '@linli/shared-types';
import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import { Db } from '../src/common/database/db';
import { requestFingerprint } from '../src/common/idempotency/idempotency';
import { IdempotencyRecord } from '../src/common/idempotency/idempotency-record.entity';
import { OutboxWorker } from '../src/modules/notify/outbox-worker';
import { OutboxService } from '../src/modules/notify/outbox.service';
import { outTradeNo } from '../src/modules/orders/order-payable';
import { tradeNo } from '../src/modules/payments/payable';
import { SHIPPING_REPORT } from '../src/modules/payments/payments.service';
import { RefundSweep } from '../src/modules/payments/refund-sweep';
import { FakeWechat } from './support/fake-wechat';
import { FakeWechatPay } from './support/fake-wechat-pay';
import type { Stall } from './support/stall';
import type { Client, TestApp } from './support/test-app';
import { WechatScene } from './support/wechat-scene';

/**
 * Calls to WeChat hold no database transaction (ARCHITECTURE §5). The fakes are held (a slow
 * WeChat) while the call is pending, and another household's order — a write — must go through
 * meanwhile. On SQLite that proves the process-wide writer lock is free; on MariaDB the app runs
 * with ONE pooled connection, so a call holding a connection would stall the write just the same.
 * A command retried with its Idempotency-Key while the first is pending, or after, asks WeChat once.
 */
describe('calls to WeChat hold no database transaction', () => {
  let scene: WechatScene;
  let t: TestApp;
  let w: WindowView;
  let neighbour: Client;
  const wechat = new FakeWechat('wx-linli-calls', 'app-secret');
  const pay = new FakeWechatPay('wx-linli-calls');

  beforeAll(async () => {
    scene = await WechatScene.boot(wechat, pay, { env: { DB_POOL_SIZE: '1' }, limitPerHousehold: 20 });
    t = scene.t;
    w = await scene.window(200);
    [neighbour] = (await t.residents(1)) as [Client];
  });
  afterAll(async () => {
    await scene.close();
  });

  const wechatResident = (openid: string): Promise<Client> => scene.wechatResident(openid);

  async function order(resident: Client): Promise<OrderView> {
    return (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: scene.item.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
  }

  /** Starts a request now (supertest sends on `then`). */
  const send = (test: request.Test): Promise<request.Response> => test.then((r) => r);

  /**
   * While `pending` waits on the held fake, the neighbour's order (a write) completes, and
   * `pending` is still waiting: no transaction, no pooled connection is held across the call.
   */
  async function writesWhileHeld(stall: Stall, pending: Promise<unknown>): Promise<void> {
    await stall.arrived();
    let settled = false;
    void pending.finally(() => (settled = true));
    await order(neighbour);
    expect(settled).toBe(false);
    expect(stall.waiting).toBe(1);
  }

  it('login: while code2Session is slow, other households still write; WeChat is asked once', async () => {
    const before = wechat.logins;
    wechat.stall.hold();
    const login = send(
      t.http
        .post('/api/auth/wechat')
        .set('Idempotency-Key', randomUUID())
        .send({ code: wechat.issueCode('openid-slow') }),
    );
    try {
      await writesWhileHeld(wechat.stall, login);
    } finally {
      wechat.stall.release();
    }
    expect((await login).status).toBe(200);
    expect(wechat.logins).toBe(before + 1);
  });

  it('prepay: while WeChat Pay is slow, other households still write; the same Idempotency-Key sent meanwhile and after gets the first answer, and WeChat Pay is asked once', async () => {
    const resident = await wechatResident('openid-calls-1');
    const o = await order(resident);
    const key = randomUUID();
    const before = pay.calls.prepay;
    pay.stall.hold();
    const first = send(resident.post(`/api/orders/${o.id}/pay`, undefined, key));
    let twin: Promise<request.Response> | null = null;
    try {
      await writesWhileHeld(pay.stall, first);
      twin = send(resident.post(`/api/orders/${o.id}/pay`, undefined, key));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(pay.stall.waiting).toBe(1);
    } finally {
      pay.stall.release();
    }
    const [a, b] = await Promise.all([first, twin]);
    expect(a.status).toBe(200);
    expect(a.body.package).toMatch(/^prepay_id=wx/);
    expect(b?.status).toBe(200);
    expect(b?.body).toEqual(a.body);
    expect(b?.headers['idempotent-replayed']).toBe('true');
    const again = await resident.post(`/api/orders/${o.id}/pay`, undefined, key).expect(200);
    expect(again.body).toEqual(a.body);
    expect(pay.calls.prepay).toBe(before + 1);
    const [payment] = (await t.db.query(`SELECT state, prepay_id FROM payments WHERE order_id = ${o.id}`)) as {
      state: string;
      prepay_id: string;
    }[];
    expect(payment).toEqual({ state: 'PENDING', prepay_id: String(a.body.package).slice('prepay_id='.length) });
  });

  it('payment query: while WeChat Pay is slow, other households still write; a retry with the same key asks once', async () => {
    const resident = await wechatResident('openid-calls-2');
    const o = await order(resident);
    await resident.post(`/api/orders/${o.id}/pay`).expect(200);
    pay.pay(outTradeNo(o.id), 'none', t.clock.now()); // paid; the notification is not delivered
    const key = randomUUID();
    const before = pay.calls.query;
    pay.stall.hold();
    const check = send(resident.post(`/api/orders/${o.id}/pay/check`, undefined, key));
    try {
      await writesWhileHeld(pay.stall, check);
    } finally {
      pay.stall.release();
    }
    expect((await check).body).toEqual({ state: 'CONFIRMED' });
    const again = await resident.post(`/api/orders/${o.id}/pay/check`, undefined, key).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(pay.calls.query).toBe(before + 1);
  });

  it('medicine: paying and checking the payment hold no transaction either', async () => {
    const pharmacist = await scene.devUser('pharmacist');
    const restore = await scene.pharmacyTakesWechat();
    const resident = await wechatResident('openid-calls-med');
    const line = { name: '布洛芬缓释胶囊', quantity: 1, unitPriceFen: 1800, urgency: 'normal' } as const;
    const req = await scene.acceptedMedicine(resident, pharmacist, line);

    pay.stall.hold();
    const started = send(resident.post(`/api/medicine-requests/${req.id}/pay`));
    try {
      await writesWhileHeld(pay.stall, started);
    } finally {
      pay.stall.release();
    }
    expect((await started).status).toBe(200);

    pay.pay(tradeNo('medicine', req.id), 'none', t.clock.now());
    pay.stall.hold();
    const checked = send(resident.post(`/api/medicine-requests/${req.id}/pay/check`));
    try {
      await writesWhileHeld(pay.stall, checked);
    } finally {
      pay.stall.release();
    }
    expect((await checked).body).toEqual({ state: 'CONFIRMED' });
    await restore();
  });

  it('the refund sweep and the outbox worker call WeChat outside any transaction', async () => {
    const resident = await wechatResident('openid-calls-3');
    const o = await order(resident);
    await resident.post(`/api/orders/${o.id}/pay`).expect(200);
    await resident.post(`/api/orders/${o.id}/pay/check`).expect(200); // not paid yet
    pay.pay(outTradeNo(o.id), 'none', t.clock.now());
    expect((await resident.post(`/api/orders/${o.id}/pay/check`).expect(200)).body).toEqual({ state: 'CONFIRMED' });

    // A shipping report owed for the paid order (as a pick-up would owe it): token fetch and upload held.
    const db = t.app.get(Db);
    await db.transaction(() => t.app.get(OutboxService).enqueue(SHIPPING_REPORT, `test:${o.id}`, { sourceType: 'order', sourceId: o.id }));
    wechat.stall.hold();
    const shipped = t.app.get(OutboxWorker).runOnce();
    try {
      await writesWhileHeld(wechat.stall, shipped);
    } finally {
      wechat.stall.release();
    }
    // It also pushed the messages waiting beside the report; the report is done.
    expect(await shipped).toBeGreaterThanOrEqual(1);
    const [report] = (await t.db.query(`SELECT status FROM outbox WHERE dedupe_key = 'test:${o.id}'`)) as { status: string }[];
    expect(report?.status).toBe('DONE');

    await resident.post(`/api/orders/${o.id}/cancel`).expect(200);
    pay.stall.hold();
    const swept = t.app.get(RefundSweep).runOnce();
    try {
      await writesWhileHeld(pay.stall, swept);
    } finally {
      pay.stall.release();
    }
    expect(await swept).toBe(1);
    const [payment] = (await t.db.query(`SELECT state FROM payments WHERE order_id = ${o.id}`)) as { state: string }[];
    expect(payment?.state).toBe('REFUND_PROCESSING');
  });

  it('a key whose command died mid-call runs again once its claim lapses; a refusal is kept and replayed', async () => {
    const resident = await wechatResident('openid-calls-4');
    const me = (await resident.get('/api/me').expect(200)).body as MeResponse;
    const o = await order(resident);
    const path = `/api/orders/${o.id}/pay`;
    const key = randomUUID();
    // What a server killed while WeChat answered leaves: a claim (status 0) two minutes old.
    await t.db.getRepository(IdempotencyRecord).insert({
      userId: me.user.id,
      key,
      fingerprint: requestFingerprint('POST', path, undefined),
      statusCode: 0,
      body: 'claim-of-a-dead-server',
      createdAt: new Date(t.clock.now().getTime() - 2 * 60_000),
    });
    const before = pay.calls.prepay;
    const res = await resident.post(path, undefined, key).expect(200);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect((await resident.post(path, undefined, key).expect(200)).body).toEqual(res.body);
    expect(pay.calls.prepay).toBe(before + 1);

    const stranger = await wechatResident('openid-calls-5');
    const refusedKey = randomUUID();
    expect((await stranger.post(path, undefined, refusedKey).expect(404)).body.code).toBe('ORDER_NOT_FOUND');
    const replayed = await stranger.post(path, undefined, refusedKey).expect(404);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(pay.calls.prepay).toBe(before + 1);
  });
});
