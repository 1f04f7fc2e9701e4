import type { ContestView, FileView, MessagesPage, MyContestEntryView, StaffContestDetailView } from '@linli/shared-types';
import { PNG } from 'pngjs';
import request from 'supertest';
import { OutboxService } from '../src/modules/notify/outbox.service';
import { pushSignature } from '../src/wechat/wechat-push';
import { FakeWechat } from './support/fake-wechat';
import { TestApp, type Client } from './support/test-app';

const HOUR = 3600_000;
const PUSH_TOKEN = 'linli-push-token';
const PUBLIC_BASE = 'https://linli.example.cn';

function photo(shade: number): Buffer {
  const png = new PNG({ width: 6, height: 6 });
  png.data.fill(shade);
  return PNG.sync.write(png);
}

/**
 * Contest entries through WeChat's content security (the local fake): the caption by
 * msg_sec_check, each picture by media_check_async and its pushed verdict; a flagged entry
 * waits for staff, a passed one too unless the contest auto-approves; repeats change nothing.
 */
describe('contest entries and WeChat content security', () => {
  const wechat = new FakeWechat('wx-linli-sec', 'app-secret');
  let t: TestApp;
  let staff: Client;
  let outbox: OutboxService;

  /** A resident in a household of their own who logged in through WeChat (has an openid). */
  const wechatResident = async (openid: string | null): Promise<Client> => {
    const [client] = (await t.residents(1)) as [Client];
    const [me] = (await t.db.query('SELECT id FROM users ORDER BY id DESC LIMIT 1')) as { id: number }[];
    if (openid) await t.db.query(`UPDATE users SET openid = '${openid}' WHERE id = ${me?.id}`);
    return client;
  };
  const signed = (timestamp = '1700000000', nonce = 'n0nce'): string =>
    `signature=${pushSignature(PUSH_TOKEN, timestamp, nonce)}&timestamp=${timestamp}&nonce=${nonce}`;
  const push = (body: object, query = signed()): request.Test => request(t.url).post(`/api/wechat/push?${query}`).send(body);

  beforeAll(async () => {
    const base = await wechat.start();
    t = await TestApp.boot({
      WECHAT_APPID: wechat.appId,
      WECHAT_SECRET: wechat.secret,
      WECHAT_API_BASE: base,
      WECHAT_PUSH_TOKEN: PUSH_TOKEN,
      PUBLIC_BASE_URL: PUBLIC_BASE,
    });
    const [row] = (await t.db.query("SELECT id FROM users WHERE dev_key = 'staff'")) as { id: number }[];
    staff = await t.tokenFor(Number(row?.id));
    outbox = t.app.get(OutboxService);
  });
  afterAll(async () => {
    await t.close();
    await wechat.stop();
  });

  const contest = async (autoApprove = false): Promise<ContestView> => {
    const now = t.clock.now().getTime();
    return (
      await staff
        .post('/api/staff/contests', {
          kind: 'photo',
          title: '我家的阳台',
          rules: '一户最多两件',
          entryStartsAt: new Date(now - HOUR).toISOString(),
          entryEndsAt: new Date(now + 24 * HOUR).toISOString(),
          voteStartsAt: new Date(now - HOUR).toISOString(),
          voteEndsAt: new Date(now + 48 * HOUR).toISOString(),
          entriesPerHousehold: 2,
          votesPerDay: 3,
          mode: 'vote',
          autoApprove,
        })
        .expect(201)
    ).body as ContestView;
  };
  const enter = async (who: Client, contestId: number, caption: string, pictures = 1): Promise<MyContestEntryView> => {
    const ids: number[] = [];
    for (let i = 0; i < pictures; i++) {
      ids.push(((await who.upload('/api/files', photo(10 + i), 'p.png', { purpose: 'contest' }).expect(201)).body as FileView).id);
    }
    return (await who.post(`/api/contests/${contestId}/entries`, { title: '阳台', caption, pictureIds: ids }).expect(201))
      .body as MyContestEntryView;
  };
  const state = async (entryId: number): Promise<{ state: string; machine: boolean }> => {
    const [row] = (await t.db.query(`SELECT state, machine_checked AS m FROM contest_entries WHERE id = ${entryId}`)) as {
      state: string;
      m: number | boolean;
    }[];
    return { state: String(row?.state), machine: Boolean(Number(row?.m)) };
  };

  it('answers the push URL verification only with the right signature', async () => {
    const ok = await request(t.url)
      .get(`/api/wechat/push?${signed('1700000001', 'abc')}&echostr=hello123`)
      .expect(200);
    expect(ok.text).toBe('hello123');
    await request(t.url).get('/api/wechat/push?signature=deadbeef&timestamp=1&nonce=2&echostr=x').expect(403);
    await push({ Event: 'wxa_media_check', trace_id: 'x' }, 'signature=bad&timestamp=1&nonce=2').expect(403);
  });

  it('a caption flagged by the check waits for staff, shown first, and a neighbour cannot see it', async () => {
    const c = await contest();
    const author = await wechatResident('openid-sec-1');
    const neighbour = await wechatResident('openid-sec-2');
    const calm = await enter(author, c.id, '阳台上的花开了', 0).catch(() => null);
    expect(calm).toBeNull(); // a photo contest needs a picture
    const entry = await enter(author, c.id, '楼下有人聚众赌博');
    expect(entry).toMatchObject({ state: 'CHECKING', stateLabel: '审核中' });
    expect(wechat.textChecks).toHaveLength(0); // nothing is asked inside the command
    await outbox.runDue();
    expect(wechat.textChecks.at(-1)).toMatchObject({ openid: 'openid-sec-1', suggest: 'risky' });
    const sent = wechat.mediaChecks.at(-1);
    expect(sent?.openid).toBe('openid-sec-1');
    // WeChat fetches the picture from a signed link under the public URL, without logging in.
    expect(sent?.url.startsWith(`${PUBLIC_BASE}/api/files/`)).toBe(true);
    const path = (sent?.url ?? '').slice(PUBLIC_BASE.length);
    await request(t.url)
      .get(path)
      .expect(200)
      .expect('content-type', /image\/png/);
    expect(await state(entry.id)).toEqual({ state: 'FLAGGED', machine: true });
    expect((await neighbour.get(`/api/contest-entries/${entry.id}`).expect(404)).body.code).toBe('CONTEST_ENTRY_NOT_FOUND');

    const passing = await enter(neighbour, c.id, '今天的晚霞');
    await outbox.runDue();
    const queue = (await staff.get(`/api/staff/contests/${c.id}`).expect(200)).body as StaffContestDetailView;
    expect(queue.entries.map((e) => [e.id, e.state])).toEqual([
      [entry.id, 'FLAGGED'],
      [passing.id, 'CHECKING'],
    ]);
    expect(queue.entries[0]?.checks).toEqual(expect.arrayContaining([{ part: 'text', suggest: 'risky', label: 20006 }]));
    expect(
      ((await author.get(`/api/contests/${c.id}`).expect(200)).body as { myEntries: MyContestEntryView[] }).myEntries[0],
    ).toMatchObject({
      state: 'FLAGGED',
      stateLabel: '审核中',
    });
    // Staff decide: rejected with a reason the author reads.
    await staff.post(`/api/staff/contest-entries/${entry.id}/reject`, { reason: '内容不适合公开展示' }).expect(200);
    expect(((await author.get('/api/messages').expect(200)).body as MessagesPage).items[0]?.body).toContain('内容不适合公开展示');
  });

  it('a picture’s pushed verdict decides it once (repeats change nothing); a passed entry still waits for staff', async () => {
    const c = await contest();
    const author = await wechatResident('openid-sec-3');
    const entry = await enter(author, c.id, '春天来了', 2);
    await outbox.runDue();
    const [first, second] = wechat.mediaChecks.slice(-2);
    expect(await state(entry.id)).toEqual({ state: 'CHECKING', machine: false });
    expect((await push(wechat.mediaVerdict(first?.traceId as string, 'pass')).expect(200)).text).toBe('success');
    expect((await state(entry.id)).state).toBe('CHECKING');
    await push(wechat.mediaVerdict(second?.traceId as string, 'pass')).expect(200);
    expect(await state(entry.id)).toEqual({ state: 'PENDING', machine: true });
    // WeChat pushes again (no `success` seen in time), even with another verdict: nothing changes.
    await push(wechat.mediaVerdict(second?.traceId as string, 'risky')).expect(200);
    // A trace id we have not written down yet (the push outran our handler): not `success`, so WeChat pushes again.
    expect((await push(wechat.mediaVerdict('unknown-trace', 'risky')).expect(503)).body.code).toBe('SERVICE_UNAVAILABLE');
    expect(await state(entry.id)).toEqual({ state: 'PENDING', machine: true });
    // A second run of the outbox handler asks nothing again.
    const asked = wechat.mediaChecks.length;
    await t.app.get(OutboxService).runDue();
    expect(wechat.mediaChecks.length).toBe(asked);
  });

  it('a risky picture flags the entry; an auto-approving contest approves a passed one and tells the author', async () => {
    const c = await contest(true);
    const author = await wechatResident('openid-sec-4');
    const risky = await enter(author, c.id, '窗外');
    await outbox.runDue();
    await push(wechat.mediaVerdict(wechat.mediaChecks.at(-1)?.traceId as string, 'risky')).expect(200);
    expect((await state(risky.id)).state).toBe('FLAGGED');

    const fine = await enter(author, c.id, '窗台上的多肉');
    await outbox.runDue();
    await push(wechat.mediaVerdict(wechat.mediaChecks.at(-1)?.traceId as string, 'pass')).expect(200);
    expect((await state(fine.id)).state).toBe('APPROVED');
    expect(((await author.get('/api/messages').expect(200)).body as MessagesPage).items.map((m) => m.kind)).toContain('contest.approved');
  });

  it('staff may decide before the machine: a later risky picture hides an approved entry again, an old flag staff overruled does not', async () => {
    const c = await contest();
    const author = await wechatResident('openid-sec-5');
    const early = await enter(author, c.id, '清晨的楼道');
    await staff.post(`/api/staff/contest-entries/${early.id}/approve`).expect(200);
    await outbox.runDue();
    expect((await state(early.id)).state).toBe('APPROVED');
    await push(wechat.mediaVerdict(wechat.mediaChecks.at(-1)?.traceId as string, 'risky')).expect(200);
    expect(await state(early.id)).toEqual({ state: 'FLAGGED', machine: true });

    const overruled = await enter(author, c.id, '待定的标题');
    await outbox.runDue();
    expect((await state(overruled.id)).state).toBe('FLAGGED'); // the caption is for review
    await staff.post(`/api/staff/contest-entries/${overruled.id}/approve`).expect(200);
    await push(wechat.mediaVerdict(wechat.mediaChecks.at(-1)?.traceId as string, 'pass')).expect(200);
    expect((await state(overruled.id)).state).toBe('APPROVED');
  });

  it('someone without a WeChat openid skips the check and waits for staff, marked not machine-checked', async () => {
    const c = await contest(true);
    const author = await wechatResident(null);
    const entry = await enter(author, c.id, '没有微信的张阿姨');
    expect(entry.state).toBe('PENDING');
    await outbox.runDue();
    expect(await state(entry.id)).toEqual({ state: 'PENDING', machine: false });
    const queue = (await staff.get(`/api/staff/contests/${c.id}`).expect(200)).body as StaffContestDetailView;
    expect(queue.entries[0]).toMatchObject({ machineChecked: false, checks: [] });
  });
});
