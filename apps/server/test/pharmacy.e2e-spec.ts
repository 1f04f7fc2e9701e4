import type {
  FileView,
  MedicineRequestView,
  MeResponse,
  ParcelTaskView,
  ParcelView,
  PharmacistInvite,
  PharmacyView,
  Page,
} from '@linli/shared-types';
import { PNG } from 'pngjs';
import request from 'supertest';
import { DEMO_PHARMACY } from '../src/database/demo-seed';
import { TestApp, type Client } from './support/test-app';

function photo(shade = 180): Buffer {
  const png = new PNG({ width: 6, height: 6 });
  png.data.fill(shade);
  return PNG.sync.write(png);
}

const MINUTE = 60_000;

/**
 * Medicine bought on a household's behalf, end to end over HTTP: request with a prescription
 * photo, quote with a substitute, partial acceptance, purchase with a receipt, delivery by a
 * volunteer who sees 「药品」 only; rejection; escalation and hand-over; privacy.
 */
describe('medicine bought on residents’ behalf', () => {
  let t: TestApp;
  let staff: Client;
  let pharmacist: Client;
  let resident: Client;
  let neighbour: Client;
  let demoPharmacy: PharmacyView;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    pharmacist = await t.login('pharmacist');
    [resident, neighbour] = (await t.residents(2)) as [Client, Client];
    demoPharmacy = ((await staff.get('/api/staff/pharmacies').expect(200)).body as PharmacyView[])[0] as PharmacyView;
  });
  afterAll(async () => {
    await t.close();
  });

  async function prescriptionPhoto(by: Client = resident): Promise<FileView> {
    return (await by.upload('/api/files', photo(), 'rx.png', { purpose: 'prescription' }).expect(201)).body as FileView;
  }

  const twoItems = [
    { name: '硝苯地平控释片', spec: '30mg×7片', quantity: 2, brand: 'usual', prescription: true },
    { name: '布洛芬缓释胶囊', spec: '0.3g×20粒', quantity: 1, brand: 'any', prescription: false },
  ];

  it('the demo community has a pharmacy, with the demo pharmacist working there', async () => {
    expect(demoPharmacy).toMatchObject({ name: DEMO_PHARMACY, defaultFor: [''], paymentMode: 'cod' });
    expect(demoPharmacy.pharmacists.map((p) => p.nickname)).toEqual(['张敏（药房）']);
    expect(((await pharmacist.get('/api/pharmacy/me').expect(200)).body as PharmacyView).id).toBe(demoPharmacy.id);
    await resident.get('/api/pharmacy/me').expect(403);
    await pharmacist.get('/api/staff/pharmacies').expect(403);
  });

  it('refuses a prescription request without a photo, and uploads that are not photos', async () => {
    const before = await t.count('medicine_requests');
    const bare = await resident.post('/api/medicine-requests', { items: twoItems, urgency: 'normal' }).expect(400);
    expect(bare.body).toMatchObject({ code: 'PRESCRIPTION_PHOTO_REQUIRED', message: '处方药请拍一张处方单或药盒的照片' });
    const empty = await resident.post('/api/medicine-requests', { items: [], urgency: 'soon' }).expect(400);
    expect(Object.keys(empty.body.details.fields as object).sort()).toEqual(['items', 'urgency']);
    expect(
      (await resident.upload('/api/files', Buffer.from('GIF89a...'), 'rx.gif', { purpose: 'prescription' }).expect(415)).body.code,
    ).toBe('FILE_NOT_IMAGE');
    const big = Buffer.concat([photo(), Buffer.alloc(5 * 1024 * 1024)]);
    expect((await resident.upload('/api/files', big, 'rx.png', { purpose: 'prescription' }).expect(413)).body.code).toBe('PHOTO_TOO_LARGE');
    const stranger = (await prescriptionPhoto(neighbour)).id;
    expect(
      (await resident.post('/api/medicine-requests', { items: twoItems, urgency: 'normal', photoFileIds: [stranger] }).expect(404)).body
        .code,
    ).toBe('FILE_NOT_FOUND');
    expect(await t.count('medicine_requests')).toBe(before);
  });

  describe('request → quote with a substitute → partial accept → purchase → delivery', () => {
    let req: MedicineRequestView;
    let rx: FileView;

    it('the household asks; the pharmacy sees it in its queue with the photo', async () => {
      rx = await prescriptionPhoto();
      req = (
        await resident
          .post('/api/medicine-requests', {
            items: twoItems,
            urgency: 'today',
            forWhom: '老伴',
            note: '血压药快吃完了',
            photoFileIds: [rx.id],
          })
          .expect(201)
      ).body as MedicineRequestView;
      expect(req).toMatchObject({
        state: 'SUBMITTED',
        urgency: 'today',
        pharmacy: { id: demoPharmacy.id },
        overdue: false,
        actions: ['CANCELLED'],
      });
      expect(new Date(req.quoteDeadline).getTime() - new Date(req.createdAt).getTime()).toBe(20 * MINUTE);
      expect(req.photoUrls).toHaveLength(1);

      const queue = (await pharmacist.get('/api/pharmacy/requests').expect(200)).body as MedicineRequestView[];
      const mine = queue.find((r) => r.id === req.id) as MedicineRequestView;
      expect(mine).toMatchObject({ address: req.address, actions: ['QUOTED', 'REJECTED'], forWhom: '老伴' });
      // The pharmacist may look at the prescription photo; a neighbour may not.
      await pharmacist.get(`/api/files/${rx.id}`).expect(200);
      expect((await neighbour.get(`/api/files/${rx.id}`).expect(404)).body.code).toBe('FILE_NOT_FOUND');
      await request(t.url)
        .get(mine.photoUrls[0] as string)
        .expect(200);
      expect((await neighbour.get(`/api/medicine-requests/${req.id}`).expect(404)).body.code).toBe('MEDICINE_REQUEST_NOT_FOUND');
      await resident.post(`/api/pharmacy/requests/${req.id}/quote`, { items: [] }).expect(403);
    });

    it('the quote names a substitute; every item must be quoted', async () => {
      const [a, b] = req.items as [MedicineRequestView['items'][number], MedicineRequestView['items'][number]];
      expect(
        (
          await pharmacist
            .post(`/api/pharmacy/requests/${req.id}/quote`, { items: [{ itemId: a.id, status: 'in_stock', unitPriceFen: 1250 }] })
            .expect(400)
        ).body.code,
      ).toBe('QUOTE_INCOMPLETE');
      const missing = await pharmacist
        .post(`/api/pharmacy/requests/${req.id}/quote`, {
          items: [
            { itemId: a.id, status: 'in_stock' },
            { itemId: b.id, status: 'substitute', unitPriceFen: 3800 },
          ],
        })
        .expect(400);
      expect(missing.body.details.fields).toEqual({ 'items.0.unitPriceFen': '请填写单价', 'items.1.substituteName': '请写明替代药的名称' });
      const quoted = (
        await pharmacist
          .post(`/api/pharmacy/requests/${req.id}/quote`, {
            items: [
              { itemId: a.id, status: 'in_stock', unitPriceFen: 1250 },
              { itemId: b.id, status: 'substitute', substituteName: '对乙酰氨基酚片 0.5g×20片', unitPriceFen: 3800 },
            ],
            note: '布洛芬缺货，可用对乙酰氨基酚代替',
          })
          .expect(200)
      ).body as MedicineRequestView;
      expect(quoted).toMatchObject({ state: 'QUOTED', totalFen: 2 * 1250 + 3800, quoteNote: '布洛芬缺货，可用对乙酰氨基酚代替' });
      expect(quoted.items[1]?.quote).toEqual({ status: 'substitute', substituteName: '对乙酰氨基酚片 0.5g×20片', unitPriceFen: 3800 });
      expect((await pharmacist.post(`/api/pharmacy/requests/${req.id}/reject`, { reason: '太晚了' }).expect(409)).body.code).toBe(
        'INVALID_TRANSITION',
      );
      const seen = (await resident.get(`/api/medicine-requests/${req.id}`).expect(200)).body as MedicineRequestView;
      expect(seen.actions.sort()).toEqual(['CONFIRMED', 'DECLINED']);
    });

    it('the household takes the prescription medicine only', async () => {
      const [a, b] = req.items as [MedicineRequestView['items'][number], MedicineRequestView['items'][number]];
      expect((await resident.post(`/api/medicine-requests/${req.id}/accept`, { itemIds: [9999] }).expect(400)).body.code).toBe(
        'NOTHING_TO_ACCEPT',
      );
      await neighbour.post(`/api/medicine-requests/${req.id}/accept`, { itemIds: [a.id] }).expect(404);
      const accepted = (await resident.post(`/api/medicine-requests/${req.id}/accept`, { itemIds: [a.id] }).expect(200))
        .body as MedicineRequestView;
      expect(accepted).toMatchObject({ state: 'CONFIRMED', totalFen: 2500 });
      expect(accepted.items.map((i) => [i.id, i.accepted])).toEqual([
        [a.id, true],
        [b.id, false],
      ]);
      expect((await resident.post(`/api/medicine-requests/${req.id}/decline`).expect(409)).body.code).toBe('INVALID_TRANSITION');
    });

    it('the pharmacy buys it with a receipt photo; the parcel says 「药品」 and the volunteer delivers it', async () => {
      const receipt = (await pharmacist.upload('/api/files', photo(90), 'receipt.png', { purpose: 'receipt' }).expect(201))
        .body as FileView;
      expect((await pharmacist.post(`/api/pharmacy/requests/${req.id}/purchase`, {}).expect(400)).body.code).toBe('VALIDATION_FAILED');
      const bought = (await pharmacist.post(`/api/pharmacy/requests/${req.id}/purchase`, { receiptFileId: receipt.id }).expect(200))
        .body as MedicineRequestView;
      expect(bought.state).toBe('PURCHASED');
      expect(bought.parcel?.state).toBe('READY');
      await pharmacist.post(`/api/pharmacy/requests/${req.id}/purchase`, { receiptFileId: receipt.id }).expect(200);
      // The household sees its receipt.
      const seen = (await resident.get(`/api/medicine-requests/${req.id}`).expect(200)).body as MedicineRequestView;
      await request(t.url)
        .get(seen.receiptUrl as string)
        .expect(200);
      await resident.get(`/api/files/${receipt.id}`).expect(200);
      await neighbour.get(`/api/files/${receipt.id}`).expect(404);

      const parcels = ((await staff.get(`/api/staff/parcels?batch=medicine:${req.id}`).expect(200)).body as Page<ParcelView>).items;
      expect(parcels).toHaveLength(1);
      const parcel = parcels[0] as ParcelView;
      expect(parcel.contents).toBe('药品');

      const volunteer = await t.login('volunteer');
      const volunteerId = ((await volunteer.get('/api/me').expect(200)).body as MeResponse).user.id;
      const [b] = (await t.db.query(`SELECT building_id FROM parcels WHERE id = ${parcel.id}`)) as { building_id: number }[];
      await staff.put(`/api/staff/volunteers/${volunteerId}`, { buildingIds: [Number(b?.building_id)], capacity: 10 }).expect(200);
      await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId }).expect(200);
      const tasks = (await volunteer.get('/api/volunteer/tasks').expect(200)).body as ParcelTaskView[];
      const task = tasks.find((x) => x.id === parcel.id) as ParcelTaskView;
      expect(task.contents).toBe('药品');
      expect(JSON.stringify(tasks)).not.toMatch(/硝苯地平|布洛芬|对乙酰氨基酚/);
      await volunteer.get(`/api/medicine-requests/${req.id}`).expect(404);
      await volunteer.get(`/api/files/${rx.id}`).expect(404);

      // Contactless at the door (medicine has no order QR): the household confirms.
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
      await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200);
      const door = (await volunteer.upload('/api/files', photo(60), 'door.png', { purpose: 'contactless' }).expect(201)).body as FileView;
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/leave`, { photoFileId: door.id }).expect(200);
      await resident.post(`/api/parcels/${parcel.id}/confirm`).expect(200);
      const done = (await resident.get(`/api/medicine-requests/${req.id}`).expect(200)).body as MedicineRequestView;
      expect(done).toMatchObject({ state: 'DELIVERED', parcel: { state: 'DELIVERED' } });
    });

    it('every pharmacy action is in the audit log', async () => {
      const rows = (await t.db.query(
        `SELECT action FROM audit_logs WHERE target_type = 'medicine_request' AND target_id = ${req.id} ORDER BY id`,
      )) as { action: string }[];
      expect(rows.map((r) => r.action)).toEqual(['medicine.quote', 'medicine.purchase']);
    });

    it('a chronic refill repeats it in one tap, with the same photo', async () => {
      const again = (await resident.post(`/api/medicine-requests/${req.id}/repeat`).expect(201)).body as MedicineRequestView;
      expect(again).toMatchObject({ state: 'SUBMITTED', urgency: 'chronic', repeatOf: req.id, forWhom: '老伴' });
      expect(again.items.map((i) => [i.name, i.quantity, i.prescription])).toEqual(
        twoItems.map((i) => [i.name, i.quantity, i.prescription]),
      );
      expect(again.photoUrls).toHaveLength(1);
      await neighbour.post(`/api/medicine-requests/${req.id}/repeat`).expect(404);
      await resident.post(`/api/medicine-requests/${again.id}/cancel`).expect(200);
    });
  });

  it('a rejected prescription tells the household why', async () => {
    const rx = await prescriptionPhoto();
    const req = (await resident.post('/api/medicine-requests', { items: twoItems, urgency: 'normal', photoFileIds: [rx.id] }).expect(201))
      .body as MedicineRequestView;
    expect((await pharmacist.post(`/api/pharmacy/requests/${req.id}/reject`, { reason: '' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    await pharmacist.post(`/api/pharmacy/requests/${req.id}/reject`, { reason: '处方已过期（超过 3 天），请重新开具' }).expect(200);
    const seen = (await resident.get(`/api/medicine-requests/${req.id}`).expect(200)).body as MedicineRequestView;
    expect(seen).toMatchObject({ state: 'REJECTED', rejectionReason: '处方已过期（超过 3 天），请重新开具', actions: [] });
    const [audit] = (await t.db.query(
      `SELECT action, details FROM audit_logs WHERE target_type = 'medicine_request' AND target_id = ${req.id}`,
    )) as { action: string; details: string }[];
    expect(audit?.action).toBe('medicine.reject');
  });

  it('an unquoted request is escalated after its deadline and staff hand it to another pharmacy, whose pharmacist joined by code', async () => {
    const second = (
      await staff
        .post('/api/staff/pharmacies', {
          name: '益丰大药房',
          address: '翡翠路 88 号',
          hours: '8:00–22:00',
          defaultFor: [],
          paymentMode: 'free',
        })
        .expect(201)
    ).body as PharmacyView;
    const bad = await staff
      .post('/api/staff/pharmacies', { name: 'x', address: '', hours: '', defaultFor: [], paymentMode: 'cash' })
      .expect(400);
    expect(bad.body.details.fields).toMatchObject({ name: expect.any(String), paymentMode: '请选择微信支付、货到付款或免费' });
    const noPay = { name: '华润大药房', address: '包河大道 1 号', hours: '全天', defaultFor: [], paymentMode: 'wechat' };
    expect((await staff.post('/api/staff/pharmacies', noPay).expect(409)).body.code).toBe('PAYMENT_NOT_CONFIGURED');
    const invite = (await staff.post(`/api/staff/pharmacies/${second.id}/invite`).expect(201)).body as PharmacistInvite;
    expect(invite.code).toMatch(/^[A-Z2-9]{8}$/);
    const newcomer = await t.newResident('孙药师');
    expect((await newcomer.post('/api/pharmacy/join', { code: 'WRONG234' }).expect(400)).body.code).toBe('INVITE_INVALID');
    await newcomer.post('/api/pharmacy/join', { code: invite.code.toLowerCase() }).expect(200);
    expect((await (await t.newResident('又一个')).post('/api/pharmacy/join', { code: invite.code }).expect(400)).body.code).toBe(
      'INVITE_INVALID',
    );
    const other = newcomer; // the token carries the user; the role is read per request

    const req = (
      await resident
        .post('/api/medicine-requests', {
          items: [{ name: '藿香正气水', quantity: 2, brand: 'any', prescription: false }],
          urgency: 'normal',
        })
        .expect(201)
    ).body as MedicineRequestView;
    // Another pharmacy's pharmacist cannot see or quote it.
    expect((await other.get(`/api/pharmacy/requests/${req.id}`).expect(404)).body.code).toBe('MEDICINE_REQUEST_NOT_FOUND');
    expect(((await other.get('/api/pharmacy/requests').expect(200)).body as MedicineRequestView[]).map((r) => r.id)).not.toContain(req.id);

    t.clock.advance(59 * MINUTE);
    try {
      expect(
        ((await staff.get('/api/staff/medicine-requests?show=overdue').expect(200)).body as MedicineRequestView[]).map((r) => r.id),
      ).not.toContain(req.id);
      t.clock.advance(2 * MINUTE);
      const overdue = (await staff.get('/api/staff/medicine-requests?show=overdue').expect(200)).body as MedicineRequestView[];
      expect(overdue.find((r) => r.id === req.id)).toMatchObject({ overdue: true, waitingMinutes: 61 });
      const queue = (await pharmacist.get('/api/pharmacy/requests').expect(200)).body as MedicineRequestView[];
      expect(queue.find((r) => r.id === req.id)?.overdue).toBe(true);

      await pharmacist.post(`/api/staff/medicine-requests/${req.id}/move`, { pharmacyId: second.id }).expect(403);
      const moved = (await staff.post(`/api/staff/medicine-requests/${req.id}/move`, { pharmacyId: second.id }).expect(200))
        .body as MedicineRequestView;
      expect(moved).toMatchObject({ pharmacy: { id: second.id, name: '益丰大药房' }, overdue: false, paymentMode: 'free' });
      expect((await pharmacist.get(`/api/pharmacy/requests/${req.id}`).expect(404)).body.code).toBe('MEDICINE_REQUEST_NOT_FOUND');
      const item = moved.items[0] as MedicineRequestView['items'][number];
      await other
        .post(`/api/pharmacy/requests/${req.id}/quote`, { items: [{ itemId: item.id, status: 'in_stock', unitPriceFen: 0 }] })
        .expect(200);
      const audit = (await t.db.query(
        `SELECT action FROM audit_logs WHERE target_type = 'medicine_request' AND target_id = ${req.id} ORDER BY id`,
      )) as {
        action: string;
      }[];
      expect(audit.map((a) => a.action)).toEqual(['medicine.move', 'medicine.quote']);
    } finally {
      t.clock.advance(-61 * MINUTE);
    }
  });

  it('staff request by proxy for a household without a smartphone', async () => {
    const [{ id: householdId }] = (await t.db.query(
      'SELECT h.id AS id FROM households h WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id DESC LIMIT 1',
    )) as [{ id: number }];
    const rx = await prescriptionPhoto(staff);
    const req = (
      await staff
        .post('/api/staff/medicine-requests', {
          householdId,
          items: twoItems,
          urgency: 'chronic',
          forWhom: '独居老人',
          photoFileIds: [rx.id],
        })
        .expect(201)
    ).body as MedicineRequestView;
    expect(req).toMatchObject({ householdId, placedBy: { proxy: true } });
    await resident.post('/api/staff/medicine-requests', { householdId, items: twoItems, urgency: 'normal' }).expect(403);
    await pharmacist.get(`/api/files/${rx.id}`).expect(200);
  });
});
