import type { AllocationView, ItemView, LoginResponse, OrderView, RegistrationView, SupplierView, WindowView } from '@linli/shared-types';
import request from 'supertest';
import { OrderExpiry } from '../src/modules/orders/order-expiry';
import { outTradeNo } from '../src/modules/orders/order-payable';
import { FakeWechat } from './support/fake-wechat';
import { FakeWechatPay } from './support/fake-wechat-pay';
import { TestApp, type Client } from './support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Fair share in a WeChat Pay window (issue 12, item 9), with WeChat Pay through our real client
 * against local fakes: winners have FAIR_SHARE_PAY_HOURS (2 by default) to pay, not the 15
 * minutes of a first-come order; a second round waits for that, then draws what lapsed for the
 * households that lost.
 */
describe('fair share, paid with WeChat Pay', () => {
  let t: TestApp;
  let staff: Client;
  let item: ItemView;
  const wechat = new FakeWechat('wx-linli-fair', 'app-secret');
  const pay = new FakeWechatPay('wx-linli-fair');
  let households: number[];

  beforeAll(async () => {
    const [wechatBase, payBase] = await Promise.all([wechat.start(), pay.start()]);
    t = await TestApp.boot({ WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret, WECHAT_API_BASE: wechatBase, ...pay.env(payBase) });
    const [staffRow] = (await t.db.query("SELECT id FROM users WHERE dev_key = 'staff'")) as { id: number }[];
    staff = await t.tokenFor(Number(staffRow?.id));
    const supplier = (await staff.post('/api/staff/suppliers', { name: '合家福超市' }).expect(201)).body as SupplierView;
    item = (
      await staff
        .post('/api/staff/items', {
          kind: 'package',
          name: '肉蛋奶套餐',
          contents: [{ name: '鸡蛋', quantity: '30枚' }],
          priceFen: 9900,
          limitPerHousehold: 1,
          supplierId: supplier.id,
        })
        .expect(201)
    ).body as ItemView;
    households = (
      (await t.db.query(
        'SELECT h.id AS id FROM households h WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id LIMIT 20',
      )) as { id: number }[]
    ).map((r) => Number(r.id));
    // Nobody is served first here: the draw order is the seeded shuffle alone.
    await t.db.query(`UPDATE households SET tags = '' WHERE id IN (${households.join(',')})`);
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([wechat.stop(), pay.stop()]);
  });

  /** A resident who logged in through WeChat (so has an openid), bound to a household of their own. */
  async function wechatResident(openid: string): Promise<Client> {
    const login = (
      await t.http
        .post('/api/auth/wechat')
        .send({ code: wechat.issueCode(openid) })
        .expect(200)
    ).body as LoginResponse;
    await t.db.query(`UPDATE users SET household_id = ${households.shift()} WHERE id = ${login.me.user.id}`);
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${login.me.user.id}, 1, 'resident')`);
    return t.as(login.token);
  }

  const notify = (n: { headers: Record<string, string>; body: string }): request.Test =>
    request(t.url).post('/api/payments/wechat/notify').set(n.headers).send(n.body);

  it('winners have two hours to pay, stated on the result and the order; the second round waits for that, then draws the lapsed wins', async () => {
    const now = t.clock.now().getTime();
    const w = (
      await staff
        .post('/api/staff/windows', {
          title: '肉蛋奶 公平分配',
          mode: 'fair',
          paymentMode: 'wechat',
          opensAt: new Date(now - MINUTE).toISOString(),
          closesAt: new Date(now + HOUR).toISOString(),
          deliveryDate: new Date(now + 86_400_000).toISOString().slice(0, 10),
          items: [{ itemId: item.id, stock: 2 }],
        })
        .expect(201)
    ).body as WindowView;
    const residents: Client[] = [];
    for (let i = 0; i < 5; i++) residents.push(await wechatResident(`openid-fair-${i}`));
    for (const r of residents) await r.put(`/api/windows/${w.id}/registration`, { lines: [{ itemId: item.id, quantity: 1 }] }).expect(200);
    await staff.post(`/api/staff/windows/${w.id}/status`, { status: 'CLOSED' }).expect(200);

    const drawn = (await staff.post(`/api/staff/windows/${w.id}/allocate`, {}).expect(200)).body as AllocationView;
    const payBy = new Date(Date.parse(drawn.allocatedAt) + 2 * HOUR).toISOString();
    const mine = async (r: Client): Promise<RegistrationView> =>
      (await r.get(`/api/windows/${w.id}/registration`).expect(200)).body as RegistrationView;
    const regs = await Promise.all(residents.map(mine));
    const winners = residents.filter((_, i) => regs[i]?.state === 'WON');
    const lost = regs.filter((r) => r.state === 'LOST').map((r) => r.householdId);
    expect(winners).toHaveLength(2);
    expect(lost).toHaveLength(3);
    // The winner's order, registration and the published result state the deadline.
    const won = await mine(winners[0] as Client);
    const order = (await (winners[0] as Client).get(`/api/orders/${won.orderId}`).expect(200)).body as OrderView;
    expect(order).toMatchObject({ state: 'PENDING_PAYMENT', expiresAt: payBy, totalFen: 9900 });
    expect(won).toMatchObject({ round: 1, wins: [{ round: 1, orderId: won.orderId, orderState: 'PENDING_PAYMENT', payBy }] });
    expect(drawn).toMatchObject({ winners: 2, payBy });

    // While winners can still pay, there is no second round.
    const early = await staff.post(`/api/staff/windows/${w.id}/second-round`).expect(409);
    expect(early.body).toMatchObject({ code: 'FIRST_ROUND_PAYING', details: { payBy } });

    // The first winner pays at once; the second never does.
    const paid = won.orderId as number;
    await (winners[0] as Client).post(`/api/orders/${paid}/pay`).expect(200);
    await notify(pay.pay(outTradeNo(paid), 'none', t.clock.now())).expect(204);
    expect(await mine(winners[0] as Client)).toMatchObject({ wins: [{ orderState: 'CONFIRMED', payBy }] });

    // 16 minutes on (a first-come order would have lapsed by now) the unpaid win still stands.
    t.clock.advance(16 * MINUTE);
    try {
      await t.app.get(OrderExpiry).runOnce();
      expect(await t.count(`orders WHERE window_id = ${w.id} AND state = 'PENDING_PAYMENT'`)).toBe(1);
      expect((await staff.post(`/api/staff/windows/${w.id}/second-round`).expect(409)).body.code).toBe('FIRST_ROUND_PAYING');

      // Past the deadline (before any sweep ran) the unpaid win lapses and goes to a household that lost.
      t.clock.advance(2 * HOUR - 16 * MINUTE + MINUTE);
      const second = (await staff.post(`/api/staff/windows/${w.id}/second-round`).expect(200)).body as AllocationView;
      const secondPayBy = new Date(t.clock.now().getTime() + 2 * HOUR).toISOString();
      expect(second.secondRound).toMatchObject({ round: 2, winners: 1, payBy: secondPayBy, households: 3 });
      expect(second.secondRound?.items).toEqual([{ itemId: item.id, name: '肉蛋奶套餐', stock: 1, requested: 3, allocated: 1 }]);
      expect(await t.count(`orders WHERE window_id = ${w.id} AND state = 'EXPIRED'`)).toBe(1);

      const after = await Promise.all(residents.map(mine));
      const roundTwo = after.filter((r) => r.round === 2);
      expect(roundTwo).toHaveLength(1);
      expect(roundTwo[0]).toMatchObject({ state: 'WON', wins: [{ round: 2, orderState: 'PENDING_PAYMENT', payBy: secondPayBy }] });
      expect(lost).toContain(roundTwo[0]?.householdId);
      const next = (await staff.get(`/api/orders/${roundTwo[0]?.orderId}`).expect(200)).body as OrderView;
      expect(next).toMatchObject({ state: 'PENDING_PAYMENT', expiresAt: secondPayBy });
      // The winners of the first round, paid or lapsed, are not drawn again.
      for (const r of winners) expect(await mine(r)).toMatchObject({ state: 'WON', round: 1 });
      expect(((await staff.get(`/api/windows/${w.id}`).expect(200)).body as WindowView).items[0]?.stock).toBe(0);
    } finally {
      t.clock.set(new Date(now));
    }
  });
});
