import type {
  BindingRequestView,
  CashRow,
  ItemView,
  MedicineRequestView,
  MeResponse,
  OrderQrView,
  OrderView,
  Page,
  ParcelTaskView,
  ParcelView,
  PharmacyView,
  SupplierView,
  TaskPhoneView,
  WindowView,
} from '@linli/shared-types';
import { PNG } from 'pngjs';
import { Db } from '../src/common/database/db';
import { OutboxWorker } from '../src/modules/notify/outbox-worker';
import { ParcelFlow } from '../src/modules/parcels/parcel-flow';
import { pack } from './support/scenes';
import { TestApp, type Client } from './support/test-app';

const HOUR = 3600_000;

/**
 * Every state has a way out, nothing leaks (issue 12): caps given back, parcels that left take
 * no new orders, returned parcels cancelled or delivered again, medicine the pharmacy cannot
 * buy, cash at the door, the door code of any parcel, the volunteer's call, what a door binding
 * reveals, backdated scans, and two staff changing a window at once.
 */
describe('ways out', () => {
  let t: TestApp;
  let staff: Client;
  let volunteer: Client;
  let volunteerId: number;
  let pharmacist: Client;
  let supplier: SupplierView;
  let item: ItemView;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    volunteer = await t.login('volunteer');
    pharmacist = await t.login('pharmacist');
    volunteerId = ((await volunteer.get('/api/me').expect(200)).body as MeResponse).user.id;
    supplier = (await staff.post('/api/staff/suppliers', { name: '合家福超市' }).expect(201)).body as SupplierView;
    item = (
      await staff
        .post('/api/staff/items', {
          kind: 'package',
          name: '米面油套餐',
          contents: [{ name: '大米', quantity: '10斤' }],
          priceFen: 8800,
          limitPerHousehold: 3,
          supplierId: supplier.id,
        })
        .expect(201)
    ).body as ItemView;
  });
  afterAll(async () => {
    await t.close();
  });

  async function openWindow(over: Record<string, unknown> = {}): Promise<WindowView> {
    const now = t.clock.now().getTime();
    const body = {
      title: '批次',
      mode: 'fcfs',
      paymentMode: 'cod',
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + HOUR).toISOString(),
      deliveryDate: new Date(now + 2 * 86_400_000).toISOString().slice(0, 10),
      items: [{ itemId: item.id, stock: 100 }],
      ...over,
    };
    return (await staff.post('/api/staff/windows', body).expect(201)).body as WindowView;
  }

  async function order(resident: Client, window: WindowView, quantity = 1): Promise<OrderView> {
    return (await resident.post('/api/orders', { windowId: window.id, lines: [{ itemId: item.id, quantity }] }).expect(201))
      .body as OrderView;
  }

  /** Staff hand the parcel to the demo volunteer, who accepts it and scans its label. */
  async function pickedUp(parcel: ParcelView): Promise<ParcelTaskView> {
    await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId }).expect(200);
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
    return (await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200)).body as ParcelTaskView;
  }

  async function stockLeft(window: WindowView): Promise<number> {
    return (
      ((await staff.get(`/api/staff/windows`).expect(200)).body as WindowView[]).find((w) => w.id === window.id)?.items[0]?.stock ?? -1
    );
  }

  /** Two residents of the same building (the demo seed puts many households in each). */
  async function neighbours(): Promise<[Client, Client]> {
    const [a, b] = await t.residents(2);
    return [a as Client, b as Client];
  }

  it('a cancelled order gives its places under the window and building caps back', async () => {
    const [first, second] = await neighbours();
    const window = await openWindow({ maxOrders: 1, maxOrdersPerBuilding: 1 });
    const placed = await order(first, window);
    expect(
      (await second.post('/api/orders', { windowId: window.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(409)).body.code,
    ).toBe('WINDOW_FULL');
    await first.post(`/api/orders/${placed.id}/cancel`).expect(200);
    // The place is free again: the window does not close with its stock unsold.
    const again = await order(second, window);
    expect(again.state).toBe('CONFIRMED');
    const perBuilding = await openWindow({ maxOrdersPerBuilding: 1 });
    const one = await order(first, perBuilding);
    await first.post(`/api/orders/${one.id}/cancel`).expect(200);
    await order(second, perBuilding);
    expect(await stockLeft(perBuilding)).toBe(99);
  });

  it('orders packed after the parcel left get a parcel of their own, which is delivered too', async () => {
    const [resident] = await t.residents(1);
    const household = resident as Client;
    const window = await openWindow();
    const first = await order(household, window);
    const [parcel] = await pack(staff, window);
    await pickedUp(parcel as ParcelView);
    const second = await order(household, window, 2);
    const parcels = await pack(staff, window);
    expect(parcels).toHaveLength(2);
    const fresh = parcels.find((p) => p.id !== parcel?.id) as ParcelView;
    expect(fresh).toMatchObject({ state: 'READY', householdId: first.householdId, contents: '米面油套餐×2' });
    expect(parcels.find((p) => p.id === parcel?.id)?.contents).toBe('米面油套餐×1');
    // Delivering the first parcel delivers the first order only; the second waits for its own.
    const qr = (await household.get(`/api/orders/${first.id}/qr`).expect(200)).body as OrderQrView;
    await volunteer.post(`/api/volunteer/tasks/${parcel?.id}/deliver`, { code: qr.token }).expect(200);
    expect(((await household.get(`/api/orders/${first.id}`).expect(200)).body as OrderView).state).toBe('DELIVERED');
    const waiting = (await household.get(`/api/orders/${second.id}`).expect(200)).body as OrderView;
    expect(waiting).toMatchObject({ state: 'PACKED', parcel: { id: fresh.id, state: 'READY' } });
  });

  describe('a parcel that came back', () => {
    async function returned(): Promise<{ resident: Client; placed: OrderView; parcel: ParcelView; window: WindowView }> {
      const [resident] = await t.residents(1);
      const window = await openWindow();
      const placed = await order(resident as Client, window);
      const [parcel] = await pack(staff, window);
      await pickedUp(parcel as ParcelView);
      await volunteer.post(`/api/volunteer/tasks/${parcel?.id}/fail`, { reason: 'no-answer' }).expect(200);
      await staff.post(`/api/staff/parcels/${parcel?.id}/resolve`, { to: 'RETURNED' }).expect(200);
      return { resident: resident as Client, placed, parcel: parcel as ParcelView, window };
    }

    it('staff cancel it with a reason: the order is cancelled, its stock back, its QR dead, and the household reads why', async () => {
      const { resident, placed, parcel, window } = await returned();
      expect(await stockLeft(window)).toBe(99);
      await resident.post(`/api/staff/parcels/${parcel.id}/cancel`, { reason: '住户已转移隔离' }).expect(403);
      expect((await staff.post(`/api/staff/parcels/${parcel.id}/cancel`, { reason: '' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      const cancelled = (await staff.post(`/api/staff/parcels/${parcel.id}/cancel`, { reason: '住户已转移隔离' }).expect(200))
        .body as ParcelView;
      expect(cancelled).toMatchObject({ state: 'CANCELLED', actions: [] });
      const seen = (await resident.get(`/api/orders/${placed.id}`).expect(200)).body as OrderView;
      expect(seen).toMatchObject({ state: 'CANCELLED', cancelReason: '住户已转移隔离', actions: [] });
      expect((await resident.get(`/api/orders/${placed.id}/qr`).expect(409)).body.code).toBe('ORDER_NOT_ACTIVE');
      expect(await stockLeft(window)).toBe(100);
      // Cancelled once: a second cancel is refused and changes nothing.
      expect((await staff.post(`/api/staff/parcels/${parcel.id}/cancel`, { reason: '再取消一次' }).expect(409)).body.code).toBe(
        'INVALID_TRANSITION',
      );
    });

    it('or deliver it again: back in the pool, and the order arrives', async () => {
      const { resident, placed, parcel } = await returned();
      const again = (await staff.post(`/api/staff/parcels/${parcel.id}/resolve`, { to: 'READY' }).expect(200)).body as ParcelView;
      expect(again).toMatchObject({ state: 'READY', volunteerId: null });
      await pickedUp(parcel);
      const qr = (await resident.get(`/api/orders/${placed.id}/qr`).expect(200)).body as OrderQrView;
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/deliver`, { code: qr.token }).expect(200);
      expect(((await resident.get(`/api/orders/${placed.id}`).expect(200)).body as OrderView).state).toBe('DELIVERED');
    });

    it('a parcel a volunteer is carrying cannot be cancelled; one still at the supply point can', async () => {
      const [resident, other] = (await t.residents(2)) as [Client, Client];
      const window = await openWindow();
      await order(resident, window);
      const placed = await order(other, window);
      const packed = await pack(staff, window);
      const waiting = packed.find((p) => p.householdId === placed.householdId) as ParcelView;
      const carried = packed.find((p) => p.householdId !== placed.householdId) as ParcelView;
      await pickedUp(carried);
      expect((await staff.post(`/api/staff/parcels/${carried.id}/cancel`, { reason: '不要了' }).expect(409)).body.code).toBe(
        'INVALID_TRANSITION',
      );
      // Not yet handed out (every item short at the sorting line, say): staff cancel it with a reason.
      await volunteer.post(`/api/staff/parcels/${waiting.id}/cancel`, { reason: '全部缺货' }).expect(403);
      const cancelled = (await staff.post(`/api/staff/parcels/${waiting.id}/cancel`, { reason: '全部缺货' }).expect(200))
        .body as ParcelView;
      expect(cancelled).toMatchObject({ state: 'CANCELLED', actions: [] });
      const seen = (await other.get(`/api/orders/${placed.id}`).expect(200)).body as OrderView;
      expect(seen).toMatchObject({ state: 'CANCELLED', cancelReason: '全部缺货' });
      // The carried one's way out: it fails at the door, comes back, and is cancelled then.
      await volunteer.post(`/api/volunteer/tasks/${carried.id}/fail`, { reason: 'isolation' }).expect(200);
      await staff.post(`/api/staff/parcels/${carried.id}/resolve`, { to: 'RETURNED' }).expect(200);
      await staff.post(`/api/staff/parcels/${carried.id}/cancel`, { reason: '住户已转移隔离' }).expect(200);
    });
  });

  describe('medicine', () => {
    let resident: Client;
    let other: PharmacyView;

    beforeAll(async () => {
      [resident] = (await t.residents(1)) as [Client];
      other = (
        await staff
          .post('/api/staff/pharmacies', {
            name: '益丰大药房',
            address: '包河大道 1 号',
            hours: '全天',
            defaultFor: [],
            paymentMode: 'cod',
          })
          .expect(201)
      ).body as PharmacyView;
    });

    async function confirmed(): Promise<MedicineRequestView> {
      const req = (
        await resident
          .post('/api/medicine-requests', {
            items: [{ name: '布洛芬缓释胶囊', quantity: 1, brand: 'any', prescription: false }],
            urgency: 'normal',
          })
          .expect(201)
      ).body as MedicineRequestView;
      const quoted = (
        await pharmacist
          .post(`/api/pharmacy/requests/${req.id}/quote`, { items: [{ itemId: req.items[0]?.id, status: 'in_stock', unitPriceFen: 1500 }] })
          .expect(200)
      ).body as MedicineRequestView;
      const accepted = (await resident.post(`/api/medicine-requests/${req.id}/accept`, { itemIds: [quoted.items[0]?.id] }).expect(200))
        .body as MedicineRequestView;
      expect(accepted.state).toBe('CONFIRMED');
      return accepted;
    }

    it('the household may cancel a confirmed request before it is bought', async () => {
      const req = await confirmed();
      expect(req.actions).toEqual(['CANCELLED']);
      const cancelled = (await resident.post(`/api/medicine-requests/${req.id}/cancel`).expect(200)).body as MedicineRequestView;
      expect(cancelled.state).toBe('CANCELLED');
      expect((await pharmacist.post(`/api/pharmacy/requests/${req.id}/purchase`, { receiptFileId: 1 }).expect(409)).body.code).toBe(
        'INVALID_TRANSITION',
      );
    });

    it('the pharmacy that cannot buy says why, and staff hand it to another pharmacy as a fresh request', async () => {
      const req = await confirmed();
      await resident.post(`/api/pharmacy/requests/${req.id}/cannot-buy`, { reason: '缺货' }).expect(403);
      const given = (await pharmacist.post(`/api/pharmacy/requests/${req.id}/cannot-buy`, { reason: '厂家停产，进不到货' }).expect(200))
        .body as MedicineRequestView;
      expect(given).toMatchObject({ state: 'CANNOT_BUY', cannotBuyReason: '厂家停产，进不到货' });
      const seen = (await resident.get(`/api/medicine-requests/${req.id}`).expect(200)).body as MedicineRequestView;
      expect(seen).toMatchObject({ state: 'CANNOT_BUY', cannotBuyReason: '厂家停产，进不到货', actions: ['CANCELLED'] });
      const moved = (await staff.post(`/api/staff/medicine-requests/${req.id}/move`, { pharmacyId: other.id }).expect(200))
        .body as MedicineRequestView;
      expect(moved).toMatchObject({ state: 'SUBMITTED', pharmacy: { id: other.id }, repeatOf: req.id, householdId: req.householdId });
      expect(moved.items.map((i) => i.name)).toEqual(['布洛芬缓释胶囊']);
      const closed = (await resident.get(`/api/medicine-requests/${req.id}`).expect(200)).body as MedicineRequestView;
      expect(closed).toMatchObject({ state: 'CANCELLED', cancelReason: '转给益丰大药房', movedTo: moved.id });
    });

    it('a medicine parcel is handed over by the door code and rated like any other', async () => {
      const req = await confirmed();
      const png = new PNG({ width: 6, height: 6 });
      png.data.fill(120);
      const receipt = (await pharmacist.upload('/api/files', PNG.sync.write(png), 'r.png', { purpose: 'receipt' }).expect(201)).body as {
        id: number;
      };
      const bought = (await pharmacist.post(`/api/pharmacy/requests/${req.id}/purchase`, { receiptFileId: receipt.id }).expect(200))
        .body as MedicineRequestView;
      const parcel = ((await staff.get(`/api/staff/parcels?batch=medicine:${req.id}`).expect(200)).body as Page<ParcelView>)
        .items[0] as ParcelView;
      expect(bought.parcel?.id).toBe(parcel.id);
      const task = await pickedUp(parcel);
      expect(task).toMatchObject({ contents: '药品', cashDueFen: 1500, cashCollected: false });
      const [neighbour] = await t.residents(1);
      await (neighbour as Client).get(`/api/parcels/${parcel.id}/qr`).expect(404);
      const code = (await resident.get(`/api/parcels/${parcel.id}/qr`).expect(200)).body as OrderQrView;
      expect(code.image.startsWith('data:image/png;base64,')).toBe(true);
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/deliver`, { code: code.token }).expect(200);
      await t.app.get(OutboxWorker).runOnce();
      const done = (await resident.get(`/api/medicine-requests/${req.id}`).expect(200)).body as MedicineRequestView;
      expect(done).toMatchObject({ state: 'DELIVERED', parcel: { state: 'DELIVERED' } });
      await resident.post(`/api/parcels/${parcel.id}/rating`, { stars: 5, comment: '药送得很及时' }).expect(200);
    });
  });

  describe('at the door', () => {
    let resident: Client;
    let parcel: ParcelView;
    let placed: OrderView;

    beforeAll(async () => {
      [resident] = (await t.residents(1)) as [Client];
      const window = await openWindow();
      placed = await order(resident, window, 2);
      [parcel] = (await pack(staff, window)) as [ParcelView];
    });

    it('the volunteer calls the household’s real number only while the parcel is on its way, and it is audited', async () => {
      await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId }).expect(200);
      expect((await volunteer.post(`/api/volunteer/tasks/${parcel.id}/phone`).expect(409)).body.code).toBe('PHONE_NOT_AVAILABLE');
      const assigned = ((await volunteer.get('/api/volunteer/tasks').expect(200)).body as ParcelTaskView[]).find((p) => p.id === parcel.id);
      expect(assigned?.canCall).toBe(false);
      const task = (await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200)).body as ParcelTaskView;
      expect(task.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(task.canCall).toBe(true);
      const [contact] = (await t.db.query(`SELECT contact_phone AS phone FROM households WHERE id = ${parcel.householdId}`)) as {
        phone: string;
      }[];
      const real = (await volunteer.post(`/api/volunteer/tasks/${parcel.id}/phone`).expect(200)).body as TaskPhoneView;
      expect(real.phone).toBe(contact?.phone);
      await resident.post(`/api/volunteer/tasks/${parcel.id}/phone`).expect(403);
      const audit = (await t.db.query(
        `SELECT actor_user_id AS who FROM audit_logs WHERE action = 'parcel.phone' AND target_id = '${parcel.id}'`,
      )) as {
        who: number;
      }[];
      expect(audit.map((a) => Number(a.who))).toEqual([volunteerId]);
    });

    it('shows the cash to collect; 已收款 is recorded once, and staff reconcile it per volunteer', async () => {
      const before = ((await volunteer.get('/api/volunteer/tasks').expect(200)).body as ParcelTaskView[]).find((p) => p.id === parcel.id);
      expect(before).toMatchObject({ cashDueFen: placed.totalFen, cashCollected: false, canCollect: false });
      expect((await volunteer.post(`/api/volunteer/tasks/${parcel.id}/collect`).expect(409)).body.code).toBe('INVALID_TRANSITION');
      const picked = (await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200)).body as ParcelTaskView;
      expect(picked).toMatchObject({ canCollect: true, canCall: true });
      const inHand = ((await staff.get('/api/staff/parcels/cash').expect(200)).body as CashRow[]).find(
        (r) => r.volunteerId === volunteerId,
      );
      expect(inHand).toMatchObject({ inHandFen: placed.totalFen, inHandParcels: 1, collectedFen: 0 });
      await resident.post(`/api/volunteer/tasks/${parcel.id}/collect`).expect(403);
      const collected = (await volunteer.post(`/api/volunteer/tasks/${parcel.id}/collect`).expect(200)).body as ParcelTaskView;
      expect(collected).toMatchObject({ cashDueFen: placed.totalFen, cashCollected: true, canCollect: false });
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/collect`).expect(200);
      const qr = (await resident.get(`/api/orders/${placed.id}/qr`).expect(200)).body as OrderQrView;
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/deliver`, { code: qr.token }).expect(200);
      const rows = (await staff.get('/api/staff/parcels/cash').expect(200)).body as CashRow[];
      expect(rows.find((r) => r.volunteerId === volunteerId)).toMatchObject({
        collectedFen: placed.totalFen,
        collectedParcels: 1,
        inHandFen: 0,
      });
      await volunteer.get('/api/staff/parcels/cash').expect(403);
      const audit = (await t.db.query(
        `SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'parcel.cash' AND target_id = '${parcel.id}'`,
      )) as {
        n: number | string;
      }[];
      expect(Number(audit[0]?.n)).toBe(1);
    });

    it('cash a volunteer took stays on their reconciliation when the parcel fails afterwards', async () => {
      const [household] = (await t.residents(1)) as [Client];
      const window = await openWindow();
      const placed = await order(household, window);
      const [parcel] = (await pack(staff, window)) as [ParcelView];
      const before = ((await staff.get('/api/staff/parcels/cash').expect(200)).body as CashRow[]).find(
        (r) => r.volunteerId === volunteerId,
      );
      await pickedUp(parcel);
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/collect`).expect(200);
      await volunteer.post(`/api/volunteer/tasks/${parcel.id}/fail`, { reason: 'refused' }).expect(200);
      await staff.post(`/api/staff/parcels/${parcel.id}/resolve`, { to: 'READY' }).expect(200);
      const after = ((await staff.get('/api/staff/parcels/cash').expect(200)).body as CashRow[]).find((r) => r.volunteerId === volunteerId);
      expect((after?.collectedFen ?? 0) - (before?.collectedFen ?? 0)).toBe(placed.totalFen);
    });

    it('a free window has nothing to collect', async () => {
      const [household] = (await t.residents(1)) as [Client];
      const window = await openWindow({ paymentMode: 'free' });
      await order(household, window);
      const [free] = (await pack(staff, window)) as [ParcelView];
      const task = await pickedUp(free);
      expect(task).toMatchObject({ cashDueFen: 0, cashCollected: false });
      expect((await volunteer.post(`/api/volunteer/tasks/${free.id}/collect`).expect(409)).body.code).toBe('NOTHING_TO_COLLECT');
    });
  });

  it('dispatch writes an ASSIGNED event only for the parcels it moved', async () => {
    const [a, b] = (await t.residents(2)) as [Client, Client];
    const window = await openWindow();
    await order(a, window);
    await order(b, window);
    const [ready, grabbed] = (await pack(staff, window)) as [ParcelView, ParcelView];
    // A volunteer took one between dispatch's plan and its UPDATE.
    await staff.post(`/api/staff/parcels/${grabbed.id}/assign`, { volunteerId }).expect(200);
    await volunteer.post(`/api/volunteer/tasks/${grabbed.id}/accept`).expect(200);
    const [me] = (await t.db.query("SELECT id FROM users WHERE dev_key = 'staff'")) as { id: number }[];
    const actor = { userId: Number(me?.id), nickname: '', communityId: 1, roles: ['staff' as const], householdId: null };
    const plan = [ready, grabbed].map((p) => ({ id: p.id, volunteerId, householdId: p.householdId, firstSource: undefined }));
    const moved = await t.app.get(Db).transaction(() => t.app.get(ParcelFlow).dispatch(actor, plan));
    expect(moved).toBe(1);
    const events = (await t.db.query(
      `SELECT parcel_id AS id FROM parcel_events WHERE via = 'dispatch' AND parcel_id IN (${ready.id}, ${grabbed.id})`,
    )) as { id: number }[];
    expect(events.map((e) => Number(e.id))).toEqual([ready.id]);
  });

  it('a door binding tells the requester only the door and the state, not who lives there', async () => {
    const newcomer = await t.newResident('陌生人');
    const [h] = (await t.db.query(
      `SELECT h.building_id AS buildingId, h.unit AS unit, h.room AS room FROM households h WHERE h.contact_name IS NOT NULL ORDER BY h.id LIMIT 1`,
    )) as { buildingId: number; unit: string; room: string }[];
    const asked = (
      await newcomer
        .post('/api/bindings', { buildingId: Number(h?.buildingId), unit: h?.unit, room: h?.room, name: '陌生人', phone: '13900001111' })
        .expect(201)
    ).body as BindingRequestView;
    expect(asked).toMatchObject({ state: 'PENDING', household: null, householdId: null, unit: h?.unit, room: h?.room });
    const me = (await newcomer.get('/api/me').expect(200)).body as MeResponse;
    expect(me.binding).toMatchObject({ household: null, householdId: null });
    const queue = (await staff.get('/api/staff/bindings?state=PENDING').expect(200)).body as BindingRequestView[];
    expect(queue.find((b) => b.id === asked.id)?.household).toMatchObject({
      headcount: expect.any(Number),
      contactName: expect.any(String),
    });
    await newcomer.post(`/api/bindings/${asked.id}/cancel`).expect(200);
  });

  it('two staff changing a paused window at once: a closed window never ends open', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const window = await openWindow();
      await staff.post(`/api/staff/windows/${window.id}/status`, { status: 'PAUSED' }).expect(200);
      const [close, resume] = await Promise.all([
        staff.post(`/api/staff/windows/${window.id}/status`, { status: 'CLOSED' }),
        staff.post(`/api/staff/windows/${window.id}/status`, { status: 'ACTIVE' }),
      ]);
      expect([close.status, resume.status].every((s) => s === 200 || s === 409)).toBe(true);
      if (resume.status === 409) expect(resume.body.code).toBe('INVALID_TRANSITION');
      const after = ((await staff.get('/api/staff/windows').expect(200)).body as WindowView[]).find((w) => w.id === window.id);
      // Told "closed" means closed: ACTIVE may only have come first.
      if (close.status === 200) expect(after?.phase).toBe('CLOSED');
      else expect(after?.phase).toBe('OPEN');
    }
  });

  it('a scan replayed late cannot use a code that expired before the server got it, nor predate the parcel', async () => {
    const [resident] = (await t.residents(1)) as [Client];
    const window = await openWindow();
    await order(resident, window);
    const [parcel] = (await pack(staff, window)) as [ParcelView];
    await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId }).expect(200);
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
    const acceptedAt = t.clock.now().getTime();
    // A scan "made" before the volunteer even accepted it is recorded at the acceptance.
    await volunteer
      .post('/api/volunteer/scan/pickup', { code: parcel.labelToken, scannedAt: new Date(acceptedAt - 10 * 60_000).toISOString() })
      .expect(200);
    const [event] = (await t.db.query(`SELECT at FROM parcel_events WHERE parcel_id = ${parcel.id} AND to_state = 'PICKED_UP'`)) as {
      at: string | Date;
    }[];
    const at = event?.at ?? '';
    expect(new Date(typeof at === 'string' && !at.endsWith('Z') ? `${at.replace(' ', 'T')}Z` : at).getTime()).toBe(acceptedAt);

    // Labels live 14 days. Two hours after that, a scan claiming to be from before the expiry is refused.
    const [late] = (await t.residents(1)) as [Client];
    await order(late, window);
    const [fresh] = (await pack(staff, window)).filter((p) => p.state === 'READY') as [ParcelView];
    await staff.post(`/api/staff/parcels/${fresh.id}/assign`, { volunteerId }).expect(200);
    await volunteer.post(`/api/volunteer/tasks/${fresh.id}/accept`).expect(200);
    t.clock.advance(14 * 24 * HOUR + 2 * HOUR);
    const claimed = new Date(t.clock.now().getTime() - 3 * HOUR).toISOString();
    const loggedInAgain = await t.login('volunteer');
    const refused = await loggedInAgain.post('/api/volunteer/scan/pickup', { code: fresh.labelToken, scannedAt: claimed }).expect(400);
    expect(refused.body.code).toBe('QR_EXPIRED');
  });
});
