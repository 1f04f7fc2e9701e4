import type {
  MedicineRequestView,
  MessageKind,
  RefusedPushView,
  SubscribeTemplatesView,
  SubscriptionAllowanceView,
} from '@linli/shared-types';
import { Db } from '../src/common/database/db';
import type { PushableMessage } from '../src/modules/messages/message-pusher';
import { Message } from '../src/modules/messages/entities/message.entity';
import { OutboxRow } from '../src/modules/notify/entities/outbox-row.entity';
import { OutboxService } from '../src/modules/notify/outbox.service';
import { SubscribePusher } from '../src/modules/subscriptions/subscribe-pusher';
import { FakeWechat } from './support/fake-wechat';
import { type Client, TestApp } from './support/test-app';

/**
 * WeChat subscribe messages, from the popup's answer to the phone: the server counts each
 * user's one-time grants per template, spends them on what matters most, sends through the real
 * client to the fake WeChat (which enforces the grants and the keyword rules), retries busy
 * answers and 5xx, and ends refusals DEAD. The messages themselves come from a test-only source
 * (its kinds and fields chosen per test): a `test.message.push` outbox row per message, handled by
 * SubscribePusher as the messages module's `message.push` handler does; and one real flow (a
 * pharmacy's quote) goes through the messages module's tell() and its `message.push`.
 */
