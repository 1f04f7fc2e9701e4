import type { BuildingView, ItemView, MeResponse, OrderQrView, OrderView, SupplierView, WindowView } from '@linli/shared-types';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { QrTokens } from '../src/common/qr-token';
import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import type { Client } from './support/test-app';
import { TestApp } from './support/test-app';

const HOUR = 3600 * 1000;

/** Binary bodies (xlsx, pdf) as a Buffer. */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Every sheet of a workbook as rows of cell texts. */
async function readSheets(buffer: Buffer): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets: Record<string, string[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    sheets[sheet.name] = rows;
  }
  return sheets;
}

/** Ordering windows and supply orders: the rush must never oversell nor order twice. */
describe('supply orders', () => {
  let t: TestApp;
  let staff: Client;
  let supplier: SupplierView;
  let rice: ItemView;
  let veg: ItemView;
  let buildings: BuildingView[];

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    supplier = (
      await staff.post('/api/staff/suppliers', { name: '合家福超市', contactName: '周经理', contactPhone: '13800550001' }).expect(201)
    ).body as SupplierView;
    rice = (
      await staff
        .post('/api/staff/items', {
          kind: 'package',
          name: '米面油套餐',
          contents: [
            { name: '大米', quantity: '10斤' },
            { name: '挂面', quantity: '2斤' },
            { name: '菜籽油', quantity: '1桶' },
          ],
          priceFen: 8800,
          limitPerHousehold: 2,
          supplierId: supplier.id,
        })
        .expect(201)
    ).body as ItemView;
    veg = (
      await staff
        .post('/api/staff/items', {
          kind: 'essential',
          name: '鸡蛋',
          contents: [{ name: '鸡蛋', quantity: '30枚' }],
          priceFen: 2500,
          limitPerHousehold: 3,
          supplierId: supplier.id,
        })
        .expect(201)
    ).body as ItemView;
    buildings = (await staff.get('/api/community/buildings').expect(200)).body as BuildingView[];
  });
  afterAll(async () => {
    await t.close();
  });

  /** A window open now (by the test clock) for two hours. */
  async function openWindow(extra: object = {}, stock = { rice: 100, veg: 100 }): Promise<WindowView> {
    const now = t.clock.now().getTime();
    const body = {
      title: '第一批 生活物资',
      mode: 'fcfs',
      paymentMode: 'cod',
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 2 * HOUR).toISOString(),
      deliveryDate: '2022-04-26',
      items: [
        { itemId: rice.id, stock: stock.rice },
        { itemId: veg.id, stock: stock.veg },
      ],
      ...extra,
    };
    return (await staff.post('/api/staff/windows', body).expect(201)).body as WindowView;
  }

  const stockOf = async (windowId: number, itemId: number): Promise<number> => {
    const w = (await staff.get(`/api/windows/${windowId}`).expect(200)).body as WindowView;
    return w.items.find((i) => i.itemId === itemId)?.stock ?? -1;
  };

  it('a resident sees the open window with contents and stock, orders, and finds the order in 「我的订单」', async () => {
    const w = await openWindow();
    const [resident] = (await t.residents(1)) as [Client];
    const visible = (await resident.get('/api/windows').expect(200)).body as WindowView[];
    const mine = visible.find((v) => v.id === w.id) as WindowView;
    expect(mine.phase).toBe('OPEN');
    expect(mine.items[0]).toMatchObject({
      name: '米面油套餐',
      priceFen: 8800,
      stock: 100,
      contents: [
        { name: '大米', quantity: '10斤' },
        { name: '挂面', quantity: '2斤' },
        { name: '菜籽油', quantity: '1桶' },
      ],
    });

    const order = (
      await resident
        .post('/api/orders', {
          windowId: w.id,
          lines: [
            { itemId: rice.id, quantity: 1 },
            { itemId: veg.id, quantity: 2 },
            { itemId: rice.id, quantity: 1 },
          ],
          note: '放门口',
        })
        .expect(201)
    ).body as OrderView;
    expect(order).toMatchObject({
      state: 'CONFIRMED',
      paymentMode: 'cod',
      totalFen: 2 * 8800 + 2 * 2500,
      note: '放门口',
      actions: ['CANCELLED'],
    });
    expect(order.lines).toEqual([
      { itemId: rice.id, name: '米面油套餐', quantity: 2, unitPriceFen: 8800, amountFen: 17600 },
      { itemId: veg.id, name: '鸡蛋', quantity: 2, unitPriceFen: 2500, amountFen: 5000 },
    ]);
    expect(order.placedBy.proxy).toBe(false);
    const list = (await resident.get('/api/orders/mine').expect(200)).body as OrderView[];
    expect(list.map((o) => o.id)).toEqual([order.id]);
    expect(await stockOf(w.id, rice.id)).toBe(98);
  });

  it('200 households racing for 50 packages: exactly 50 orders, stock 0, the rest sold out', async () => {
    const w = await openWindow({}, { rice: 50, veg: 10 });
    const residents = await t.residents(200);
    const before = await t.count('orders');
    const answers = await Promise.all(
      residents.map((r) => r.post('/api/orders', { windowId: w.id, lines: [{ itemId: rice.id, quantity: 1 }] })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused).toHaveLength(150);
    expect(new Set(refused.map((a) => `${a.status} ${a.body.code}`))).toEqual(new Set(['409 OUT_OF_STOCK']));
    expect(refused[0]?.body.message).toBe('已经抢光了，下次早点来');
    expect(await stockOf(w.id, rice.id)).toBe(0);
    expect(await t.count('orders')).toBe(before + 50);
    // Stock is taken by the command's last statement, after its answer was stored: a sold-out
    // order leaves no answer, order or message behind, and its retry replays the refusal.
    const [late] = (await t.residents(1)) as [Client];
    const messages = await t.count('messages');
    const key = randomUUID();
    const soldOut = { windowId: w.id, lines: [{ itemId: rice.id, quantity: 1 }] };
    expect((await late.post('/api/orders', soldOut, key).expect(409)).body.code).toBe('OUT_OF_STOCK');
    const replayed = await late.post('/api/orders', soldOut, key).expect(409);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body.code).toBe('OUT_OF_STOCK');
    expect(((await late.get('/api/orders/mine').expect(200)).body as OrderView[]).length).toBe(0);
    expect(await t.count('messages')).toBe(messages);
    expect(await t.count('orders')).toBe(before + 50);
    const stats = (await staff.get(`/api/staff/windows/${w.id}/stats`).expect(200)).body as {
      activeOrders: number;
      items: { stock: number; sold: number }[];
    };
    expect(stats.activeOrders).toBe(50);
    expect(stats.items[0]).toMatchObject({ stock: 0, sold: 50 });
  });

  it('two members of one household ordering at the same second cannot pass the household limit', async () => {
    const w = await openWindow();
    const [first] = (await t.residents(1)) as [Client];
    const me = (await first.get('/api/me').expect(200)).body as MeResponse;
    const members = [first, ...(await t.residents(3, me.household?.id))];
    const answers = await Promise.all(
      members.map((m) => m.post('/api/orders', { windowId: w.id, lines: [{ itemId: rice.id, quantity: 1 }] })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(['HOUSEHOLD_LIMIT', 'HOUSEHOLD_LIMIT']);
    expect(await stockOf(w.id, rice.id)).toBe(98);
    const over = await first.post('/api/orders', { windowId: w.id, lines: [{ itemId: veg.id, quantity: 4 }] }).expect(409);
    expect(over.body).toMatchObject({ code: 'HOUSEHOLD_LIMIT', message: '您家本批次已经买到上限了', details: { name: '鸡蛋', limit: 3 } });
  });

  it('a retried order with the same Idempotency-Key is one order', async () => {
    const w = await openWindow();
    const [resident] = (await t.residents(1)) as [Client];
    const key = randomUUID();
    const body = { windowId: w.id, lines: [{ itemId: veg.id, quantity: 1 }] };
    const answers = await Promise.all([
      resident.post('/api/orders', body, key),
      resident.post('/api/orders', body, key),
      resident.post('/api/orders', body, key),
    ]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => (a.body as OrderView).id)).size).toBe(1);
    expect(((await resident.get('/api/orders/mine').expect(200)).body as OrderView[]).length).toBe(1);
    expect(await stockOf(w.id, veg.id)).toBe(99);
  });

  it('a retry that would now meet the household limit its first run took gets the first answer, not a refusal', async () => {
    const w = await openWindow();
    const [resident] = (await t.residents(1)) as [Client];
    const key = randomUUID();
    // The whole limit in one order: any second run of it is over the limit.
    const body = { windowId: w.id, lines: [{ itemId: rice.id, quantity: 2 }] };
    const twins = await Promise.all([resident.post('/api/orders', body, key), resident.post('/api/orders', body, key)]);
    expect(twins.map((a) => a.status)).toEqual([201, 201]);
    expect((twins[0]?.body as OrderView).id).toBe((twins[1]?.body as OrderView).id);
    // The answer was lost on the way: the app sends the same request again, later.
    const retry = await resident.post('/api/orders', body, key).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((retry.body as OrderView).id).toBe((twins[0]?.body as OrderView).id);
    expect(((await resident.get('/api/orders/mine').expect(200)).body as OrderView[]).length).toBe(1);
    expect(await stockOf(w.id, rice.id)).toBe(98);
    // A new request (a new key) is refused for the limit, as it should be.
    expect((await resident.post('/api/orders', body).expect(409)).body.code).toBe('HOUSEHOLD_LIMIT');
  });

  it('refuses with a clear reason: upcoming, paused, closed by the clock, closed early, not your zone', async () => {
    const [resident] = (await t.residents(1)) as [Client];
    const me = (await resident.get('/api/me').expect(200)).body as MeResponse;
    const line = { lines: [{ itemId: veg.id, quantity: 1 }] };
    const now = t.clock.now().getTime();
    const later = await openWindow({ opensAt: new Date(now + HOUR).toISOString() });
    expect((await resident.post('/api/orders', { windowId: later.id, ...line }).expect(409)).body).toMatchObject({
      code: 'WINDOW_NOT_OPEN',
      message: '订购还没有开始，请到时间再来',
    });

    const w = await openWindow();
    await staff.post(`/api/staff/windows/${w.id}/status`, { status: 'PAUSED' }).expect(200);
    expect((await resident.post('/api/orders', { windowId: w.id, ...line }).expect(409)).body.code).toBe('WINDOW_PAUSED');
    await staff.post(`/api/staff/windows/${w.id}/status`, { status: 'ACTIVE' }).expect(200);
    await resident.post('/api/orders', { windowId: w.id, ...line }).expect(201);

    t.clock.advance(3 * HOUR);
    try {
      expect((await resident.post('/api/orders', { windowId: w.id, ...line }).expect(409)).body).toMatchObject({
        code: 'WINDOW_CLOSED',
        message: '本批次订购已经结束',
      });
    } finally {
      t.clock.advance(-3 * HOUR);
    }
    await staff.post(`/api/staff/windows/${w.id}/status`, { status: 'CLOSED' }).expect(200);
    expect((await resident.post('/api/orders', { windowId: w.id, ...line }).expect(409)).body.code).toBe('WINDOW_CLOSED');
    expect((await staff.post(`/api/staff/windows/${w.id}/status`, { status: 'ACTIVE' }).expect(409)).body.code).toBe('INVALID_TRANSITION');
    // The early close never removes an order already confirmed.
    expect(((await resident.get('/api/orders/mine').expect(200)).body as OrderView[])[0]?.state).toBe('CONFIRMED');

    const other = buildings.find((b) => b.id !== me.household?.buildingId) as BuildingView;
    const elsewhere = await openWindow({ buildingIds: [other.id] });
    expect((await resident.post('/api/orders', { windowId: elsewhere.id, ...line }).expect(403)).body).toMatchObject({
      code: 'NOT_YOUR_ZONE',
      message: '本批次不供应您所在的楼栋或片区',
    });
    const visible = (await resident.get('/api/windows').expect(200)).body as WindowView[];
    expect(visible.map((v) => v.id)).not.toContain(elsewhere.id);
  });

  it('a cap on orders closes the window by itself', async () => {
    const w = await openWindow({ maxOrders: 3 });
    const residents = await t.residents(5);
    const answers = await Promise.all(
      residents.map((r) => r.post('/api/orders', { windowId: w.id, lines: [{ itemId: veg.id, quantity: 1 }] })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(['WINDOW_FULL', 'WINDOW_FULL']);
    const view = (await staff.get(`/api/windows/${w.id}`).expect(200)).body as WindowView;
    expect(view).toMatchObject({ phase: 'CLOSED', orderCount: 3 });
    expect(await stockOf(w.id, veg.id)).toBe(97);
  });

  it('a per-building cap stops a building at its number of orders, other buildings go on', async () => {
    const w = await openWindow({ maxOrdersPerBuilding: 2 });
    const all = await t.residents(40);
    const buildingOf = new Map<Client, number>();
    for (const r of all) buildingOf.set(r, ((await r.get('/api/me').expect(200)).body as MeResponse).household?.buildingId ?? 0);
    const byBuilding = new Map<number, Client[]>();
    for (const r of all) byBuilding.set(buildingOf.get(r) ?? 0, [...(byBuilding.get(buildingOf.get(r) ?? 0) ?? []), r]);
    const [crowded, others] = [...byBuilding.values()].sort((a, b) => b.length - a.length) as [Client[], Client[]];
    expect(crowded.length).toBeGreaterThanOrEqual(4);
    const answers = await Promise.all(
      crowded.slice(0, 4).map((r) => r.post('/api/orders', { windowId: w.id, lines: [{ itemId: veg.id, quantity: 1 }] })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.message)).toEqual([
      '您所在楼栋本批次的名额已满',
      '您所在楼栋本批次的名额已满',
    ]);
    await (others[0] as Client).post('/api/orders', { windowId: w.id, lines: [{ itemId: veg.id, quantity: 1 }] }).expect(201);
    expect(await stockOf(w.id, veg.id)).toBe(97);
  });

  it('bad input is a 400 that changes nothing: unknown item, zero quantity, unknown field', async () => {
    const w = await openWindow();
    const [resident] = (await t.residents(1)) as [Client];
    const before = await t.count('orders');
    expect((await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: 99999, quantity: 1 }] }).expect(400)).body.code).toBe(
      'ITEM_NOT_IN_WINDOW',
    );
    const zero = await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: veg.id, quantity: 0 }] }).expect(400);
    expect(zero.body.details.fields['lines.0.quantity']).toBe('数量至少 1 份');
    await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: veg.id, quantity: 1 }], totalFen: 1 }).expect(400);
    await resident.post('/api/orders', { windowId: w.id, lines: [] }).expect(400);
    expect(await t.count('orders')).toBe(before);
    expect(await stockOf(w.id, veg.id)).toBe(100);
    const newcomer = await t.newResident();
    expect((await newcomer.post('/api/orders', { windowId: w.id, lines: [{ itemId: veg.id, quantity: 1 }] }).expect(409)).body.code).toBe(
      'NO_HOUSEHOLD',
    );
  });

  it('cancelling gives the stock and the household limit back; another household cannot see or cancel it', async () => {
    const w = await openWindow();
    const [resident, neighbour] = (await t.residents(2)) as [Client, Client];
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: rice.id, quantity: 2 }] }).expect(201))
      .body as OrderView;
    expect(await stockOf(w.id, rice.id)).toBe(98);
    expect((await neighbour.get(`/api/orders/${order.id}`).expect(404)).body.code).toBe('ORDER_NOT_FOUND');
    await neighbour.post(`/api/orders/${order.id}/cancel`).expect(404);
    const cancelled = (await resident.post(`/api/orders/${order.id}/cancel`).expect(200)).body as OrderView;
    expect(cancelled).toMatchObject({ state: 'CANCELLED', actions: [] });
    expect(await stockOf(w.id, rice.id)).toBe(100);
    expect((await resident.post(`/api/orders/${order.id}/cancel`).expect(409)).body.code).toBe('INVALID_TRANSITION');
    await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: rice.id, quantity: 2 }] }).expect(201);
  });

  it('staff order for a household without a smartphone; packing hands orders to delivery and ends cancelling', async () => {
    const w = await openWindow();
    const [resident] = (await t.residents(1)) as [Client];
    const me = (await resident.get('/api/me').expect(200)).body as MeResponse;
    const proxy = (
      await staff
        .post('/api/staff/orders', {
          householdId: me.household?.id,
          windowId: w.id,
          lines: [{ itemId: veg.id, quantity: 1 }],
          note: '老人无智能手机，电话代订',
        })
        .expect(201)
    ).body as OrderView;
    expect(proxy.placedBy).toMatchObject({ proxy: true, nickname: '陈晓燕（社区）' });
    expect(proxy.address).toBe(me.household?.address);
    const seen = (await resident.get('/api/orders/mine').expect(200)).body as OrderView[];
    expect(seen[0]?.placedBy.proxy).toBe(true);

    const packed = (await staff.post(`/api/staff/windows/${w.id}/pack`).expect(200)).body as { packed: number };
    expect(packed.packed).toBe(1);
    expect((await resident.post(`/api/orders/${proxy.id}/cancel`).expect(409)).body.code).toBe('INVALID_TRANSITION');
    expect(((await resident.get(`/api/orders/${proxy.id}`).expect(200)).body as OrderView).state).toBe('PACKED');
  });

  it('staff print pick lists (PDF, Excel) and export the orders; cancelled orders are left out', async () => {
    const w = await openWindow();
    const [a, b, c] = (await t.residents(3)) as [Client, Client, Client];
    await a.post('/api/orders', { windowId: w.id, lines: [{ itemId: rice.id, quantity: 2 }], note: '家中有老人，请敲门' }).expect(201);
    await b
      .post('/api/orders', {
        windowId: w.id,
        lines: [
          { itemId: rice.id, quantity: 1 },
          { itemId: veg.id, quantity: 2 },
        ],
      })
      .expect(201);
    const gone = (await c.post('/api/orders', { windowId: w.id, lines: [{ itemId: veg.id, quantity: 3 }] }).expect(201)).body as OrderView;
    await c.post(`/api/orders/${gone.id}/cancel`).expect(200);

    const xlsx = await staff.get(`/api/staff/windows/${w.id}/pick-lists.xlsx`).buffer(true).parse(binary).expect(200);
    const sheets = await readSheets(xlsx.body as Buffer);
    expect(sheets['供应商汇总']?.slice(1)).toEqual([
      ['供应商', '商品', '数量'],
      ['合家福超市', '米面油套餐', '3'],
      ['合家福超市', '鸡蛋', '2'],
    ]);
    const households = sheets['分楼分户'] ?? [];
    expect(households).toHaveLength(3);
    expect(households.some((r) => r[3] === '米面油套餐×2' && r[4] === '家中有老人，请敲门')).toBe(true);
    expect(households.some((r) => r[3] === '米面油套餐×1、鸡蛋×2')).toBe(true);

    const pdf = await staff.get(`/api/staff/windows/${w.id}/pick-lists.pdf`).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (pdf.body as Buffer).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const buildingsWithOrders = new Set(households.slice(1).map((r) => r[0])).size;
    expect(text.match(/\/Type \/Page\b/g)?.length).toBe(1 + buildingsWithOrders);

    const orders = await readSheets(
      (await staff.get(`/api/staff/windows/${w.id}/orders.xlsx`).buffer(true).parse(binary).expect(200)).body as Buffer,
    );
    expect(orders['订单']?.map((r) => r[2])).toEqual(['状态', '已下单', '已下单', '已取消']);

    const resident = await t.login('resident');
    await resident.get(`/api/staff/windows/${w.id}/pick-lists.pdf`).expect(403);
  });

  it('a confirmed order shows a decodable, signed hand-over QR; a cancelled one has none; a neighbour cannot get it', async () => {
    const w = await openWindow();
    const [resident, neighbour] = (await t.residents(2)) as [Client, Client];
    const order = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: veg.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    const qr = (await resident.get(`/api/orders/${order.id}/qr`).expect(200)).body as OrderQrView;
    expect(qr.token).toMatch(/^[A-Za-z0-9_-]{30}$/);
    expect(qr.token).not.toContain(String(order.id));
    expect(qr.image.startsWith('data:image/png;base64,')).toBe(true);
    const png = PNG.sync.read(Buffer.from(qr.image.slice('data:image/png;base64,'.length), 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(qr.token);
    expect(t.app.get(QrTokens).verify(qr.token, 'order', t.clock.now())).toBe(order.id);
    expect(new Date(qr.expiresAt).getTime()).toBeGreaterThan(t.clock.now().getTime());

    expect((await neighbour.get(`/api/orders/${order.id}/qr`).expect(404)).body.code).toBe('ORDER_NOT_FOUND');
    await resident.post(`/api/orders/${order.id}/cancel`).expect(200);
    expect((await resident.get(`/api/orders/${order.id}/qr`).expect(409)).body.code).toBe('ORDER_NOT_ACTIVE');
  });

  it('a WeChat Pay window needs WeChat Pay to be configured', async () => {
    const res = await staff
      .post('/api/staff/windows', {
        title: '微信支付批次',
        mode: 'fcfs',
        paymentMode: 'wechat',
        opensAt: new Date(t.clock.now().getTime()).toISOString(),
        closesAt: new Date(t.clock.now().getTime() + HOUR).toISOString(),
        deliveryDate: '2022-04-26',
        items: [{ itemId: rice.id, stock: 1 }],
      })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'PAYMENT_NOT_CONFIGURED', message: '本社区还没有开通微信支付，请选择货到付款或免费发放' });
  });

  it('editing an item changes new windows only; an open window keeps its price', async () => {
    const w = await openWindow();
    const egg = (
      await staff
        .post('/api/staff/items', {
          kind: 'essential',
          name: '土鸡蛋',
          contents: [{ name: '鸡蛋', quantity: '15枚' }],
          priceFen: 1800,
          limitPerHousehold: 2,
          supplierId: supplier.id,
        })
        .expect(201)
    ).body as ItemView;
    const edited = (
      await staff
        .patch(`/api/staff/items/${egg.id}`, {
          kind: 'essential',
          name: '土鸡蛋',
          contents: [{ name: '鸡蛋', quantity: '15枚' }],
          priceFen: 2000,
          limitPerHousehold: 1,
          supplierId: supplier.id,
        })
        .expect(200)
    ).body as ItemView;
    expect(edited).toMatchObject({ priceFen: 2000, limitPerHousehold: 1 });
    expect(
      ((await staff.get(`/api/windows/${w.id}`).expect(200)).body as WindowView).items.find((i) => i.itemId === rice.id)?.priceFen,
    ).toBe(8800);
    const renamed = (
      await staff.patch(`/api/staff/suppliers/${supplier.id}`, { name: '合家福超市（滨湖店）', contactPhone: '' }).expect(200)
    ).body as SupplierView;
    expect(renamed).toMatchObject({ name: '合家福超市（滨湖店）', contactPhone: null });
    const volunteer = await t.login('volunteer');
    await volunteer
      .patch(`/api/staff/items/${egg.id}`, {
        kind: 'essential',
        name: 'x',
        contents: [],
        priceFen: 1,
        limitPerHousehold: 1,
        supplierId: supplier.id,
      })
      .expect(403);
  });

  it('only staff manage the catalog and windows, or order by proxy', async () => {
    const volunteer = await t.login('volunteer');
    await volunteer.post('/api/staff/suppliers', { name: 'x' }).expect(403);
    await volunteer.get('/api/staff/windows').expect(403);
    const w = await openWindow();
    expect(
      (await volunteer.post('/api/staff/orders', { householdId: 1, windowId: w.id, lines: [{ itemId: veg.id, quantity: 1 }] }).expect(403))
        .body.code,
    ).toBe('FORBIDDEN');
    await volunteer.get(`/api/staff/windows/${w.id}/stats`).expect(403);
    const bad = await staff
      .post('/api/staff/windows', {
        title: '',
        mode: 'fcfs',
        paymentMode: 'cod',
        opensAt: 'soon',
        closesAt: 'later',
        deliveryDate: '4月26日',
        items: [],
      })
      .expect(400);
    expect(Object.keys(bad.body.details.fields as object).sort()).toEqual(['closesAt', 'deliveryDate', 'items', 'opensAt', 'title']);
  });
});
