import type {
  CareCampaignDetail,
  CareCampaignSummary,
  DispatchResult,
  ErrorBody,
  MeResponse,
  MessagesPage,
  MyCareParcel,
  OrderQrView,
  Page,
  ParcelTaskView,
  ParcelView,
  RunCareCampaignResult,
} from '@linli/shared-types';
import { TestApp, type Client } from './support/test-app';

/**
 * Care campaigns (issue 18): staff choose households by care tag, building or by hand and a free
 * package; running the campaign gives one parcel per household, once however often (or by how
 * many staff at once) it is run; households added later get only theirs; the parcels go through
 * dispatch and the scans; staff see who has received theirs.
 */
describe('care campaigns', () => {
  let t: TestApp;
  let staff: Client;
  let dialysis: number[];

  const tagged = async (tag: string): Promise<number[]> =>
    ((await t.db.query(`SELECT id FROM households WHERE tags LIKE '%,${tag},%' ORDER BY id`)) as { id: number }[]).map((r) => Number(r.id));
  const careParcels = async (campaignId: number): Promise<ParcelView[]> =>
    ((await staff.get(`/api/staff/parcels?batch=care:${campaignId}&pageSize=200`).expect(200)).body as Page<ParcelView>).items;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    dialysis = await tagged('dialysis');
  });

  afterAll(async () => {
    await t.close();
  });

  it('the demo community has dialysis households to reach', () => {
    expect(dialysis.length).toBeGreaterThan(1);
  });

  let campaign: CareCampaignDetail;

  it('staff create a campaign by tag and see whom it reaches before anything is given', async () => {
    campaign = (
      await staff
        .post('/api/staff/care-campaigns', {
          title: '透析患者关爱包',
          contents: '牛奶1箱、鸡蛋10个',
          tags: ['dialysis'],
          allTags: false,
          buildingIds: [],
          householdIds: [],
        })
        .expect(201)
    ).body as CareCampaignDetail;
    expect(campaign).toMatchObject({
      title: '透析患者关爱包',
      selected: dialysis.length,
      parcels: 0,
      pending: dialysis.length,
      lastRunAt: null,
    });
    expect(campaign.recipients.map((r) => r.householdId).sort((a, b) => a - b)).toEqual(dialysis);
    expect(campaign.recipients.every((r) => r.parcelId === null && r.tags.includes('dialysis') && /栋/.test(r.door))).toBe(true);
  });

  it('running it gives one free parcel to each household and tells them', async () => {
    const run = (await staff.post(`/api/staff/care-campaigns/${campaign.id}/run`).expect(200)).body as RunCareCampaignResult;
    expect(run).toMatchObject({ created: dialysis.length, already: 0 });
    expect(run.campaign).toMatchObject({ parcels: dialysis.length, pending: 0, delivered: 0 });
    expect(run.campaign.recipients.every((r) => r.parcelState === 'READY')).toBe(true);
    const parcels = await careParcels(campaign.id);
    expect(parcels.map((p) => p.householdId).sort((a, b) => a - b)).toEqual(dialysis);
    expect(parcels.every((p) => p.cashDueFen === 0 && p.contents === '关爱包：透析患者关爱包（牛奶1箱、鸡蛋10个）')).toBe(true);

    const [resident] = await t.residents(1, dialysis[0]);
    const told = ((await (resident as Client).get('/api/messages').expect(200)).body as MessagesPage).items.filter(
      (m) => m.kind === 'care.package',
    );
    const mine = (await (resident as Client).get('/api/me/care-parcels').expect(200)).body as MyCareParcel[];
    expect(mine).toEqual([
      expect.objectContaining({ campaignId: campaign.id, title: '透析患者关爱包', parcel: expect.objectContaining({ state: 'READY' }) }),
    ]);
    // The resident joined after the run: the message went to the members then; the parcel is the household's.
    expect(told).toEqual([]);
  });

  it('run again, or by two staff at once, it gives nobody a second parcel', async () => {
    const again = (await staff.post(`/api/staff/care-campaigns/${campaign.id}/run`).expect(200)).body as RunCareCampaignResult;
    expect(again).toMatchObject({ created: 0, already: dialysis.length });
    const supervisor = await t.login('supervisor');
    const raced = await Promise.all([
      staff.post(`/api/staff/care-campaigns/${campaign.id}/run`),
      supervisor.post(`/api/staff/care-campaigns/${campaign.id}/run`),
    ]);
    expect(raced.map((r) => r.status)).toEqual([200, 200]);
    expect(raced.map((r) => (r.body as RunCareCampaignResult).created)).toEqual([0, 0]);
    expect(await careParcels(campaign.id)).toHaveLength(dialysis.length);
    expect(await t.count('care_parcels')).toBe(dialysis.length);
  });

  it('a household added by hand, and one newly tagged, get only theirs; two runs at once give each one parcel', async () => {
    const [byHand] = (await t.db.query(`SELECT id FROM households WHERE tags = '' ORDER BY id LIMIT 1`)) as { id: number }[];
    const handId = Number(byHand?.id);
    const [resident] = await t.residents(1, handId);
    const before = (await staff.get(`/api/staff/care-campaigns/${campaign.id}`).expect(200)).body as CareCampaignDetail;
    await staff
      .put(`/api/staff/care-campaigns/${campaign.id}`, {
        title: '透析患者关爱包',
        contents: '牛奶1箱、鸡蛋10个',
        tags: ['dialysis'],
        allTags: false,
        buildingIds: [],
        householdIds: [handId],
      })
      .expect(200);
    const [untagged] = (await t.db.query(`SELECT id FROM households WHERE tags = '' AND id <> ${handId} ORDER BY id LIMIT 1`)) as {
      id: number;
    }[];
    await t.db.query(`UPDATE households SET tags = ',dialysis,' WHERE id = ${Number(untagged?.id)}`);
    const listed = ((await staff.get('/api/staff/care-campaigns').expect(200)).body as CareCampaignSummary[]).find(
      (c) => c.id === campaign.id,
    );
    expect(listed).toMatchObject({ selected: before.selected + 2, parcels: dialysis.length, pending: 2 });

    const supervisor = await t.login('supervisor');
    const raced = await Promise.all([
      staff.post(`/api/staff/care-campaigns/${campaign.id}/run`),
      supervisor.post(`/api/staff/care-campaigns/${campaign.id}/run`),
    ]);
    expect(raced.map((r) => r.status)).toEqual([200, 200]);
    expect(raced.map((r) => (r.body as RunCareCampaignResult).created).reduce((a, b) => a + b, 0)).toBe(2);
    const parcels = await careParcels(campaign.id);
    expect(parcels).toHaveLength(dialysis.length + 2);
    expect(new Set(parcels.map((p) => p.householdId)).size).toBe(dialysis.length + 2);
    const told = ((await (resident as Client).get('/api/messages').expect(200)).body as MessagesPage).items.filter(
      (m) => m.kind === 'care.package',
    );
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ title: '社区给您送关爱包', link: '/care/parcels/index' });
    expect(told[0]?.body).toContain('透析患者关爱包');
  });

  it('the parcel goes through dispatch and both scans; staff then see it received', async () => {
    const householdId = dialysis[0] as number;
    const [resident] = await t.residents(1, householdId);
    const parcel = (await careParcels(campaign.id)).find((p) => p.householdId === householdId) as ParcelView;
    const volunteer = await t.login('volunteer');
    const volunteerId = ((await volunteer.get('/api/me').expect(200)).body as MeResponse).user.id;
    const [b] = (await t.db.query(`SELECT building_id FROM parcels WHERE id = ${parcel.id}`)) as { building_id: number }[];
    await staff.put(`/api/staff/volunteers/${volunteerId}`, { buildingIds: [Number(b?.building_id)], capacity: 200 }).expect(200);
    await volunteer.put('/api/volunteer/duty', { onDuty: true }).expect(200);
    const dispatched = (await staff.post('/api/staff/parcels/dispatch').expect(200)).body as DispatchResult;
    expect(dispatched.assigned).toBeGreaterThanOrEqual(1);
    const task = ((await volunteer.get('/api/volunteer/tasks').expect(200)).body as ParcelTaskView[]).find((x) => x.id === parcel.id);
    expect(task).toMatchObject({ cashDueFen: 0 });
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
    await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200);
    const code = (await (resident as Client).get(`/api/parcels/${parcel.id}/qr`).expect(200)).body as OrderQrView;
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/deliver`, { code: code.token }).expect(200);

    const detail = (await staff.get(`/api/staff/care-campaigns/${campaign.id}`).expect(200)).body as CareCampaignDetail;
    expect(detail.delivered).toBe(1);
    const received = detail.recipients.find((r) => r.householdId === householdId);
    expect(received).toMatchObject({ parcelState: 'DELIVERED' });
    expect(received?.deliveredAt).not.toBeNull();
    // Not received first: the delivered one is listed last.
    expect(detail.recipients[detail.recipients.length - 1]?.householdId).toBe(householdId);
    const mine = (await (resident as Client).get('/api/me/care-parcels').expect(200)).body as MyCareParcel[];
    expect(mine[0]?.parcel).toMatchObject({ state: 'DELIVERED', actions: expect.any(Array) });
  });

  it('by building with no tag: every household of the building; by all tags: only those with each', async () => {
    const [building] = (await t.db.query('SELECT id FROM buildings ORDER BY id LIMIT 1')) as { id: number }[];
    const inBuilding = (await t.db.query(`SELECT COUNT(*) AS n FROM households WHERE building_id = ${Number(building?.id)}`)) as {
      n: number;
    }[];
    const whole = (
      await staff
        .post('/api/staff/care-campaigns', {
          title: '一栋蔬菜包',
          contents: '青菜2斤',
          tags: [],
          allTags: false,
          buildingIds: [Number(building?.id)],
          householdIds: [],
        })
        .expect(201)
    ).body as CareCampaignDetail;
    expect(whole.selected).toBe(Number(inBuilding[0]?.n));
    const both = (await t.db.query(
      "SELECT COUNT(*) AS n FROM households WHERE tags LIKE '%,dialysis,%' AND tags LIKE '%,elderly-alone,%'",
    )) as {
      n: number;
    }[];
    const strict = (
      await staff
        .post('/api/staff/care-campaigns', {
          title: '独居透析老人',
          contents: '药盒',
          tags: ['dialysis', 'elderly-alone'],
          allTags: true,
          buildingIds: [],
          householdIds: [],
        })
        .expect(201)
    ).body as CareCampaignDetail;
    expect(strict.selected).toBe(Number(both[0]?.n));
  });

  it('refuses what would make no sense, with words a person understands, and changes nothing', async () => {
    const count = await t.count('care_campaigns');
    const empty = await staff
      .post('/api/staff/care-campaigns', { title: '空活动', contents: '米', tags: [], allTags: false, buildingIds: [], householdIds: [] })
      .expect(201);
    const run = await staff.post(`/api/staff/care-campaigns/${(empty.body as CareCampaignDetail).id}/run`).expect(409);
    expect((run.body as ErrorBody).code).toBe('CARE_NOBODY_SELECTED');
    const noContents = await staff
      .post('/api/staff/care-campaigns', { title: '没写内容', tags: ['dialysis'], allTags: false, buildingIds: [], householdIds: [] })
      .expect(400);
    expect((noContents.body as ErrorBody).code).toBe('CARE_CONTENTS_REQUIRED');
    const badTag = await staff
      .post('/api/staff/care-campaigns', {
        title: '坏标签',
        contents: '米',
        tags: ['rich'],
        allTags: false,
        buildingIds: [],
        householdIds: [],
      })
      .expect(400);
    expect((badTag.body as ErrorBody).code).toBe('VALIDATION_FAILED');
    const badBuilding = await staff
      .post('/api/staff/care-campaigns', {
        title: '别的楼',
        contents: '米',
        tags: [],
        allTags: false,
        buildingIds: [999999],
        householdIds: [],
      })
      .expect(404);
    expect((badBuilding.body as ErrorBody).code).toBe('BUILDING_NOT_FOUND');
    const extra = await staff
      .post('/api/staff/care-campaigns', {
        title: '多字段',
        contents: '米',
        tags: [],
        allTags: false,
        buildingIds: [],
        householdIds: [],
        free: true,
      })
      .expect(400);
    expect((extra.body as ErrorBody).code).toBe('VALIDATION_FAILED');
    await staff.post('/api/staff/care-campaigns/abc/run').expect(400);
    await staff.get('/api/staff/care-campaigns/999999').expect(404);
    expect(await t.count('care_campaigns')).toBe(count + 1);
  });

  it('only staff of the community: residents and volunteers are refused, another community sees nothing', async () => {
    const resident = await t.login('resident');
    await resident.get('/api/staff/care-campaigns').expect(403);
    await resident.post(`/api/staff/care-campaigns/${campaign.id}/run`).expect(403);
    const volunteer = await t.login('volunteer');
    await volunteer.get(`/api/staff/care-campaigns/${campaign.id}`).expect(403);
    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query(`INSERT INTO users (nickname, household_id, created_at) VALUES ('翡翠湾社工', NULL, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${c?.id}, 'staff')`);
    const other = await t.tokenFor(Number(u?.id));
    await other.get(`/api/staff/care-campaigns/${campaign.id}`).expect(404);
    await other.post(`/api/staff/care-campaigns/${campaign.id}/run`).expect(404);
    expect((await other.get('/api/staff/care-campaigns').expect(200)).body).toEqual([]);
    // Another household's resident does not see this household's care parcels.
    const [free] = (await t.db.query(
      'SELECT id FROM households h WHERE NOT EXISTS (SELECT 1 FROM care_parcels p WHERE p.household_id = h.id) ORDER BY id LIMIT 1',
    )) as { id: number }[];
    const [stranger] = await t.residents(1, Number(free?.id));
    const theirs = (await (stranger as Client).get('/api/me/care-parcels').expect(200)).body as MyCareParcel[];
    expect(theirs).toEqual([]);
  });
});
