import type { FileView, MessagesPage, NoticeReadStats, NoticeSummary, NoticeView, StaffNoticeView } from '@linli/shared-types';
import { NoticeAnnouncer } from '../src/modules/notices/notice-announcer';
import { PNG } from 'pngjs';
import { TestApp, type Client } from './support/test-app';

function photo(): Buffer {
  const png = new PNG({ width: 6, height: 6 });
  png.data.fill(120);
  return PNG.sync.write(png);
}

/**
 * Notices (issue 14): staff post to buildings or zones, at a set time, until a set time; the
 * households they reach see them and open them; staff see who has read, building by building.
 */
describe('notices', () => {
  let t: TestApp;
  let staff: Client;
  let resident1: Client; // 王秀兰, 1栋 (A区)
  let neighbour1: Client; // another household of 1栋
  let housemate1: Client; // a second member of 王秀兰's household
  let resident2: Client; // 2栋 (A区)
  let resident5: Client; // 5栋 (B区)
  let building: Record<string, number>;
  let households: Record<string, number>;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    resident1 = await t.login('resident');
    const rows = (await t.db.query('SELECT id, name FROM buildings ORDER BY id')) as { id: number; name: string }[];
    building = Object.fromEntries(rows.map((b) => [b.name, Number(b.id)]));
    const counts = (await t.db.query('SELECT building_id AS b, COUNT(*) AS n FROM households GROUP BY building_id')) as {
      b: number;
      n: number;
    }[];
    households = Object.fromEntries(counts.map((c) => [String(c.b), Number(c.n)]));
    const free = async (name: string): Promise<number> => {
      const [h] = (await t.db.query(
        `SELECT h.id AS id FROM households h WHERE h.building_id = ${building[name]} AND NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id LIMIT 1`,
      )) as { id: number }[];
      return Number(h?.id);
    };
    [neighbour1] = (await t.residents(1, await free('1栋'))) as [Client];
    [resident2] = (await t.residents(1, await free('2栋'))) as [Client];
    [resident5] = (await t.residents(1, await free('5栋'))) as [Client];
    const [wang] = (await t.db.query("SELECT household_id AS h FROM users WHERE dev_key = 'resident'")) as { h: number }[];
    [housemate1] = (await t.residents(1, Number(wang?.h))) as [Client];
  });

  afterAll(async () => {
    await t.close();
  });

  const post = async (body: object): Promise<StaffNoticeView> =>
    (
      await staff
        .post('/api/staff/notices', { category: 'testing', title: '明早核酸检测', body: '早上 7 点在南门广场，请带好身份证。', ...body })
        .expect(201)
    ).body as StaffNoticeView;
  const titles = async (who: Client): Promise<string[]> =>
    ((await who.get('/api/notices').expect(200)).body as NoticeView[]).map((n) => n.title);
  const summary = async (who: Client): Promise<NoticeSummary> => (await who.get('/api/notices/summary').expect(200)).body as NoticeSummary;
  const auditCount = async (action: string): Promise<number> =>
    Number(((await t.db.query(`SELECT COUNT(*) AS n FROM audit_logs WHERE action = '${action}'`)) as { n: number | string }[])[0]?.n);

  it('a notice for building 1 reaches building 1 only, unread, with its urgent title on the summary', async () => {
    const notice = await post({ title: '1栋今晚解封', category: 'lockdown', buildingIds: [building['1栋']], urgent: true });
    expect(notice).toMatchObject({ status: 'PUBLISHED', audience: '1栋', urgent: true, editedAt: null, readHouseholds: 0 });
    expect(notice.reachedHouseholds).toBe(households[String(building['1栋'])]);
    expect(await titles(resident1)).toContain('1栋今晚解封');
    expect(await titles(resident2)).not.toContain('1栋今晚解封');
    const mine = ((await resident1.get('/api/notices').expect(200)).body as NoticeView[]).find((n) => n.id === notice.id);
    expect(mine).toMatchObject({ read: false, category: 'lockdown', urgent: true });
    expect(await summary(resident1)).toMatchObject({ latestUrgent: { id: notice.id, title: '1栋今晚解封' } });
    expect((await summary(resident1)).unread).toBeGreaterThanOrEqual(1);
    expect((await summary(resident2)).latestUrgent).toBeNull();
    const refused = await resident2.get(`/api/notices/${notice.id}`).expect(404);
    expect(refused.body.code).toBe('NOTICE_NOT_FOUND');
    expect((await resident2.post(`/api/notices/${notice.id}/read`).expect(404)).body.code).toBe('NOTICE_NOT_FOUND');
    expect(await auditCount('notice.post')).toBeGreaterThanOrEqual(1);
  });

  it('is not seen before its publish time nor after its expiry', async () => {
    const now = t.clock.now().getTime();
    const notice = await post({
      title: '周六核酸',
      buildingIds: [building['1栋']],
      publishAt: new Date(now + 3600_000).toISOString(),
      expiresAt: new Date(now + 3 * 3600_000).toISOString(),
    });
    expect(notice.status).toBe('SCHEDULED');
    expect(await titles(resident1)).not.toContain('周六核酸');
    await resident1.get(`/api/notices/${notice.id}`).expect(404);
    t.clock.advance(3600_000);
    expect(await titles(resident1)).toContain('周六核酸');
    t.clock.advance(2 * 3600_000);
    expect(await titles(resident1)).not.toContain('周六核酸');
    expect(((await staff.get(`/api/staff/notices/${notice.id}`).expect(200)).body as StaffNoticeView).status).toBe('EXPIRED');
  });

  it('a zone notice reaches the households of that zone; a community one everyone; pinned first', async () => {
    await post({ title: 'B区物资发放', category: 'supplies', zones: ['B区'] });
    await post({ title: '全体居民须知', category: 'other', pinned: true });
    await post({ title: '更新的一条', category: 'health' });
    expect(await titles(resident5)).toContain('B区物资发放');
    expect(await titles(resident1)).not.toContain('B区物资发放');
    const list = await titles(resident2);
    expect(list[0]).toBe('全体居民须知');
    expect(list[1]).toBe('更新的一条');
    expect(await titles(resident5)).toContain('全体居民须知');
  });

  it('opening counts once per household, per building, and lists lagging buildings lowest share first', async () => {
    const notice = await post({ title: '1栋和2栋停水', buildingIds: [building['1栋'], building['2栋']] });
    const first = (await resident1.post(`/api/notices/${notice.id}/read`).expect(200)).body as NoticeView;
    expect(first.read).toBe(true);
    await resident1.post(`/api/notices/${notice.id}/read`).expect(200);
    await housemate1.post(`/api/notices/${notice.id}/read`).expect(200);
    let stats = (await staff.get(`/api/staff/notices/${notice.id}/reads`).expect(200)).body as NoticeReadStats;
    const b1 = building['1栋'] as number;
    const b2 = building['2栋'] as number;
    expect(stats.buildings.find((b) => b.buildingId === b1)).toMatchObject({ name: '1栋', read: 1, households: households[String(b1)] });
    expect(stats.buildings.find((b) => b.buildingId === b2)).toMatchObject({ name: '2栋', read: 0 });
    expect(stats.buildings).toHaveLength(2);
    expect(stats.lagging.map((b) => b.name)).toEqual(['2栋', '1栋']);
    await neighbour1.post(`/api/notices/${notice.id}/read`).expect(200);
    await resident2.post(`/api/notices/${notice.id}/read`).expect(200);
    stats = (await staff.get(`/api/staff/notices/${notice.id}/reads`).expect(200)).body as NoticeReadStats;
    expect(stats.buildings.find((b) => b.buildingId === b1)?.read).toBe(2);
    expect(stats.buildings.find((b) => b.buildingId === b2)?.read).toBe(1);
    expect(stats.readHouseholds).toBe(3);
    expect(stats.reachedHouseholds).toBe((households[String(b1)] ?? 0) + (households[String(b2)] ?? 0));
    expect(stats.lagging.map((b) => b.name)).toEqual(['2栋', '1栋']);
    const listed = ((await staff.get('/api/staff/notices').expect(200)).body as StaffNoticeView[]).find((n) => n.id === notice.id);
    expect(listed?.readHouseholds).toBe(3);
    expect(((await resident1.get(`/api/notices/${notice.id}`).expect(200)).body as NoticeView).read).toBe(true);
    expect(((await housemate1.get('/api/notices').expect(200)).body as NoticeView[]).find((n) => n.id === notice.id)?.read).toBe(true);
  });

  it('an edit shows as edited, with the time; a withdrawn notice is seen by nobody and edited no more', async () => {
    const notice = await post({ title: '核酸改到下午', buildingIds: [building['1栋']] });
    t.clock.advance(60_000);
    const edited = (await staff.patch(`/api/staff/notices/${notice.id}`, { title: '核酸改到下午 3 点', pinned: true }).expect(200))
      .body as StaffNoticeView;
    expect(edited.editedAt).toBe(t.clock.now().toISOString());
    const seen = (await resident1.get(`/api/notices/${notice.id}`).expect(200)).body as NoticeView;
    expect(seen).toMatchObject({ title: '核酸改到下午 3 点', pinned: true, editedAt: edited.editedAt });
    expect(await auditCount('notice.edit')).toBe(1);

    const withdrawn = (await staff.post(`/api/staff/notices/${notice.id}/withdraw`).expect(200)).body as StaffNoticeView;
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect(await titles(resident1)).not.toContain('核酸改到下午 3 点');
    await resident1.get(`/api/notices/${notice.id}`).expect(404);
    await staff.post(`/api/staff/notices/${notice.id}/withdraw`).expect(200);
    expect(await auditCount('notice.withdraw')).toBe(1);
    const late = await staff.patch(`/api/staff/notices/${notice.id}`, { title: '再改一次' }).expect(409);
    expect(late.body.code).toBe('NOTICE_WITHDRAWN');
  });

  it('pictures reach the residents the notice reaches, and nobody else', async () => {
    const file = (await staff.upload('/api/files', photo(), 'gate.png', { purpose: 'notice' }).expect(201)).body as FileView;
    await resident1.upload('/api/files', photo(), 'gate.png', { purpose: 'notice' }).expect(403);
    const notice = await post({ title: '南门开放', buildingIds: [building['1栋']], pictureIds: [file.id] });
    expect(notice.pictures.map((p) => p.id)).toEqual([file.id]);
    await resident1.get(`/api/files/${file.id}`).expect(200);
    await resident2.get(`/api/files/${file.id}`).expect(404);
    const seen = (await resident1.get(`/api/notices/${notice.id}`).expect(200)).body as NoticeView;
    await t.http.get(seen.pictures[0]?.url ?? '').expect(200);
  });

  it('refuses the wrong role, another community, and bad bodies (writing nothing)', async () => {
    const notice = await post({ title: '全体通知' });
    expect(
      (await resident1.post('/api/staff/notices', { category: 'other', title: '我来发', body: '居民不能发通知' }).expect(403)).body.code,
    ).toBe('FORBIDDEN');
    await resident1.get('/api/staff/notices').expect(403);
    await staff.get('/api/notices').expect(403);
    await (await t.login('volunteer')).patch(`/api/staff/notices/${notice.id}`, { title: '改一改' }).expect(403);

    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query(`INSERT INTO users (nickname, household_id, created_at) VALUES ('翡翠湾社工', NULL, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${c?.id}, 'staff')`);
    const otherStaff = await t.tokenFor(Number(u?.id));
    expect((await otherStaff.get(`/api/staff/notices/${notice.id}`).expect(404)).body.code).toBe('NOTICE_NOT_FOUND');
    await otherStaff.get(`/api/staff/notices/${notice.id}/reads`).expect(404);
    await otherStaff.patch(`/api/staff/notices/${notice.id}`, { title: '别的社区来改' }).expect(404);
    await otherStaff.post(`/api/staff/notices/${notice.id}/withdraw`).expect(404);
    expect(((await otherStaff.get('/api/staff/notices').expect(200)).body as StaffNoticeView[]).length).toBe(0);

    const before = await t.count('notices');
    const bad = async (body: object, code: string): Promise<void> => {
      const res = await staff.post('/api/staff/notices', { category: 'testing', title: '核酸', body: '正文内容', ...body }).expect(400);
      expect(res.body.code).toBe(code);
      expect(typeof res.body.message).toBe('string');
    };
    await bad({ category: 'party' }, 'VALIDATION_FAILED');
    await bad({ title: '' }, 'VALIDATION_FAILED');
    await bad({ body: 42 }, 'VALIDATION_FAILED');
    await bad({ buildingIds: ['1栋'] }, 'VALIDATION_FAILED');
    await bad({ pinned: 'yes' }, 'VALIDATION_FAILED');
    await bad({ publishAt: '2026-02-31T08:00:00+08:00' }, 'VALIDATION_FAILED');
    await bad({ pictureIds: Array.from({ length: 10 }, (_, i) => i + 1) }, 'VALIDATION_FAILED');
    await bad({ extra: 1 }, 'VALIDATION_FAILED');
    const now = t.clock.now().getTime();
    await bad(
      { publishAt: new Date(now + 7200_000).toISOString(), expiresAt: new Date(now + 3600_000).toISOString() },
      'NOTICE_EXPIRY_BEFORE_PUBLISH',
    );
    await bad(
      { publishAt: new Date(now - 7200_000).toISOString(), expiresAt: new Date(now - 3600_000).toISOString() },
      'NOTICE_EXPIRY_PASSED',
    );
    expect((await staff.patch(`/api/staff/notices/${notice.id}`, { title: null }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect(await t.count('notices')).toBe(before);
  });

  it('an urgent notice is a message to every member of the households it reaches, once; a scheduled one when its time comes', async () => {
    const told = async (who: Client, id: number): Promise<{ kind: string; title: string }[]> =>
      ((await who.get('/api/messages').expect(200)).body as MessagesPage).items.filter((m) => m.link === `/notices/detail/index?id=${id}`);
    const urgent = await post({ title: '1栋今天下午停水', buildingIds: [building['1栋']], urgent: true });
    for (const who of [resident1, housemate1, neighbour1]) {
      expect(await told(who, urgent.id)).toEqual([expect.objectContaining({ kind: 'notice.urgent', title: '紧急通知：1栋今天下午停水' })]);
    }
    expect(await told(resident2, urgent.id)).toEqual([]);
    expect(await told(resident5, urgent.id)).toEqual([]);
    // Not urgent: on the board only.
    const plain = await post({ title: '1栋垃圾清运时间', buildingIds: [building['1栋']] });
    expect(await told(resident1, plain.id)).toEqual([]);
    // Scheduled: nobody is told before its time; when it comes the sweep tells it, once.
    const later = await post({
      title: '5栋明早解封',
      buildingIds: [building['5栋']],
      urgent: true,
      publishAt: new Date(t.clock.now().getTime() + 3600_000).toISOString(),
    });
    const announcer = t.app.get(NoticeAnnouncer);
    await announcer.runOnce();
    expect(await told(resident5, later.id)).toEqual([]);
    t.clock.advance(2 * 3600_000);
    await Promise.all([announcer.runOnce(), announcer.runOnce()]);
    await announcer.runOnce();
    expect(await told(resident5, later.id)).toHaveLength(1);
    expect(await told(resident1, later.id)).toEqual([]);
    // Withdrawn before its time: never told.
    const dropped = await post({
      title: '5栋取消的通知',
      buildingIds: [building['5栋']],
      urgent: true,
      publishAt: new Date(t.clock.now().getTime() + 3600_000).toISOString(),
    });
    await staff.post(`/api/staff/notices/${dropped.id}/withdraw`).expect((res) => expect(res.status).toBeLessThan(300));
    t.clock.advance(2 * 3600_000);
    await announcer.runOnce();
    expect(await told(resident5, dropped.id)).toEqual([]);
  });
});
