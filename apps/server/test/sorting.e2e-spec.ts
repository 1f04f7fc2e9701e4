import type {
  BagView,
  BuildingBagsView,
  ItemView,
  MessageView,
  OrderView,
  Page,
  ParcelTaskView,
  ParcelView,
  SortingProgress,
  WindowView,
} from '@linli/shared-types';
import request from 'supertest';
import { refundNo, tradeNo } from '../src/modules/payments/payable';
import { RefundSweep } from '../src/modules/payments/refund-sweep';
import { FakeWechat } from './support/fake-wechat';
import { FakeWechatPay } from './support/fake-wechat-pay';
import { pack, packedWindow } from './support/scenes';
import type { Client, TestApp } from './support/test-app';
import { WechatScene } from './support/wechat-scene';

/**
 * The sorting line (issue 19): the packing squad works a packed window building by building,
 * reports what is short — the household is told and refunded for it once, a cash parcel asks
 * less at the door — and scans each complete bag ready; staff see the progress per building.
 */
describe('the sorting line', () => {
  let scene: WechatScene;
  let t: TestApp;
  let staff: Client;
  let item: ItemView;
  let sorter: Client;
  let sorterId: number;
  let outsider: Client;
  let a: Client;
  let b: Client;
  let w: WindowView;
  let orderA: OrderView;
  let orderB: OrderView;
  let parcels: ParcelView[];
  const wechat = new FakeWechat('wx-linli-sorting', 'app-secret');
  const pay = new FakeWechatPay('wx-linli-sorting');

  const notify = (n: { headers: Record<string, string>; body: string }): request.Test =>
    request(t.url).post('/api/payments/wechat/notify').set(n.headers).send(n.body);

  async function paidOrder(resident: Client, quantity: number): Promise<OrderView> {
    const placed = (await resident.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity }] }).expect(201))
      .body as OrderView;
    await resident.post(`/api/orders/${placed.id}/pay`).expect(200);
    await notify(pay.pay(tradeNo('order', placed.id), 'none', t.clock.now())).expect(204);
    return (await resident.get(`/api/orders/${placed.id}`).expect(200)).body as OrderView;
  }

  /** The building a parcel's bag is sorted in, from the line's progress. */
  async function buildingOf(windowId: number, parcelId: number): Promise<number> {
    const progress = (await staff.get(`/api/sorting/windows/${windowId}`).expect(200)).body as SortingProgress;
    for (const b of progress.buildings) {
      const view = (await staff.get(`/api/sorting/windows/${windowId}/buildings/${b.buildingId}`).expect(200)).body as BuildingBagsView;
      if (view.bags.some((x) => x.parcelId === parcelId)) return b.buildingId;
    }
    throw new Error(`parcel ${parcelId} is on no building of the line`);
  }

  const inbox = async (c: Client, kind: string): Promise<MessageView[]> =>
    ((await c.get('/api/messages').expect(200)).body as Page<MessageView>).items.filter((m) => m.kind === kind);

  beforeAll(async () => {
    scene = await WechatScene.boot(wechat, pay);
    ({ t, staff, item } = scene);
    sorterId = Number(((await t.db.query("SELECT id FROM users WHERE dev_key = 'volunteer'")) as { id: number }[])[0]?.id);
    sorter = await t.tokenFor(sorterId);
    outsider = await scene.wechatResident('openid-sorting-outsider');
    a = await scene.wechatResident('openid-sorting-a');
    b = await scene.wechatResident('openid-sorting-b');
    w = await scene.window();
    orderA = await paidOrder(a, 2);
    orderB = await paidOrder(b, 1);
    expect([orderA.state, orderB.state]).toEqual(['CONFIRMED', 'CONFIRMED']);
    parcels = await pack(staff, w);
  });
  afterAll(async () => {
    await scene.close();
  });

  const parcelOf = (o: OrderView): ParcelView => parcels.find((p) => p.householdId === o.householdId) as ParcelView;

  it('only staff and the sorting squad work the line', async () => {
    expect((await sorter.get(`/api/sorting/windows/${w.id}`).expect(403)).body.code).toBe('SORTING_NOT_ALLOWED');
    await outsider.get(`/api/sorting/windows/${w.id}`).expect(403);
    await staff.put(`/api/staff/volunteers/${sorterId}`, { buildingIds: [], capacity: 10, squad: 'sorting' }).expect(200);
    const progress = (await sorter.get(`/api/sorting/windows/${w.id}`).expect(200)).body as SortingProgress;
    expect(progress).toMatchObject({ windowId: w.id, bags: 2, ready: 0, short: 0 });
    expect(progress.buildings.reduce((n, x) => n + x.bags, 0)).toBe(2);
    await sorter.get('/api/sorting/windows/999999').expect(404);
  });

  it('a building’s bags list each line to check', async () => {
    const pa = parcelOf(orderA);
    const view = (await sorter.get(`/api/sorting/windows/${w.id}/buildings/${await buildingOf(w.id, pa.id)}`).expect(200))
      .body as BuildingBagsView;
    const bag = view.bags.find((x) => x.parcelId === pa.id) as BagView;
    expect(bag).toMatchObject({ state: 'WAITING', stateLabel: '待分拣', shortFen: 0, readyAt: null });
    expect(bag.lines).toEqual([expect.objectContaining({ orderId: orderA.id, name: '蔬菜包', quantity: 2, missing: 0 })]);
  });

  it('a shortage tells the household at once and owes the missing item back once', async () => {
    const pa = parcelOf(orderA);
    const pb = parcelOf(orderB);
    const lineOf = async (p: ParcelView): Promise<number> =>
      (
        (
          (await sorter.get(`/api/sorting/windows/${w.id}/buildings/${await buildingOf(w.id, p.id)}`).expect(200)).body as BuildingBagsView
        ).bags.find((x) => x.parcelId === p.id) as BagView
      ).lines[0]?.orderLineId as number;
    const lineA = await lineOf(pa);
    const lineB = await lineOf(pb);

    const bad = await sorter.post(`/api/sorting/parcels/${pa.id}/short`, { lines: [] }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(
      (await sorter.post(`/api/sorting/parcels/${pa.id}/short`, { lines: [{ orderLineId: lineB, missing: 1 }] }).expect(400)).body.code,
    ).toBe('SHORT_LINE_UNKNOWN');
    expect(
      (await sorter.post(`/api/sorting/parcels/${pb.id}/short`, { lines: [{ orderLineId: lineB, missing: 2 }] }).expect(400)).body,
    ).toMatchObject({
      code: 'SHORT_TOO_MANY',
      message: '缺的数量要在 1 和订购数量之间',
    });
    await outsider.post(`/api/sorting/parcels/${pa.id}/short`, { lines: [{ orderLineId: lineA, missing: 1 }] }).expect(403);

    const bag = (await sorter.post(`/api/sorting/parcels/${pa.id}/short`, { lines: [{ orderLineId: lineA, missing: 1 }] }).expect(200))
      .body as BagView;
    expect(bag.shortFen).toBe(3990);
    expect(bag.lines[0]).toMatchObject({ quantity: 2, missing: 1 });
    // Reported again (a second packer, a retry): nothing more is owed.
    expect(
      (await staff.post(`/api/sorting/parcels/${pa.id}/short`, { lines: [{ orderLineId: lineA, missing: 1 }] }).expect(409)).body.code,
    ).toBe('SHORT_ALREADY_REPORTED');
    const [told] = await inbox(a, 'order.short');
    expect(told).toMatchObject({ title: '有东西缺货', link: `/pages/order/index?id=${orderA.id}` });
    expect(told?.body).toBe('很抱歉，这次缺货：蔬菜包 1 份，¥39.90 会原路退回您的微信。其余的照常送到。');
    expect(await inbox(b, 'order.short')).toHaveLength(0);
    const seen = (await a.get(`/api/orders/${orderA.id}`).expect(200)).body as OrderView;
    expect(seen.shortages).toEqual([{ name: '蔬菜包', missing: 1, refundFen: 3990 }]);
    expect(seen.state).toBe('PACKED');

    // The refund sweep sends the part refund once, however often it runs.
    const sweep = t.app.get(RefundSweep);
    await sweep.runOnce();
    await sweep.runOnce();
    const partNo = `${refundNo('order', orderA.id)}_S${lineA}`;
    expect(pay.refunds.get(partNo)).toMatchObject({ outTradeNo: tradeNo('order', orderA.id), refund: 3990, total: 7980, asked: 1 });
    const done = pay.refunded(partNo, t.clock.now());
    await notify(done).expect(204);
    await notify(done).expect(204);
    const refunded = await inbox(a, 'order.refunded');
    expect(refunded).toHaveLength(1);
    expect(refunded[0]?.body).toContain('¥39.90');
    // The order is still paid and on its way.
    expect(((await a.get(`/api/orders/${orderA.id}`).expect(200)).body as OrderView).state).toBe('PACKED');
  });

  it('scanning a bag’s label marks it ready, once; staff see the line’s progress', async () => {
    const pa = parcelOf(orderA);
    const ready = (await sorter.post('/api/sorting/scan', { token: pa.labelToken }).expect(200)).body as BagView;
    expect(ready).toMatchObject({ parcelId: pa.id, state: 'READY', stateLabel: '已装好' });
    const again = (await sorter.post('/api/sorting/scan', { token: pa.labelToken }).expect(200)).body as BagView;
    expect(again.readyAt).toBe(ready.readyAt);
    expect((await sorter.post('/api/sorting/scan', { token: 'A'.repeat(30) }).expect(400)).body.code).toBe('QR_INVALID');
    const progress = (await staff.get(`/api/sorting/windows/${w.id}`).expect(200)).body as SortingProgress;
    expect(progress).toMatchObject({ bags: 2, ready: 1, short: 1 });
  });

  it('if the parcel later comes back and is cancelled, only the rest is refunded', async () => {
    const pa = parcelOf(orderA);
    const driver = await scene.devUser('volunteer');
    await staff
      .put(`/api/staff/volunteers/${sorterId}`, { buildingIds: [await buildingOf(w.id, pa.id)], capacity: 10, squad: 'delivery' })
      .expect(200);
    await staff.post(`/api/staff/parcels/${pa.id}/assign`, { volunteerId: sorterId }).expect(200);
    await driver.post(`/api/volunteer/tasks/${pa.id}/accept`).expect(200);
    await driver.post('/api/volunteer/scan/pickup', { code: pa.labelToken }).expect(200);
    // Gone from the line: nothing more can be reported short.
    await staff.post(`/api/sorting/parcels/${pa.id}/short`, { lines: [{ orderLineId: 1, missing: 1 }] }).expect(409);
    await driver.post(`/api/volunteer/tasks/${pa.id}/fail`, { reason: 'isolation' }).expect(200);
    await staff.post(`/api/staff/parcels/${pa.id}/resolve`, { to: 'RETURNED' }).expect(200);
    await staff.post(`/api/staff/parcels/${pa.id}/cancel`, { reason: '住户已被转运' }).expect(200);
    await t.app.get(RefundSweep).runOnce();
    expect(pay.refunds.get(refundNo('order', orderA.id))).toMatchObject({ refund: 3990, total: 7980 });
  });

  it('a cash parcel asks that much less at the door', async () => {
    const resident = await scene.wechatResident('openid-sorting-cash');
    const cash = await packedWindow(t, staff, [resident]);
    const parcel = cash.parcels[0] as ParcelView;
    const building = await buildingOf(cash.window.id, parcel.id);
    await staff.put(`/api/staff/volunteers/${sorterId}`, { buildingIds: [building], capacity: 10, squad: 'sorting' }).expect(200);
    const [bag] = ((await sorter.get(`/api/sorting/windows/${cash.window.id}/buildings/${building}`).expect(200)).body as BuildingBagsView)
      .bags;
    await sorter
      .post(`/api/sorting/parcels/${parcel.id}/short`, { lines: [{ orderLineId: bag?.lines[0]?.orderLineId, missing: 1 }] })
      .expect(200);
    const [told] = await inbox(resident, 'order.short');
    expect(told?.body).toBe('很抱歉，这次缺货：米面油套餐 1 份，送到时少收 ¥88.00。其余的照常送到。');
    await staff.post(`/api/staff/parcels/${parcel.id}/assign`, { volunteerId: sorterId }).expect(200);
    const task = (await sorter.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200)).body as ParcelTaskView;
    expect(task.cashDueFen).toBe(0);
  });
});
