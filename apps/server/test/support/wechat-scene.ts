import type { ItemView, LoginResponse, MedicineRequestView, PharmacyView, SupplierView, WindowView } from '@linli/shared-types';
import type { FakeWechat } from './fake-wechat';
import type { FakeWechatPay } from './fake-wechat-pay';
import { type Client, TestApp } from './test-app';

/**
 * What the tests of paying with WeChat start from: the app booted against both fakes (the dev
 * login is off once WeChat is configured), staff, a package sold in WeChat-paid windows, and
 * residents who logged in through WeChat, each in a household of their own.
 */
export class WechatScene {
  private constructor(
    readonly t: TestApp,
    readonly staff: Client,
    readonly item: ItemView,
    private readonly wechat: FakeWechat,
    private readonly pay: FakeWechatPay,
    private readonly households: number[],
  ) {}

  static async boot(
    wechat: FakeWechat,
    pay: FakeWechatPay,
    options: { env?: Record<string, string>; limitPerHousehold?: number } = {},
  ): Promise<WechatScene> {
    const [wechatBase, payBase] = await Promise.all([wechat.start(), pay.start()]);
    const t = await TestApp.boot({
      WECHAT_APPID: wechat.appId,
      WECHAT_SECRET: wechat.secret,
      WECHAT_API_BASE: wechatBase,
      ...pay.env(payBase),
      ...options.env,
    });
    pay.now = () => t.clock.now(); // the fake signs its answers at the app's time
    const staff = await devUser(t, 'staff');
    const supplier = (await staff.post('/api/staff/suppliers', { name: '合家福超市' }).expect(201)).body as SupplierView;
    const item = (
      await staff
        .post('/api/staff/items', {
          kind: 'package',
          name: '蔬菜包',
          contents: [{ name: '青菜', quantity: '2斤' }],
          priceFen: 3990,
          limitPerHousehold: options.limitPerHousehold ?? 2,
          supplierId: supplier.id,
        })
        .expect(201)
    ).body as ItemView;
    const households = (
      (await t.db.query(
        'SELECT h.id AS id FROM households h WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id LIMIT 30',
      )) as { id: number }[]
    ).map((r) => Number(r.id));
    return new WechatScene(t, staff, item, wechat, pay, households);
  }

  async close(): Promise<void> {
    this.wechat.stall.release();
    this.pay.stall.release();
    await this.t.close();
    await Promise.all([this.wechat.stop(), this.pay.stop()]);
  }

  /** A demo user. */
  devUser(key: string): Promise<Client> {
    return devUser(this.t, key);
  }

  /** A resident who logged in through WeChat (so has an openid), bound to a household of their own. */
  async wechatResident(openid: string): Promise<Client> {
    const login = (
      await this.t.http
        .post('/api/auth/wechat')
        .send({ code: this.wechat.issueCode(openid) })
        .expect(200)
    ).body as LoginResponse;
    const householdId = this.households.shift();
    if (householdId === undefined) throw new Error('no free household left');
    await this.t.db.query(`UPDATE users SET household_id = ${householdId} WHERE id = ${login.me.user.id}`);
    await this.t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${login.me.user.id}, 1, 'resident')`);
    return this.t.as(login.token);
  }

  /** An open first-come window of the package, paid with WeChat Pay. */
  async window(stock = 10): Promise<WindowView> {
    const now = this.t.clock.now().getTime();
    return (
      await this.staff
        .post('/api/staff/windows', {
          title: '蔬菜包 微信支付',
          mode: 'fcfs',
          paymentMode: 'wechat',
          opensAt: new Date(now - 60_000).toISOString(),
          closesAt: new Date(now + 3600_000).toISOString(),
          deliveryDate: '2022-04-27',
          items: [{ itemId: this.item.id, stock }],
        })
        .expect(201)
    ).body as WindowView;
  }

  /** The demo pharmacy takes WeChat Pay; returns how to put it back. */
  async pharmacyTakesWechat(): Promise<() => Promise<void>> {
    const [pharmacy] = (await this.staff.get('/api/staff/pharmacies').expect(200)).body as PharmacyView[];
    if (!pharmacy) throw new Error('no demo pharmacy');
    const body = { name: pharmacy.name, address: pharmacy.address, hours: pharmacy.hours, defaultFor: pharmacy.defaultFor };
    await this.staff.put(`/api/staff/pharmacies/${pharmacy.id}`, { ...body, paymentMode: 'wechat' }).expect(200);
    return async () => {
      await this.staff.put(`/api/staff/pharmacies/${pharmacy.id}`, { ...body, paymentMode: pharmacy.paymentMode }).expect(200);
    };
  }

  /** A resident's request for one medicine, quoted in stock by the pharmacist and accepted: it awaits payment. */
  async acceptedMedicine(
    resident: Client,
    pharmacist: Client,
    line: { name: string; quantity: number; unitPriceFen: number; urgency: 'today' | 'normal' },
  ): Promise<MedicineRequestView> {
    const req = (
      await resident
        .post('/api/medicine-requests', {
          items: [{ name: line.name, quantity: line.quantity, brand: 'any', prescription: false }],
          urgency: line.urgency,
        })
        .expect(201)
    ).body as MedicineRequestView;
    const itemId = req.items[0]?.id as number;
    await pharmacist
      .post(`/api/pharmacy/requests/${req.id}/quote`, { items: [{ itemId, status: 'in_stock', unitPriceFen: line.unitPriceFen }] })
      .expect(200);
    return (await resident.post(`/api/medicine-requests/${req.id}/accept`, { itemIds: [itemId] }).expect(200)).body as MedicineRequestView;
  }
}

async function devUser(t: TestApp, key: string): Promise<Client> {
  const [row] = (await t.db.query(`SELECT id FROM users WHERE dev_key = '${key}'`)) as { id: number }[];
  return t.tokenFor(Number(row?.id));
}
