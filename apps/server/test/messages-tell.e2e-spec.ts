import type { MessageKind } from '@linli/shared-types';
import { Db } from '../src/common/database/db';
import { Message } from '../src/modules/messages/entities/message.entity';
import { MessagesService } from '../src/modules/messages/messages.service';
import { OutboxService } from '../src/modules/notify/outbox.service';
import { FakeWechat } from './support/fake-wechat';
import { packedWindow } from './support/scenes';
import { type Client, TestApp } from './support/test-app';

/**
 * What a tell costs and guarantees: N messages are a constant number of statements (a multi-row
 * INSERT, or one INSERT … SELECT over a household's members) under one push key with ONE
 * `message.push` outbox row, in the caller's transaction; a once key tells once; a chunk whose
 * push failed halfway is retried whole without sending twice what WeChat took.
 */
describe('telling: statements, push keys, once keys', () => {
  const wechat = new FakeWechat('wx-linli-tell', 'app-secret');
  const TEMPLATES = {
    'medicine.quoted': { templateId: 'TPL_QUOTE', fields: { thing1: 'title', time2: 'deadline', thing3: 'body' } },
    'order.confirmed': { templateId: 'TPL_ORDER', fields: { thing1: 'title', thing2: 'body' } },
  };
  let t: TestApp;
  let db: Db;
  let messages: MessagesService;
  let outbox: OutboxService;
  let counting = false;
  let statements = 0;

  beforeAll(async () => {
    const base = await wechat.start();
    wechat.templates.set('TPL_QUOTE', ['thing1', 'time2', 'thing3']);
    wechat.templates.set('TPL_ORDER', ['thing1', 'thing2']);
    t = await TestApp.boot({
      WECHAT_APPID: wechat.appId,
      WECHAT_SECRET: wechat.secret,
      WECHAT_API_BASE: base,
      WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(TEMPLATES),
      WECHAT_SUBSCRIBE_STATE: 'trial',
    });
    db = t.app.get(Db);
    messages = t.app.get(MessagesService);
    outbox = t.app.get(OutboxService);
    const logger = t.db.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      if (counting) statements++;
      return logQuery(query, parameters, runner);
    };
  });
  afterAll(async () => {
    await t.close();
    await wechat.stop();
  });

  /** Statements `fn` sent to the database, in a transaction of its own. */
  async function count(fn: () => Promise<unknown>): Promise<number> {
    statements = 0;
    counting = true;
    try {
      await db.transaction(fn);
    } finally {
      counting = false;
    }
    return statements;
  }

  async function userIds(clients: Client[]): Promise<number[]> {
    return clients.map((c) =>
      Number((JSON.parse(Buffer.from(c.token.split('.')[1] ?? '', 'base64url').toString()) as { sub: number }).sub),
    );
  }

  async function freeHousehold(): Promise<number> {
    const [h] = (await t.db.query(
      'SELECT h.id AS id FROM households h WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id LIMIT 1',
    )) as { id: number }[];
    return Number(h?.id);
  }

  const pushRows = async (): Promise<{ dedupe_key: string; payload: string; status: string }[]> =>
    (await t.db.query(`SELECT dedupe_key, payload, status FROM outbox WHERE kind = 'message.push' ORDER BY id`)) as {
      dedupe_key: string;
      payload: string;
      status: string;
    }[];

  const quote = (title = '药房已报价'): { communityId: number; kind: MessageKind; title: string; body: string; link: string } => ({
    communityId: 1,
    kind: 'medicine.quoted',
    title,
    body: '报价 24 小时内有效',
    link: '/pages/messages/index',
  });

  it('a household of two members ordering: both are told through one INSERT … SELECT under one push key and one push row', async () => {
    const householdId = await freeHousehold();
    const [a, b] = (await t.residents(2, householdId)) as [Client, Client];
    const [me] = (await t.db.query("SELECT id FROM users WHERE dev_key = 'staff'")) as { id: number }[];
    const staff = await t.tokenFor(Number(me?.id));
    const before = (await pushRows()).length;
    const { orders } = await packedWindow(t, staff, [a]);
    const told = (await t.db.query(
      `SELECT user_id AS userId, push_key AS pushKey FROM messages WHERE kind = 'order.confirmed' AND link = '/pages/order/index?id=${orders[0]?.id}' ORDER BY user_id`,
    )) as { userId: number; pushKey: string }[];
    expect(told.map((m) => Number(m.userId))).toEqual(await userIds([a, b]));
    expect(new Set(told.map((m) => m.pushKey)).size).toBe(1);
    const rows = (await pushRows()).slice(before).filter((r) => r.dedupe_key === `messages:${told[0]?.pushKey}`);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.payload ?? '{}')).toEqual({ pushKey: told[0]?.pushKey });
  });

  it('a tell of N messages is a constant number of statements, whatever N and however many live in the household', async () => {
    const few = await userIds(await t.residents(2));
    const many = await userIds(await t.residents(40));
    const two = await count(() => messages.tellEach(few, quote()));
    const forty = await count(() => messages.tellEach(many, quote()));
    expect(forty).toBe(two);
    const alone = await freeHousehold();
    await t.residents(1, alone);
    const crowded = await freeHousehold();
    await t.residents(5, crowded);
    const one = await count(() => messages.tellHousehold(alone, quote()));
    const five = await count(() => messages.tellHousehold(crowded, quote()));
    expect(five).toBe(one);
    // The household's members are not read first: one INSERT … SELECT and its push row.
    expect(one).toBe(2 + 2); // + BEGIN and COMMIT
  });

  it('a once key tells once: again later, twice at the same moment, or beside new messages in one chunk', async () => {
    const [me, other] = await userIds(await t.residents(2));
    const once = { ...quote('提醒'), userId: me as number, once: 'test:once:1' };
    expect(await db.transaction(() => messages.tell(once))).toBe(1);
    expect(await db.transaction(() => messages.tell(once))).toBe(0);
    const both = await Promise.all([
      db.transaction(() => messages.tell({ ...once, once: 'test:once:2' })),
      db.transaction(() => messages.tell({ ...once, once: 'test:once:2' })),
    ]);
    expect(both[0] + both[1]).toBe(1);
    const mixed = await db.transaction(() =>
      messages.tell([once, { ...quote('新的'), userId: other as number }, { ...once, userId: other as number, once: 'test:once:3' }]),
    );
    expect(mixed).toBe(2);
    const keys = (await t.db.query(
      `SELECT once_key AS onceKey, COUNT(*) AS n FROM messages WHERE once_key LIKE 'test:once:%' GROUP BY once_key ORDER BY once_key`,
    )) as { onceKey: string; n: number }[];
    expect(keys.map((k) => [k.onceKey, Number(k.n)])).toEqual([
      ['test:once:1', 1],
      ['test:once:2', 1],
      ['test:once:3', 1],
    ]);
    // The push row of the mixed chunk pushes the two it wrote, not the first once message again.
    const [last] = (await pushRows()).slice(-1);
    const pushKey = (JSON.parse(last?.payload ?? '{}') as { pushKey: string }).pushKey;
    expect(await db.repo(Message).countBy({ pushKey })).toBe(2);
  });

  it('a rolled-back change tells nobody: its messages and push rows go with it', async () => {
    const householdId = await freeHousehold();
    await t.residents(2, householdId);
    const before = [await t.count('messages'), await t.count('outbox')];
    await expect(
      db.transaction(async () => {
        expect(await messages.tellHousehold(householdId, quote())).toBe(2);
        throw new Error('the change fails after telling');
      }),
    ).rejects.toThrow('the change fails after telling');
    expect([await t.count('messages'), await t.count('outbox')]).toEqual(before);
  });

  it('a chunk whose push failed halfway is retried whole, and sends nothing twice that WeChat took', async () => {
    while ((await outbox.runDue(100)) > 0); // earlier tests' rows out of the way
    const clients = await t.residents(3);
    const ids = await userIds(clients);
    for (const [i, id] of ids.entries()) {
      await t.db.query(`UPDATE users SET openid = 'o-tell-${id}' WHERE id = ${id}`);
      wechat.accept(`o-tell-${id}`, 'TPL_QUOTE');
      await (clients[i] as Client).post('/api/me/subscriptions', { results: { TPL_QUOTE: 'accept' } }).expect(200);
    }
    const sentTo = (id: number): number => wechat.delivered.filter((m) => m.touser === `o-tell-${id}`).length;
    await db.transaction(() => messages.tellEach(ids, quote('分批推送')));
    const [row] = (await pushRows()).slice(-1);
    wechat.subscribeBusy = 1; // WeChat is busy for the first message of the chunk only
    await outbox.runDue();
    expect(ids.map(sentTo)).toEqual([0, 1, 1]);
    expect((await pushRows()).find((r) => r.dedupe_key === row?.dedupe_key)?.status).toBe('PENDING');
    t.clock.advance(16_000);
    await outbox.runDue();
    expect(ids.map(sentTo)).toEqual([1, 1, 1]);
    expect((await pushRows()).find((r) => r.dedupe_key === row?.dedupe_key)?.status).toBe('DONE');
    for (const id of ids) expect(wechat.grantsOf(`o-tell-${id}`, 'TPL_QUOTE')).toBe(0);
  });

  it('a push row written before push keys (one message, { messageId }) is still pushed', async () => {
    const [client] = await t.residents(1);
    const [id] = await userIds([client as Client]);
    await t.db.query(`UPDATE users SET openid = 'o-tell-${id}' WHERE id = ${id}`);
    wechat.accept(`o-tell-${id}`, 'TPL_QUOTE');
    await (client as Client).post('/api/me/subscriptions', { results: { TPL_QUOTE: 'accept' } }).expect(200);
    await db.transaction(async () => {
      const inserted = await db.repo(Message).insert({
        ...quote('旧的推送'),
        userId: id as number,
        deadline: null,
        onceKey: null,
        pushKey: null,
        createdAt: t.clock.now(),
        readAt: null,
      });
      const messageId = Number(inserted.identifiers[0]?.id);
      await outbox.enqueue('message.push', `message:${messageId}`, { messageId });
    });
    await outbox.runDue();
    expect(wechat.delivered.filter((m) => m.touser === `o-tell-${id}`)).toHaveLength(1);
  });
});