describe('WeChat subscribe messages', () => {
  const wechat = new FakeWechat('wx-linli-subscribe', 'app-secret');
  const TEMPLATES = {
    'medicine.quoted': { templateId: 'TPL_QUOTE', fields: { thing1: 'title', time2: 'deadline', thing3: 'body' } },
    'parcel.failed': { templateId: 'TPL_PARCEL', fields: { thing1: 'title', thing2: 'body' } },
    'parcel.picked_up': { templateId: 'TPL_PARCEL', fields: { thing1: 'title', thing2: 'body' } },
    'order.confirmed': { templateId: 'TPL_ORDER', fields: { thing1: 'title', phrase2: { text: '已确认' } } },
    // WeChat's template has a keyword this mapping forgot: every send is refused with 47003.
    'order.refunded': { templateId: 'TPL_REFUND', fields: { thing1: 'title' } },
    // A template id WeChat does not know (deleted in the console): 40037.
    'binding.approved': { templateId: 'TPL_GONE', fields: { thing1: 'title' } },
  };
  let t: TestApp;
  let db: Db;
  let outbox: OutboxService;
  const source = new Map<number, PushableMessage>();
  const outcomes = new Map<number, 'sent' | 'kept'>();

  beforeAll(async () => {
    const base = await wechat.start();
    wechat.templates.set('TPL_QUOTE', ['thing1', 'time2', 'thing3']);
    wechat.templates.set('TPL_PARCEL', ['thing1', 'thing2']);
    wechat.templates.set('TPL_ORDER', ['thing1', 'phrase2']);
    wechat.templates.set('TPL_REFUND', ['thing1', 'phrase2']);
    t = await TestApp.boot({
      WECHAT_APPID: wechat.appId,
      WECHAT_SECRET: wechat.secret,
      WECHAT_API_BASE: base,
      WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(TEMPLATES),
      WECHAT_SUBSCRIBE_STATE: 'trial',
    });
    db = t.app.get(Db);
    outbox = t.app.get(OutboxService);
    const pusher = t.app.get(SubscribePusher);
    outbox.handle('test.message.push', async (payload) => {
      const id = Number(payload.messageId);
      const message = source.get(id);
      if (!message) throw new Error(`no test message ${id}`);
      outcomes.set(id, await pusher.push(message));
    });
  });
  afterAll(async () => {
    await t.close();
    await wechat.stop();
  });

  interface Person {
    client: Client;
    userId: number;
    openid: string | null;
  }

  /** Residents with a WeChat openid (or none: a demo user). */
  async function people(count: number, withOpenid = true): Promise<Person[]> {
    const clients = await t.residents(count);
    return Promise.all(
      clients.map(async (client) => {
        const userId = Number((JSON.parse(Buffer.from(client.token.split('.')[1] ?? '', 'base64url').toString()) as { sub: number }).sub);
        const openid = withOpenid ? `o-sub-${userId}` : null;
        if (openid) await t.db.query(`UPDATE users SET openid = '${openid}' WHERE id = ${userId}`);
        return { client, userId, openid };
      }),
    );
  }

  /** The person taps 允许 in the popup for these templates, and the app tells the server. */
  async function accept(person: Person, ...templateIds: string[]): Promise<SubscriptionAllowanceView[]> {
    if (person.openid) wechat.accept(person.openid, ...templateIds);
    const results = Object.fromEntries(templateIds.map((id) => [id, 'accept']));
    return (await person.client.post('/api/me/subscriptions', { results }).expect(200)).body as SubscriptionAllowanceView[];
  }

  async function remaining(person: Person, templateId: string): Promise<number> {
    const rows = (await t.db.query(
      `SELECT remaining FROM subscription_allowances WHERE user_id = ${person.userId} AND template_id = '${templateId}'`,
    )) as { remaining: number }[];
    return Number(rows[0]?.remaining ?? 0);
  }

  /** A message for the person, as the messages module would write it, with its outbox row. */
  async function tell(person: Person, kind: MessageKind, title = '您有一条新消息', body = '请打开邻里查看'): Promise<number> {
    const fields = {
      userId: person.userId,
      communityId: 1,
      kind,
      title,
      body,
      link: '/pages/messages/index',
      deadline: new Date(t.clock.now().getTime() + 24 * 3600_000),
    };
    let id = 0;
    await db.transaction(async () => {
      id = Number((await db.repo(Message).insert({ ...fields, onceKey: null, createdAt: t.clock.now(), readAt: null })).identifiers[0]?.id);
      const link = `/pages/messages/index?id=${id}`;
      await db.repo(Message).update({ id }, { link });
      source.set(id, { id, ...fields, link });
      await outbox.enqueue('test.message.push', `message:${id}`, { messageId: id });
    });
    return id;
  }

  /** A staff member of this community (the demo's for community 1). */
  async function staffOf(communityId: number): Promise<Client> {
    if (communityId === 1) {
      const [row] = (await t.db.query("SELECT id FROM users WHERE dev_key = 'staff'")) as { id: number }[];
      return t.tokenFor(Number(row?.id));
    }
    await t.db.query(`INSERT INTO users (nickname, created_at) VALUES ('别处的工作人员', CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '别处的工作人员'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${communityId}, 'staff')`);
    return t.tokenFor(Number(u?.id));
  }

  const deliveredFor = (id: number) => wechat.delivered.filter((m) => m.page === `pages/messages/index?id=${id}`);
  const row = (id: number) => db.repo(OutboxRow).findOneByOrFail({ dedupeKey: `message:${id}` });

  it('the popup answer adds one per accept of a template we send with, once per Idempotency-Key', async () => {
    const [p] = (await people(1)) as [Person];
    const results = { TPL_QUOTE: 'accept', TPL_PARCEL: 'reject', TPL_ORDER: 'ban', UNKNOWN_TPL: 'accept' };
    const first = (await p.client.post('/api/me/subscriptions', { results }, 'popup-key-1').expect(200))
      .body as SubscriptionAllowanceView[];
    expect(first).toEqual(
      expect.arrayContaining([
        { templateId: 'TPL_QUOTE', remaining: 1 },
        { templateId: 'TPL_PARCEL', remaining: 0 },
      ]),
    );
    expect(first.find((a) => a.templateId === 'UNKNOWN_TPL')).toBeUndefined();
    // The app retries the same request: nothing is added again.
    await p.client.post('/api/me/subscriptions', { results }, 'popup-key-1').expect(200);
    expect(await remaining(p, 'TPL_QUOTE')).toBe(1);
    // A new tap adds up.
    await p.client.post('/api/me/subscriptions', { results: { TPL_QUOTE: 'accept' } }).expect(200);
    expect(await remaining(p, 'TPL_QUOTE')).toBe(2);
    expect(await t.count(`subscription_allowances WHERE template_id = 'UNKNOWN_TPL'`)).toBe(0);
  });

  it('refuses a malformed answer with VALIDATION_FAILED and changes nothing; strangers get 401', async () => {
    const [p] = (await people(1)) as [Person];
    for (const results of [{ TPL_QUOTE: 'yes' }, ['TPL_QUOTE'], 'accept', { 'bad id!': 'accept' }]) {
      const res = await p.client.post('/api/me/subscriptions', { results }).expect(400);
      expect((res.body as { code: string }).code).toBe('VALIDATION_FAILED');
    }
    await p.client.post('/api/me/subscriptions', {}).expect(400);
    await p.client.post('/api/me/subscriptions', { results: { TPL_QUOTE: 'accept' }, extra: 1 }).expect(400);
    expect(await remaining(p, 'TPL_QUOTE')).toBe(0);
    await t.http
      .post('/api/me/subscriptions')
      .send({ results: { TPL_QUOTE: 'accept' } })
      .expect(401);
  });

  it('tells the app which templates to ask for at each tap (most important first, at most 3)', async () => {
    const [p] = (await people(1)) as [Person];
    const ask = async (moment: string) =>
      ((await p.client.get(`/api/me/subscriptions/templates?moment=${moment}`).expect(200)).body as SubscribeTemplatesView).tmplIds;
    expect(await ask('medicine')).toEqual(['TPL_QUOTE']);
    expect(await ask('order')).toEqual(['TPL_PARCEL', 'TPL_REFUND', 'TPL_ORDER']);
    expect(await ask('duty')).toEqual([]);
    const res = await p.client.get('/api/me/subscriptions/templates?moment=lunch').expect(400);
    expect((res.body as { code: string }).code).toBe('VALIDATION_FAILED');
  });

  it('sends a message once when allowed (values fitted to the rules), and keeps the next in the app when the allowance is spent', async () => {
    const [p] = (await people(1)) as [Person];
    await accept(p, 'TPL_QUOTE');
    const longTitle = '您为家人申请的降压药硝苯地平控释片已经报价请尽快确认';
    const id = await tell(p, 'medicine.quoted', longTitle, '报价 24 小时内有效');
    const calls = wechat.subscribeCalls;
    await outbox.runDue();
    expect(outcomes.get(id)).toBe('sent');
    const [sent, ...more] = deliveredFor(id);
    expect(more).toHaveLength(0);
    expect(sent?.touser).toBe(p.openid);
    expect(sent?.template_id).toBe('TPL_QUOTE');
    expect(sent?.miniprogram_state).toBe('trial');
    const thing1 = String(sent?.data?.thing1?.value);
    expect(Array.from(thing1)).toHaveLength(20);
    expect(thing1.endsWith('…')).toBe(true);
    expect(String(sent?.data?.time2?.value)).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect((await row(id)).status).toBe('DONE');
    expect(await remaining(p, 'TPL_QUOTE')).toBe(0);
    // The worker again: nothing more goes out.
    await outbox.runDue();
    expect(deliveredFor(id)).toHaveLength(1);

    // No allowance left: the next message stays in the app; WeChat is not even asked.
    const next = await tell(p, 'medicine.quoted', '又一个报价');
    await outbox.runDue();
    expect(outcomes.get(next)).toBe('kept');
    expect((await row(next)).status).toBe('DONE');
    expect(wechat.subscribeCalls).toBe(calls + 1);
  });

  it('a "picked up" leaves the last allowance of a template to a failed delivery', async () => {
    const [p] = (await people(1)) as [Person];
    await accept(p, 'TPL_PARCEL');
    const picked = await tell(p, 'parcel.picked_up', '志愿者已取件');
    await outbox.runDue();
    expect(outcomes.get(picked)).toBe('kept');
    expect(await remaining(p, 'TPL_PARCEL')).toBe(1);
    const failed = await tell(p, 'parcel.failed', '配送失败：家中无人');
    await outbox.runDue();
    expect(outcomes.get(failed)).toBe('sent');
    expect(deliveredFor(failed)).toHaveLength(1);
    // With two left, a "picked up" may spend one.
    await accept(p, 'TPL_PARCEL');
    await accept(p, 'TPL_PARCEL');
    const again = await tell(p, 'parcel.picked_up', '志愿者已取件');
    await outbox.runDue();
    expect(outcomes.get(again)).toBe('sent');
    expect(await remaining(p, 'TPL_PARCEL')).toBe(1);
  });

  it('keeps in the app what has no template, and what is for someone without WeChat', async () => {
    const [demo] = (await people(1, false)) as [Person];
    const [p] = (await people(1)) as [Person];
    await accept(demo, 'TPL_QUOTE');
    const calls = wechat.subscribeCalls;
    const a = await tell(demo, 'medicine.quoted');
    const b = await tell(p, 'task.assigned');
    await outbox.runDue();
    expect([outcomes.get(a), outcomes.get(b)]).toEqual(['kept', 'kept']);
    expect(wechat.subscribeCalls).toBe(calls);
    expect(await remaining(demo, 'TPL_QUOTE')).toBe(1);
  });

  it('WeChat answering 500 twice then 200: sent once, one allowance spent', async () => {
    const [p] = (await people(1)) as [Person];
    await accept(p, 'TPL_QUOTE');
    await accept(p, 'TPL_QUOTE');
    wechat.subscribe500 = 2;
    const id = await tell(p, 'medicine.quoted');
    await outbox.runDue();
    expect((await row(id)).status).toBe('PENDING');
    expect(await remaining(p, 'TPL_QUOTE')).toBe(1); // taken for the message, kept for its retries
    await outbox.runDue(); // not due yet: backing off
    t.clock.advance(16_000);
    await outbox.runDue();
    expect(deliveredFor(id)).toHaveLength(0);
    t.clock.advance(31_000);
    await outbox.runDue();
    expect(deliveredFor(id)).toHaveLength(1);
    expect(outcomes.get(id)).toBe('sent');
    const done = await row(id);
    expect(done.status).toBe('DONE');
    expect(done.attempts).toBe(3);
    expect(await remaining(p, 'TPL_QUOTE')).toBe(1);
    expect(wechat.grantsOf(p.openid as string, 'TPL_QUOTE')).toBe(1);
  });

  it('WeChat busy (-1): retried after the backoff, sent once', async () => {
    const [p] = (await people(1)) as [Person];
    await accept(p, 'TPL_QUOTE');
    wechat.subscribeBusy = 1;
    const id = await tell(p, 'medicine.quoted');
    await outbox.runDue();
    expect((await row(id)).lastError).toContain('-1');
    t.clock.advance(16_000);
    await outbox.runDue();
    expect(deliveredFor(id)).toHaveLength(1);
    expect(await remaining(p, 'TPL_QUOTE')).toBe(0);
  });

  it('a value WeChat refuses (47003) or an unknown template (40037) ends DEAD for staff, and the allowance is given back', async () => {
    const [p] = (await people(1)) as [Person];
    await accept(p, 'TPL_REFUND', 'TPL_GONE');
    const refunded = await tell(p, 'order.refunded', '退款已到账');
    const approved = await tell(p, 'binding.approved', '绑定已通过');
    await outbox.runDue();
    const dead = await row(refunded);
    expect(dead.status).toBe('DEAD');
    expect(dead.lastError).toContain('47003');
    expect(dead.lastError).toContain('data.phrase2.value');
    const gone = await row(approved);
    expect(gone.status).toBe('DEAD');
    expect(gone.lastError).toContain('40037');
    expect(await remaining(p, 'TPL_REFUND')).toBe(1);
    expect(await remaining(p, 'TPL_GONE')).toBe(1);
    // Staff of the community see them, with WeChat's reason; a resident may not; another community's staff see none.
    const refused = (await (await staffOf(1)).get('/api/staff/subscriptions/refused').expect(200)).body as RefusedPushView[];
    const mine = refused.filter((r) => r.userId === p.userId);
    expect(mine.map((r) => [r.messageId, r.kind, r.templateId]).sort()).toEqual(
      [
        [refunded, 'order.refunded', 'TPL_REFUND'],
        [approved, 'binding.approved', 'TPL_GONE'],
      ].sort(),
    );
    const refusedRefund = mine.find((r) => r.messageId === refunded);
    expect(refusedRefund?.reason).toContain('data.phrase2.value');
    // What was said and how to phone them: the household's contact phone (theirs is unknown) and door.
    const [household] = (await t.db.query(
      `SELECT h.id AS id, h.contact_phone AS phone, b.name AS building, h.unit AS unit, h.room AS room FROM users u
       JOIN households h ON h.id = u.household_id JOIN buildings b ON b.id = h.building_id WHERE u.id = ${p.userId}`,
    )) as { id: number; phone: string | null; building: string; unit: string; room: string }[];
    expect(refusedRefund).toMatchObject({
      title: '退款已到账',
      body: '请打开邻里查看',
      nickname: `居民${household?.id}`,
      phone: household?.phone ?? null,
      address: `${household?.building}${household?.unit}${household?.room}`,
    });
    await t.db.query(`UPDATE users SET phone = '13900001234' WHERE id = ${p.userId}`);
    const again = (await (await staffOf(1)).get('/api/staff/subscriptions/refused').expect(200)).body as RefusedPushView[];
    expect(again.find((r) => r.messageId === refunded)?.phone).toBe('13900001234');
    await p.client.get('/api/staff/subscriptions/refused').expect(403);
    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [other] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    expect((await (await staffOf(Number(other?.id))).get('/api/staff/subscriptions/refused').expect(200)).body).toEqual([]);
    // DEAD stays DEAD: the worker does not try again.
    const calls = wechat.subscribeCalls;
    t.clock.advance(3600_000);
    await outbox.runDue();
    expect(wechat.subscribeCalls).toBe(calls);
  });

  it('when WeChat says there is no grant (43101) the message is kept and our count is corrected to 0', async () => {
    const [p] = (await people(1)) as [Person];
    // The app reported two accepts, but WeChat holds none (the person turned the template off).
    await p.client.post('/api/me/subscriptions', { results: { TPL_ORDER: 'accept' } }).expect(200);
    await p.client.post('/api/me/subscriptions', { results: { TPL_ORDER: 'accept' } }).expect(200);
    const id = await tell(p, 'order.confirmed', '订单已确认');
    await outbox.runDue();
    expect(outcomes.get(id)).toBe('kept');
    expect((await row(id)).status).toBe('DONE');
    expect(await remaining(p, 'TPL_ORDER')).toBe(0);
    // So the next one is kept without asking WeChat.
    const calls = wechat.subscribeCalls;
    const next = await tell(p, 'order.confirmed', '订单已确认');
    await outbox.runDue();
    expect(outcomes.get(next)).toBe('kept');
    expect(wechat.subscribeCalls).toBe(calls);
  });

  it("a real flow: the pharmacy quotes, and the quote reaches the resident's phone through tell() and message.push", async () => {
    const [p] = (await people(1)) as [Person];
    await accept(p, 'TPL_QUOTE');
    const [ph] = (await t.db.query("SELECT id FROM users WHERE dev_key = 'pharmacist'")) as { id: number }[];
    const pharmacist = await t.tokenFor(Number(ph?.id));
    const req = (
      await p.client
        .post('/api/medicine-requests', {
          items: [{ name: '布洛芬缓释胶囊', quantity: 1, brand: 'any', prescription: false }],
          urgency: 'normal',
        })
        .expect(201)
    ).body as MedicineRequestView;
    await pharmacist
      .post(`/api/pharmacy/requests/${req.id}/quote`, { items: [{ itemId: req.items[0]?.id, status: 'in_stock', unitPriceFen: 1500 }] })
      .expect(200);
    const calls = wechat.subscribeCalls;
    await outbox.runDue();
    const sent = wechat.delivered.filter((m) => m.page === `medicine/request/index?id=${req.id}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.touser).toBe(p.openid);
    expect(sent[0]?.template_id).toBe('TPL_QUOTE');
    expect(sent[0]?.data?.thing1?.value).toBe('药房已报价');
    expect(String(sent[0]?.data?.time2?.value)).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    // The pharmacist's "new request" has no template: kept in their list, WeChat not asked for it.
    expect(wechat.subscribeCalls).toBe(calls + 1);
    expect(await remaining(p, 'TPL_QUOTE')).toBe(0);
    const pending = (await t.db.query("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'message.push' AND status <> 'DONE'")) as {
      n: number;
    }[];
    expect(Number(pending[0]?.n)).toBe(0);
  });

  it('two workers at once claim disjoint rows: every message sent exactly once, no grant spent twice', async () => {
    const rich = await people(3);
    const [poor] = (await people(1)) as [Person];
    for (const p of rich) for (let i = 0; i < 10; i++) wechat.accept(p.openid as string, 'TPL_QUOTE');
    for (const p of rich)
      for (let i = 0; i < 10; i++) await p.client.post('/api/me/subscriptions', { results: { TPL_QUOTE: 'accept' } }).expect(200);
    await accept(poor, 'TPL_QUOTE');
    await accept(poor, 'TPL_QUOTE');
    await accept(poor, 'TPL_QUOTE');
    const ids: number[] = [];
    for (const p of rich) for (let i = 0; i < 10; i++) ids.push(await tell(p, 'medicine.quoted', `报价 ${i}`));
    const poorIds: number[] = [];
    for (let i = 0; i < 8; i++) poorIds.push(await tell(poor, 'medicine.quoted', `报价 ${i}`));
    const [a, b] = await Promise.all([outbox.runDue(100), outbox.runDue(100)]);
    expect(a + b).toBe(ids.length + poorIds.length);
    for (const id of [...ids, ...poorIds]) expect((await row(id)).status).toBe('DONE');
    for (const id of ids) expect(deliveredFor(id)).toHaveLength(1);
    expect(poorIds.filter((id) => deliveredFor(id).length === 1)).toHaveLength(3);
    expect(poorIds.filter((id) => outcomes.get(id) === 'kept')).toHaveLength(5);
    for (const id of poorIds) expect(deliveredFor(id).length).toBeLessThanOrEqual(1);
    for (const p of [...rich, poor]) {
      expect(await remaining(p, 'TPL_QUOTE')).toBe(0);
      expect(wechat.grantsOf(p.openid as string, 'TPL_QUOTE')).toBe(0);
    }
  });
});
