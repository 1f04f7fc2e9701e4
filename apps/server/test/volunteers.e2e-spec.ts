import type {
  FileView,
  MeResponse,
  OrderQrView,
  OrderView,
  ParcelTaskView,
  ParcelView,
  SignupView,
  SquadView,
  VolunteerPostView,
  VolunteerRow,
  Page,
} from '@linli/shared-types';
import { PNG } from 'pngjs';
import request from 'supertest';
import { ContactlessConfirm } from '../src/modules/parcels/contactless-confirm';
import { packedWindow } from './support/scenes';
import { TestApp, type Client } from './support/test-app';

/** A small real PNG, as a phone camera would upload (but tiny). */
function photo(): Buffer {
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

/**
 * Volunteers from recruitment to the door: staff post, residents sign up, approval makes a
 * volunteer in a squad, who goes on duty, is dispatched, picks up, delivers — by the resident's
 * QR, or contactless with a photo the resident confirms.
 */
describe('volunteers', () => {
  let t: TestApp;
  let staff: Client;
  let recruits: Client[];
  let recruitIds: number[];
  let households: Client[];
  let orders: OrderView[];
  let parcels: ParcelView[];
  let post: VolunteerPostView;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    recruits = await t.residents(3);
    recruitIds = await Promise.all(recruits.map(async (r) => ((await r.get('/api/me').expect(200)).body as MeResponse).user.id));
    households = await t.residents(3);
    ({ orders, parcels } = await packedWindow(t, staff, households));
  });
  afterAll(async () => {
    await t.close();
  });

  const parcelOf = (i: number): ParcelView => parcels.find((p) => p.householdId === orders[i]?.householdId) as ParcelView;

  it('staff post recruitment; residents see it and sign up once', async () => {
    const bad = await staff
      .post('/api/staff/volunteer-posts', { squad: 'cooking', title: '', requirements: 'x', shift: '', slots: 0 })
      .expect(400);
    expect(Object.keys(bad.body.details.fields as object).sort()).toEqual(['requirements', 'shift', 'slots', 'squad', 'title']);
    await (recruits[0] as Client)
      .post('/api/staff/volunteer-posts', { squad: 'delivery', title: '配送', requirements: '身体健康', shift: '每天', slots: 1 })
      .expect(403);
    post = (
      await staff
        .post('/api/staff/volunteer-posts', {
          squad: 'delivery',
          title: '招募楼栋配送志愿者',
          requirements: '18–60 岁，身体健康，能搬 20 斤物资',
          shift: '每天 8:00–12:00',
          slots: 2,
        })
        .expect(201)
    ).body as VolunteerPostView;
    expect(post).toMatchObject({ status: 'OPEN', approved: 0, pending: 0, mySignup: null });

    const seen = (await (recruits[0] as Client).get('/api/volunteer-posts').expect(200)).body as VolunteerPostView[];
    expect(seen.map((p) => p.title)).toEqual(['招募楼栋配送志愿者']);
    for (const r of recruits) {
      const signed = (await r.post(`/api/volunteer-posts/${post.id}/signups`, { note: '有电动车' }).expect(201)).body as VolunteerPostView;
      expect(signed.mySignup?.status).toBe('PENDING');
    }
    expect((await (recruits[0] as Client).post(`/api/volunteer-posts/${post.id}/signups`, {}).expect(409)).body.code).toBe(
      'ALREADY_SIGNED_UP',
    );
    const homeless = await t.newResident('还没绑定');
    expect((await homeless.post(`/api/volunteer-posts/${post.id}/signups`, {}).expect(403)).body.code).toBe('SIGNUP_NEEDS_HOUSEHOLD');
    expect((await (recruits[0] as Client).post('/api/volunteer-posts/9999/signups', {}).expect(404)).body.code).toBe('POST_NOT_FOUND');
  });

  it('approval makes a volunteer in the post’s squad; the last place cannot be given twice', async () => {
    const signups = (await staff.get(`/api/staff/volunteer-posts/${post.id}/signups`).expect(200)).body as SignupView[];
    expect(signups).toHaveLength(3);
    expect(signups[0]).toMatchObject({ status: 'PENDING', note: '有电动车' });
    expect(signups[0]?.door).toMatch(/^滨湖和园|栋/);
    await (recruits[0] as Client).get(`/api/staff/volunteer-posts/${post.id}/signups`).expect(403);
    const mine = (id: number): SignupView => signups.find((s) => s.userId === id) as SignupView;

    const approved = (await staff.post(`/api/staff/volunteer-signups/${mine(recruitIds[0] as number).id}/approve`).expect(200))
      .body as SignupView;
    expect(approved.status).toBe('APPROVED');
    const me = (await (recruits[0] as Client).get('/api/me').expect(200)).body as MeResponse;
    expect(me.roles).toEqual(expect.arrayContaining(['resident', 'volunteer']));

    // Two staff approve the two remaining sign-ups for the one place left at the same moment.
    const race = await Promise.all(
      [recruitIds[1], recruitIds[2]].map((id) => staff.post(`/api/staff/volunteer-signups/${mine(id as number).id}/approve`)),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(race.find((r) => r.status === 409)?.body.code).toBe('POST_FULL');
    const [row] = (await t.db.query(`SELECT approved FROM volunteer_posts WHERE id = ${post.id}`)) as { approved: number }[];
    expect(Number(row?.approved)).toBe(2);
    const roles = (await t.db.query(
      `SELECT COUNT(*) AS n FROM role_assignments WHERE role = 'volunteer' AND user_id IN (${recruitIds.join(',')})`,
    )) as { n: number | string }[];
    expect(Number(roles[0]?.n)).toBe(2);

    const loser = race.findIndex((r) => r.status === 409);
    const loserId = [recruitIds[1], recruitIds[2]][loser] as number;
    const rejected = (
      await staff.post(`/api/staff/volunteer-signups/${mine(loserId).id}/reject`, { reason: '名额已满，下次优先' }).expect(200)
    ).body as SignupView;
    expect(rejected).toMatchObject({ status: 'REJECTED', reason: '名额已满，下次优先' });
    const loserClient = recruits[recruitIds.indexOf(loserId)] as Client;
    const seen = (await loserClient.get('/api/volunteer-posts').expect(200)).body as VolunteerPostView[];
    expect(seen[0]?.mySignup).toMatchObject({ status: 'REJECTED', reason: '名额已满，下次优先' });
    expect((await staff.post(`/api/staff/volunteer-signups/${mine(loserId).id}/approve`).expect(409)).body.code).toBe('SIGNUP_DECIDED');

    const volunteers = (await staff.get('/api/staff/volunteers').expect(200)).body as VolunteerRow[];
    expect(volunteers.filter((v) => recruitIds.includes(v.userId)).map((v) => v.squad)).toEqual(['delivery', 'delivery']);
    const closed = (await staff.post(`/api/staff/volunteer-posts/${post.id}/close`).expect(200)).body as VolunteerPostView;
    expect(closed.status).toBe('CLOSED');
    expect((await (await t.residents(1))[0]?.get('/api/volunteer-posts').expect(200))?.body).toEqual([]);
  });

  it('a squad leader sees the squad and everyone’s hours; a member sees only themself', async () => {
    const approved = (await t.db.query(
      `SELECT user_id FROM volunteer_signups WHERE post_id = ${post.id} AND status = 'APPROVED' AND user_id <> ${recruitIds[0]}`,
    )) as { user_id: number }[];
    const leaderId = recruitIds[0] as number;
    const memberId = Number(approved[0]?.user_id);
    const leader = await t.tokenFor(leaderId);
    const member = await t.tokenFor(memberId);
    await staff.put(`/api/staff/volunteers/${leaderId}`, { buildingIds: [], capacity: 20, leader: true }).expect(200);
    expect(
      (await staff.put(`/api/staff/volunteers/${memberId}`, { buildingIds: [], capacity: 20, squad: 'cooking' }).expect(400)).body.code,
    ).toBe('VALIDATION_FAILED');
    await member.put('/api/volunteer/duty', { onDuty: true }).expect(200);
    t.clock.advance(45 * 60_000);
    try {
      const squad = (await leader.get('/api/volunteer/squad').expect(200)).body as SquadView;
      expect(squad).toMatchObject({ squad: 'delivery', leader: true });
      expect(squad.members.map((m) => [m.userId, m.leader, m.onDuty, m.minutesThisWeek])).toEqual([
        [leaderId, true, false, 0],
        [memberId, false, true, 45],
      ]);
      const own = (await member.get('/api/volunteer/squad').expect(200)).body as SquadView;
      expect(own.members.map((m) => m.userId)).toEqual([memberId]);
    } finally {
      t.clock.advance(-45 * 60_000);
    }
    await member.put('/api/volunteer/duty', { onDuty: false }).expect(200);
    await (households[0] as Client).get('/api/volunteer/squad').expect(403);
  });

  describe('a recruited volunteer delivers', () => {
    let volunteer: Client;
    let volunteerId: number;

    beforeAll(async () => {
      volunteerId = recruitIds[0] as number;
      volunteer = await t.tokenFor(volunteerId);
      const buildingIds = await buildingsOf(parcels);
      await staff.put(`/api/staff/volunteers/${volunteerId}`, { buildingIds, capacity: 10 }).expect(200);
      await volunteer.put('/api/volunteer/duty', { onDuty: true }).expect(200);
      expect((await staff.post('/api/staff/parcels/dispatch').expect(200)).body).toMatchObject({ assigned: 3 });
      for (const p of parcels) {
        await volunteer.post(`/api/volunteer/tasks/${p.id}/accept`).expect(200);
        await volunteer.post('/api/volunteer/scan/pickup', { code: p.labelToken }).expect(200);
      }
    });

    async function buildingsOf(list: ParcelView[]): Promise<number[]> {
      const rows = (await t.db.query(`SELECT DISTINCT building_id FROM parcels WHERE id IN (${list.map((p) => p.id).join(',')})`)) as {
        building_id: number;
      }[];
      return rows.map((r) => Number(r.building_id));
    }

    it('by the resident’s QR at the door: the order is delivered and rated', async () => {
      const qr = (await (households[0] as Client).get(`/api/orders/${orders[0]?.id}/qr`).expect(200)).body as OrderQrView;
      await volunteer.post(`/api/volunteer/tasks/${parcelOf(0).id}/deliver`, { code: qr.token }).expect(200);
      const order = (await (households[0] as Client).get(`/api/orders/${orders[0]?.id}`).expect(200)).body as OrderView;
      expect(order.state).toBe('DELIVERED');
      await (households[0] as Client).post(`/api/parcels/${parcelOf(0).id}/rating`, { stars: 4 }).expect(200);
    });

    it('photos: only images, only up to 5 MB, only by whom the purpose allows', async () => {
      const before = await t.count('files');
      const pdf = await volunteer.upload('/api/files', Buffer.from('%PDF-1.7\n'), 'photo.jpg', { purpose: 'contactless' }).expect(415);
      expect(pdf.body).toMatchObject({ code: 'FILE_NOT_IMAGE', message: '请上传照片（JPG、PNG 或 WebP 格式）' });
      const big = Buffer.concat([photo(), Buffer.alloc(5 * 1024 * 1024)]);
      expect((await volunteer.upload('/api/files', big, 'big.png', { purpose: 'contactless' }).expect(413)).body.code).toBe(
        'PHOTO_TOO_LARGE',
      );
      expect((await volunteer.upload('/api/files', photo(), 'p.png', { purpose: 'selfie' }).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      expect(
        (await (households[1] as Client).upload('/api/files', photo(), 'p.png', { purpose: 'contactless' }).expect(403)).body.code,
      ).toBe('FORBIDDEN');
      expect(await t.count('files')).toBe(before);
    });

    it('contactless: left at the door with a photo; only the household and staff see it; the resident confirms', async () => {
      const parcel = parcelOf(1);
      const upload = (await volunteer.upload('/api/files', photo(), 'door.png', { purpose: 'contactless' }).expect(201)).body as FileView;
      expect(upload).toMatchObject({ purpose: 'contactless', mime: 'image/png' });
      // Someone else's photo, or none, is refused.
      const stranger = await t.login('volunteer');
      const strangers = (await stranger.upload('/api/files', photo(), 'x.png', { purpose: 'contactless' }).expect(201)).body as FileView;
      expect((await volunteer.post(`/api/volunteer/tasks/${parcel.id}/leave`, { photoFileId: strangers.id }).expect(404)).body.code).toBe(
        'FILE_NOT_FOUND',
      );
      expect((await volunteer.post(`/api/volunteer/tasks/${parcel.id}/leave`, {}).expect(400)).body.details.fields.photoFileId).toBe(
        '请先拍一张包裹放在门口的照片',
      );
      const left = (await volunteer.post(`/api/volunteer/tasks/${parcel.id}/leave`, { photoFileId: upload.id }).expect(200))
        .body as ParcelTaskView;
      expect(left.state).toBe('LEFT_AT_DOOR');
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/leave`, { photoFileId: upload.id }).expect(200);

      const resident = households[1] as Client;
      const order = (await resident.get(`/api/orders/${orders[1]?.id}`).expect(200)).body as OrderView;
      expect(order.parcel).toMatchObject({ state: 'LEFT_AT_DOOR', actions: expect.arrayContaining(['DELIVERED', 'FAILED']) });
      const link = order.parcel?.photoUrl as string;
      expect(link).toMatch(/^\/api\/files\/\d+\/content\?t=[A-Za-z0-9_-]{30}$/);
      const img = await request(t.url).get(link).expect(200);
      expect(img.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(img.body as Buffer, photo())).toBe(0);

      // The file itself: the household, staff and the volunteer; not a neighbour, not without a session.
      await resident.get(`/api/files/${upload.id}`).expect(200);
      await staff.get(`/api/files/${upload.id}`).expect(200);
      expect((await (households[2] as Client).get(`/api/files/${upload.id}`).expect(404)).body.code).toBe('FILE_NOT_FOUND');
      await request(t.url).get(`/api/files/${upload.id}`).expect(401);
      // A link is for its file only, cannot be forged, and expires after an hour.
      const token = new URL(link, 'http://x').searchParams.get('t') as string;
      await request(t.url).get(`/api/files/${strangers.id}/content?t=${token}`).expect(404);
      await request(t.url)
        .get(`/api/files/${upload.id}/content?t=${'A'.repeat(30)}`)
        .expect(404);
      t.clock.advance(61 * 60_000);
      try {
        expect((await request(t.url).get(link).expect(410)).body.code).toBe('FILE_LINK_EXPIRED');
      } finally {
        t.clock.advance(-61 * 60_000);
      }

      expect((await (households[2] as Client).post(`/api/parcels/${parcel.id}/confirm`).expect(404)).body.code).toBe('PARCEL_NOT_FOUND');
      const confirmed = (await resident.post(`/api/parcels/${parcel.id}/confirm`).expect(200)).body as {
        state: string;
        deliveredAt: string;
      };
      expect(confirmed.state).toBe('DELIVERED');
      expect(confirmed.deliveredAt).toBe(order.parcel?.leftAt);
      await resident.post(`/api/parcels/${parcel.id}/confirm`).expect(200);
      expect(((await resident.get(`/api/orders/${orders[1]?.id}`).expect(200)).body as OrderView).state).toBe('DELIVERED');
    });

    it('contactless the resident does not find goes to staff; one nobody answers confirms itself after 12 hours', async () => {
      const parcel = parcelOf(2);
      const resident = households[2] as Client;
      const first = (await volunteer.upload('/api/files', photo(), 'door.png', { purpose: 'contactless' }).expect(201)).body as FileView;
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/leave`, { photoFileId: first.id }).expect(200);
      const missing = (await resident.post(`/api/parcels/${parcel.id}/missing`).expect(200)).body as { state: string };
      expect(missing.state).toBe('FAILED');
      const failed = ((await staff.get('/api/staff/parcels?pageSize=200').expect(200)).body as Page<ParcelView>).items.find(
        (p) => p.id === parcel.id,
      );
      expect(failed).toMatchObject({ state: 'FAILED', failureReason: 'not-received' });

      // Back to the pool, to the same volunteer, and left again: this time nobody answers.
      await staff.post(`/api/staff/parcels/${parcel.id}/resolve`, { to: 'READY' }).expect(200);
      await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId }).expect(200);
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
      await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200);
      const second = (await volunteer.upload('/api/files', photo(), 'door.png', { purpose: 'contactless' }).expect(201)).body as FileView;
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/leave`, { photoFileId: second.id }).expect(200);
      const job = t.app.get(ContactlessConfirm);
      t.clock.advance(11 * 3600_000);
      try {
        expect(await job.runOnce()).toBe(0);
        t.clock.advance(2 * 3600_000);
        expect(await job.runOnce()).toBe(1);
        expect(await job.runOnce()).toBe(0);
      } finally {
        t.clock.advance(-13 * 3600_000);
      }
      const order = (await resident.get(`/api/orders/${orders[2]?.id}`).expect(200)).body as OrderView;
      expect(order.state).toBe('DELIVERED');
      expect(order.parcel?.state).toBe('DELIVERED');
    });
  });
});
