import type {
  DeliveryOverview,
  DispatchResult,
  MeResponse,
  OrderQrView,
  OrderView,
  ParcelDetail,
  ParcelTaskView,
  ParcelView,
  ShiftLedger,
  VolunteerRow,
  WindowView,
} from '@linli/shared-types';
import type { Client } from './support/test-app';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type request from 'supertest';
import { QrTokens } from '../src/common/qr-token';
import { OutboxWorker } from '../src/modules/notify/outbox-worker';
import { AssignmentTimeout } from '../src/modules/parcels/assignment-timeout';
import { LABEL_LAYOUT, labelCell } from '../src/modules/parcels/labels';
import { packedWindow } from './support/scenes';
import { TestApp } from './support/test-app';

function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Renders the first page of a labels PDF with poppler's pdftoppm (installed by .ci/run) and
 * decodes the QR of each of the first `count` label cells with jsQR.
 */
function decodeLabels(pdf: Buffer, count: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'linli-labels-'));
  try {
    writeFileSync(join(dir, 'labels.pdf'), pdf);
    const dpi = 144;
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', join(dir, 'labels.pdf'), join(dir, 'page')]);
    const page = PNG.sync.read(readFileSync(join(dir, 'page.png')));
    const scale = dpi / 72;
    return Array.from({ length: count }, (_, i) => {
      const cell = labelCell(i);
      const pad = 6;
      const x0 = Math.floor((cell.qrX - pad) * scale);
      const y0 = Math.floor((cell.qrY - pad) * scale);
      const size = Math.ceil((LABEL_LAYOUT.qrSize + 2 * pad) * scale);
      const crop = new Uint8ClampedArray(size * size * 4);
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const from = ((y0 + y) * page.width + (x0 + x)) * 4;
          crop.set(page.data.subarray(from, from + 4), (y * size + x) * 4);
        }
      }
      const found = jsQR(crop, size, size);
      if (!found) throw new Error(`no QR code decoded in label ${i + 1}`);
      return found.data;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Packed orders become parcels; dispatch by building; accept; scans at pick-up and at the door. */
describe('delivery', () => {
  let t: TestApp;
  let staff: Client;
  let volunteer: Client;
  let volunteerId: number;
  let other: Client;
  let residents: Client[];
  let orders: OrderView[];
  let parcels: ParcelView[];
  let window: WindowView;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    volunteer = await t.login('volunteer');
    volunteerId = ((await volunteer.get('/api/me').expect(200)).body as MeResponse).user.id;
    residents = await t.residents(3);
    // The first household orders twice: still one parcel.
    ({ window, orders, parcels } = await packedWindow(t, staff, [...residents, residents[0] as Client]));

    const [row] = (await t.db.query("SELECT id FROM users WHERE dev_key = 'resident'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${row?.id}, 1, 'volunteer')`);
    other = await t.tokenFor(Number(row?.id));
  });
  afterAll(async () => {
    await t.close();
  });

  it('packing makes one parcel per household with what it carries', () => {
    expect(parcels).toHaveLength(3);
    expect(parcels.every((p) => p.state === 'READY')).toBe(true);
    const first = parcels.find((p) => p.householdId === orders[0]?.householdId);
    expect(first?.contents).toBe('米面油套餐×2');
    expect(first?.labelToken).toMatch(/^[A-Za-z0-9_-]{30}$/);
  });

  it('prints labels: eight to a page, each with a QR that decodes to its parcel', async () => {
    const res = await staff.get(`/api/staff/parcels/labels.pdf?batch=window:${window.id}`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBe(1);
    const decoded = decodeLabels(pdf, 3);
    const qr = t.app.get(QrTokens);
    expect(decoded.map((token) => qr.verify(token, 'parcelLabel', t.clock.now())).sort()).toEqual(parcels.map((p) => p.id).sort());
    await volunteer.get(`/api/staff/parcels/labels.pdf?batch=window:${window.id}`).expect(403);
  });

  it('dispatch gives parcels to on-duty volunteers covering their buildings; the volunteer sees doors and masked phones only', async () => {
    const buildingIds = [
      ...new Set(
        await Promise.all(residents.map(async (r) => ((await r.get('/api/me').expect(200)).body as MeResponse).household?.buildingId ?? 0)),
      ),
    ];
    await staff.put(`/api/staff/volunteers/${volunteerId}`, { buildingIds, capacity: 10 }).expect(200);
    const offDuty = (await staff.post('/api/staff/parcels/dispatch').expect(200)).body as DispatchResult;
    expect(offDuty).toMatchObject({ assigned: 0, unassigned: 3 });
    await volunteer.put('/api/volunteer/duty', { onDuty: true }).expect(200);
    const result = (await staff.post('/api/staff/parcels/dispatch').expect(200)).body as DispatchResult;
    expect(result).toEqual({ assigned: 3, unassigned: 0, volunteers: 1 });
    const tasks = (await volunteer.get('/api/volunteer/tasks').expect(200)).body as ParcelTaskView[];
    expect(tasks).toHaveLength(3);
    expect(tasks.every((task) => task.state === 'ASSIGNED' && task.actions.includes('ACCEPTED') && task.actions.includes('READY'))).toBe(
      true,
    );
    expect(tasks.every((task) => task.phone === null || /^1\d{2}\*{4}\d{4}$/.test(task.phone))).toBe(true);
    expect(JSON.stringify(tasks)).not.toMatch(/居民\d+/);
  });

  it('going on and off duty keeps a ledger of hours the volunteer can see', async () => {
    const v = await t.tokenFor(volunteerId);
    await v.put('/api/volunteer/duty', { onDuty: true }).expect(200); // already on: no second shift
    t.clock.advance(90 * 60 * 1000);
    try {
      await v.put('/api/volunteer/duty', { onDuty: false }).expect(200);
      await v.put('/api/volunteer/duty', { onDuty: false }).expect(200);
      const ledger = (await v.get('/api/volunteer/shifts').expect(200)).body as ShiftLedger;
      expect(ledger.shifts).toHaveLength(1);
      expect(ledger.shifts[0]?.endedAt).not.toBeNull();
      expect(ledger.totalMinutes).toBe(90);
      await v.put('/api/volunteer/duty', { onDuty: true }).expect(200);
      expect(((await v.get('/api/volunteer/shifts').expect(200)).body as ShiftLedger).shifts).toHaveLength(2);
      expect((await v.get('/api/volunteer/duty').expect(200)).body).toMatchObject({ onDuty: true, capacity: 10 });
    } finally {
      t.clock.advance(-90 * 60 * 1000);
    }
    await (residents[0] as Client).get('/api/volunteer/shifts').expect(403);
  });

  it('others cannot see or act on these tasks', async () => {
    await (residents[1] as Client).get('/api/volunteer/tasks').expect(403);
    expect(((await other.get('/api/volunteer/tasks').expect(200)).body as ParcelTaskView[]).length).toBe(0);
    const task = parcels[0] as ParcelView;
    expect((await other.post(`/api/volunteer/tasks/${task.id}/accept`).expect(404)).body.code).toBe('PARCEL_NOT_FOUND');
    expect((await other.post(`/api/volunteer/parcels/${task.id}/grab`).expect(403)).body.code).toBe('NOT_YOUR_BUILDING');
    await volunteer.post('/api/staff/parcels/dispatch').expect(403);
  });

  it('accept, scan the label at pick-up (twice is harmless), scan the resident’s QR at the door: the order is delivered', async () => {
    const parcel = parcels.find((p) => p.householdId === orders[0]?.householdId) as ParcelView;
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
    const picked = (await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200)).body as ParcelTaskView;
    expect(picked.state).toBe('PICKED_UP');
    expect(
      ((await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200)).body as ParcelTaskView).state,
    ).toBe('PICKED_UP');

    const resident = residents[0] as Client;
    const qr = (await resident.get(`/api/orders/${orders[0]?.id}/qr`).expect(200)).body as OrderQrView;
    const neighbourQr = (await (residents[1] as Client).get(`/api/orders/${orders[1]?.id}/qr`).expect(200)).body as OrderQrView;
    expect((await volunteer.post(`/api/volunteer/tasks/${parcel.id}/deliver`, { code: neighbourQr.token }).expect(409)).body.code).toBe(
      'QR_NOT_THIS_PARCEL',
    );
    expect((await volunteer.post(`/api/volunteer/tasks/${parcel.id}/deliver`, { code: parcel.labelToken }).expect(400)).body.code).toBe(
      'QR_WRONG_PURPOSE',
    );
    expect((await volunteer.post(`/api/volunteer/tasks/${parcel.id}/deliver`, { code: 'forged-code' }).expect(400)).body.code).toBe(
      'QR_INVALID',
    );
    const delivered = (await volunteer.post(`/api/volunteer/tasks/${parcel.id}/deliver`, { code: qr.token }).expect(200))
      .body as ParcelTaskView;
    expect(delivered.state).toBe('DELIVERED');
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/deliver`, { code: qr.token }).expect(200);

    const mine = (await resident.get('/api/orders/mine').expect(200)).body as OrderView[];
    expect(mine.filter((o) => o.windowId === window.id).map((o) => o.state)).toEqual(['DELIVERED', 'DELIVERED']);
    const events = (await t.db.query(`SELECT from_state, to_state, via FROM parcel_events WHERE parcel_id = ${parcel.id} ORDER BY id`)) as {
      from_state: string | null;
      to_state: string;
      via: string;
    }[];
    expect(events.map((e) => `${e.from_state ?? ''}>${e.to_state}:${e.via}`)).toEqual([
      '>READY:system',
      'READY>ASSIGNED:dispatch',
      'ASSIGNED>ACCEPTED:app',
      'ACCEPTED>PICKED_UP:scan',
      'PICKED_UP>DELIVERED:scan',
    ]);
    // Staff read the same timeline, with who did each step.
    const detail = (await staff.get(`/api/staff/parcels/${parcel.id}`).expect(200)).body as ParcelDetail;
    expect(detail.volunteer).toBe('李志强');
    expect(detail.events.map((e) => [e.to, e.via, e.by])).toEqual([
      ['READY', 'system', null],
      ['ASSIGNED', 'dispatch', '陈晓燕（社区）'],
      ['ACCEPTED', 'app', '李志强'],
      ['PICKED_UP', 'scan', '李志强'],
      ['DELIVERED', 'scan', '李志强'],
    ]);
    await volunteer.get(`/api/staff/parcels/${parcel.id}`).expect(403);
    expect((await staff.get('/api/staff/parcels/99999').expect(404)).body.code).toBe('PARCEL_NOT_FOUND');
  });

  it('a server that died between the delivery and the order moving on catches up: the event was in the outbox', async () => {
    const parcel = parcels.find((p) => p.householdId === orders[0]?.householdId) as ParcelView;
    const [event] = (await t.db.query(`SELECT status FROM outbox WHERE dedupe_key = 'parcel.delivered:${parcel.id}'`)) as {
      status: string;
    }[];
    expect(event?.status).toBe('DONE');
    // As if the process had died right after the parcel's commit: event pending, orders not moved.
    await t.db.query(`UPDATE outbox SET status = 'PENDING', done_at = NULL WHERE dedupe_key = 'parcel.delivered:${parcel.id}'`);
    await t.db.query(`UPDATE orders SET state = 'PACKED' WHERE id IN (${orders[0]?.id}, ${orders[3]?.id})`);
    // The worker also performs the messages' pushes waiting beside it.
    expect(await t.app.get(OutboxWorker).runOnce()).toBeGreaterThanOrEqual(1);
    const [again] = (await t.db.query(`SELECT status FROM outbox WHERE dedupe_key = 'parcel.delivered:${parcel.id}'`)) as {
      status: string;
    }[];
    expect(again?.status).toBe('DONE');
    const mine = (await (residents[0] as Client).get('/api/orders/mine').expect(200)).body as OrderView[];
    expect(mine.filter((o) => o.windowId === window.id).map((o) => o.state)).toEqual(['DELIVERED', 'DELIVERED']);
  });

  it('the resident sees the delivery on the order and rates it once; staff see ratings per volunteer', async () => {
    const parcel = parcels.find((p) => p.householdId === orders[0]?.householdId) as ParcelView;
    const resident = residents[0] as Client;
    const order = (await resident.get(`/api/orders/${orders[0]?.id}`).expect(200)).body as OrderView;
    expect(order.parcel).toMatchObject({ id: parcel.id, state: 'DELIVERED', rating: null });
    expect(order.parcel?.deliveredAt).toEqual(expect.any(String));
    expect((await (residents[1] as Client).post(`/api/parcels/${parcel.id}/rating`, { stars: 1 }).expect(404)).body.code).toBe(
      'PARCEL_NOT_FOUND',
    );
    expect((await resident.post(`/api/parcels/${parcel.id}/rating`, { stars: 6 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    const rated = (await resident.post(`/api/parcels/${parcel.id}/rating`, { stars: 5, comment: '志愿者很辛苦，谢谢！' }).expect(200))
      .body as { rating: { stars: number } };
    expect(rated.rating).toEqual({ stars: 5, comment: '志愿者很辛苦，谢谢！' });
    expect((await resident.post(`/api/parcels/${parcel.id}/rating`, { stars: 1 }).expect(409)).body.code).toBe('ALREADY_RATED');
    const notYet = parcels.find((p) => p.householdId === orders[1]?.householdId) as ParcelView;
    expect((await (residents[1] as Client).post(`/api/parcels/${notYet.id}/rating`, { stars: 3 }).expect(409)).body.code).toBe(
      'NOT_DELIVERED_YET',
    );
    const volunteers = (await staff.get('/api/staff/volunteers').expect(200)).body as VolunteerRow[];
    expect(volunteers.find((v) => v.userId === volunteerId)).toMatchObject({
      onDuty: true,
      delivered: 1,
      ratingAverage: 5,
      ratings: 1,
      capacity: 10,
    });
    await volunteer.get('/api/staff/volunteers').expect(403);
  });

  it('a pick-up scan before accepting, or of another volunteer’s parcel, moves nothing', async () => {
    const parcel = parcels.find((p) => p.householdId === orders[1]?.householdId) as ParcelView;
    expect((await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(409)).body.code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await other.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(404)).body.code).toBe('PARCEL_NOT_FOUND');
  });

  it('a failed delivery with a reason goes back to staff, who put it back in the pool', async () => {
    const parcel = parcels.find((p) => p.householdId === orders[1]?.householdId) as ParcelView;
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
    await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200);
    expect((await volunteer.post(`/api/volunteer/tasks/${parcel.id}/fail`, { reason: 'flying' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      ((await volunteer.post(`/api/volunteer/tasks/${parcel.id}/fail`, { reason: 'no-answer' }).expect(200)).body as ParcelTaskView).state,
    ).toBe('FAILED');
    const back = (await staff.post(`/api/staff/parcels/${parcel.id}/resolve`, { to: 'READY' }).expect(200)).body as ParcelView;
    expect(back).toMatchObject({ state: 'READY', volunteerId: null, failureReason: null });
  });

  it('declining puts a task back in the pool, where a covering volunteer may grab it', async () => {
    const parcel = parcels.find((p) => p.householdId === orders[2]?.householdId) as ParcelView;
    expect(((await volunteer.post(`/api/volunteer/tasks/${parcel.id}/decline`).expect(200)).body as ParcelTaskView).state).toBe('READY');
    expect(((await volunteer.post(`/api/volunteer/parcels/${parcel.id}/grab`).expect(200)).body as ParcelTaskView).state).toBe('ACCEPTED');
    expect((await volunteer.post(`/api/volunteer/parcels/${parcel.id}/grab`).expect(409)).body.code).toBe('PARCEL_TAKEN');
  });

  it('scans queued offline are replayed with the time they happened', async () => {
    const parcel = parcels.find((p) => p.householdId === orders[2]?.householdId) as ParcelView;
    // The volunteer grabbed it just now (above); the scans below were queued in the 15 minutes after.
    t.clock.advance(15 * 60 * 1000);
    const now = t.clock.now().getTime();
    const twoDaysAgo = new Date(now - 48 * 3600 * 1000).toISOString();
    const late = await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken, scannedAt: twoDaysAgo }).expect(400);
    expect(late.body.details.fields.scannedAt).toBe('扫码时间不对，请检查手机时间');
    const pickedAt = new Date(now - 10 * 60 * 1000);
    const deliveredAt = new Date(now - 5 * 60 * 1000);
    await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken, scannedAt: pickedAt.toISOString() }).expect(200);
    const qr = (await (residents[2] as Client).get(`/api/orders/${orders[2]?.id}/qr`).expect(200)).body as OrderQrView;
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/deliver`, { code: qr.token, scannedAt: deliveredAt.toISOString() }).expect(200);
    // Replaying the same queued scan again changes nothing.
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/deliver`, { code: qr.token, scannedAt: deliveredAt.toISOString() }).expect(200);
    const events = (await t.db.query(
      `SELECT to_state, at FROM parcel_events WHERE parcel_id = ${parcel.id} AND via = 'scan' ORDER BY id`,
    )) as { to_state: string; at: string | Date }[];
    expect(
      events.map((e) => [
        e.to_state,
        new Date(typeof e.at === 'string' && !e.at.endsWith('Z') ? `${e.at.replace(' ', 'T')}Z` : e.at).getTime(),
      ]),
    ).toEqual([
      ['PICKED_UP', pickedAt.getTime()],
      ['DELIVERED', deliveredAt.getTime()],
    ]);
    const order = (await (residents[2] as Client).get(`/api/orders/${orders[2]?.id}`).expect(200)).body as OrderView;
    expect(order.parcel?.deliveredAt).toBe(deliveredAt.toISOString());
  });

  it('staff watch delivery: states per building, late parcels, volunteers on duty', async () => {
    const overview = (await staff.get('/api/staff/parcels/overview').expect(200)).body as DeliveryOverview;
    expect(overview.byBuilding.reduce((a, b) => a + b.total, 0)).toBe(3);
    expect(overview.byBuilding.reduce((a, b) => a + (b.counts.DELIVERED ?? 0), 0)).toBe(2);
    expect(overview.volunteersOnDuty).toBe(1);
    expect(overview.late).toEqual([]);
    t.clock.advance(3 * 3600 * 1000);
    try {
      const later = (await staff.get('/api/staff/parcels/overview').expect(200)).body as DeliveryOverview;
      expect(later.late.map((p) => p.state)).toEqual(['READY']);
    } finally {
      t.clock.advance(-3 * 3600 * 1000);
    }
    await volunteer.get('/api/staff/parcels/overview').expect(403);
  });

  it('an assignment not accepted in time goes back to the pool', async () => {
    const parcel = parcels.find((p) => p.householdId === orders[1]?.householdId) as ParcelView;
    expect((await staff.post('/api/staff/parcels/dispatch').expect(200)).body).toMatchObject({ assigned: 1 });
    const job = t.app.get(AssignmentTimeout);
    t.clock.advance(19 * 60 * 1000);
    try {
      await job.runOnce();
      expect(((await volunteer.get('/api/volunteer/tasks').expect(200)).body as ParcelTaskView[]).map((x) => x.id)).toContain(parcel.id);
      t.clock.advance(2 * 60 * 1000);
      expect(await job.runOnce()).toBeGreaterThanOrEqual(1);
    } finally {
      t.clock.advance(-21 * 60 * 1000);
    }
    expect(((await volunteer.get('/api/volunteer/tasks').expect(200)).body as ParcelTaskView[]).map((x) => x.id)).not.toContain(parcel.id);
    const [row] = (await t.db.query(`SELECT state, volunteer_id FROM parcels WHERE id = ${parcel.id}`)) as {
      state: string;
      volunteer_id: number | null;
    }[];
    expect(row).toMatchObject({ state: 'READY', volunteer_id: null });
  });

  it('staff adjust the plan by hand and print a pick list per volunteer; volunteers see what they may grab', async () => {
    const parcel = parcels.find((p) => p.householdId === orders[1]?.householdId) as ParcelView;
    expect(((await volunteer.get('/api/volunteer/pool').expect(200)).body as ParcelTaskView[]).map((p) => p.id)).toEqual([parcel.id]);
    expect((await other.get('/api/volunteer/pool').expect(200)).body).toEqual([]);
    await (residents[0] as Client).get('/api/volunteer/pool').expect(403);

    const [resident] = (await t.db.query("SELECT id FROM users WHERE dev_key = 'staff'")) as { id: number }[];
    expect((await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId: resident?.id }).expect(404)).body.code).toBe(
      'NOT_A_VOLUNTEER',
    );
    expect((await staff.post(`/api/staff/parcels/${parcel.id}/assign`, {}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    const otherId = ((await other.get('/api/me').expect(200)).body as MeResponse).user.id;
    const toOther = (await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId: otherId }).expect(200)).body as ParcelView;
    expect(toOther).toMatchObject({ state: 'ASSIGNED', volunteerId: otherId });
    expect(((await other.get('/api/volunteer/tasks').expect(200)).body as ParcelTaskView[]).map((p) => p.id)).toEqual([parcel.id]);
    // Moved to the first volunteer: taken back from the other one, then assigned.
    await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId }).expect(200);
    expect((await other.get('/api/volunteer/tasks').expect(200)).body).toEqual([]);
    const events = (await t.db.query(
      `SELECT from_state, to_state FROM parcel_events WHERE parcel_id = ${parcel.id} ORDER BY id DESC LIMIT 3`,
    )) as { from_state: string; to_state: string }[];
    expect(events.map((e) => `${e.from_state}>${e.to_state}`)).toEqual(['READY>ASSIGNED', 'ASSIGNED>READY', 'READY>ASSIGNED']);
    await volunteer.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId }).expect(403);

    const res = await staff.get('/api/staff/parcels/volunteer-sheets.pdf').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-', '-'], { input: res.body as Buffer }).toString();
    expect(text).toContain('的配送单');
    expect(text).toContain(`#${parcel.id}`);
    expect(text).toContain(parcel.room);
    await volunteer.get('/api/staff/parcels/volunteer-sheets.pdf').expect(403);

    const back = (await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId: null }).expect(200)).body as ParcelView;
    expect(back).toMatchObject({ state: 'READY', volunteerId: null });
  });
});
