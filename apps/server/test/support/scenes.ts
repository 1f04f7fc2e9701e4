import type { ItemView, OrderView, Page, ParcelView, SupplierView, WindowView } from '@linli/shared-types';
import type { Client, TestApp } from './test-app';

/**
 * A scene many delivery tests start from: staff open a cash-on-delivery window with one package,
 * each resident orders one (a resident listed twice orders twice), staff pack it. Returns the window, the orders and the parcels.
 */
export async function packedWindow(
  t: TestApp,
  staff: Client,
  residents: Client[],
): Promise<{ window: WindowView; item: ItemView; orders: OrderView[]; parcels: ParcelView[] }> {
  const supplier = (await staff.post('/api/staff/suppliers', { name: '合家福超市' }).expect(201)).body as SupplierView;
  const item = (
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
  const now = t.clock.now().getTime();
  const window = (
    await staff
      .post('/api/staff/windows', {
        title: '第二批',
        mode: 'fcfs',
        paymentMode: 'cod',
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 3_600_000).toISOString(),
        deliveryDate: new Date(now + 2 * 86_400_000).toISOString().slice(0, 10),
        items: [{ itemId: item.id, stock: 100 }],
      })
      .expect(201)
  ).body as WindowView;
  const orders: OrderView[] = [];
  for (const r of residents) {
    orders.push(
      (await r.post('/api/orders', { windowId: window.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(201)).body as OrderView,
    );
  }
  return { window, item, orders, parcels: await pack(staff, window) };
}

/** Staff pack the window: its orders become parcels. */
export async function pack(staff: Client, window: WindowView): Promise<ParcelView[]> {
  await staff.post(`/api/staff/windows/${window.id}/pack`).expect(200);
  return ((await staff.get(`/api/staff/parcels?batch=window:${window.id}`).expect(200)).body as Page<ParcelView>).items;
}
