/**
 * Every state has a way out (issue 12), in the h5 build served by the real server, in headless
 * Chromium on a phone-sized screen: the volunteer collects the cash of a pay-on-delivery parcel
 * and calls the household on its real number; staff give up a parcel that came back, and the
 * resident reads why on the order; staff ordering by phone in a WeChat Pay window must choose how
 * the household pays; the pharmacy cannot buy a confirmed request and the resident reads why; the
 * resident shows the 收货码 of a medicine parcel and rates its delivery. What is not under test is
 * set up through the API.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type {
  CashRow,
  HouseholdView,
  MedicineRequestBody,
  MedicineRequestView,
  OrderQrView,
  OrderView,
  Page,
  ParcelTaskView,
  ParcelView,
  WindowView,
} from '@linli/shared-types';
import {
  api,
  base,
  button,
  deliveryScene,
  devLogin,
  dispatchedParcelScene,
  exactly,
  loggedInPhone,
  measure,
  MIN_BUTTON_PX,
  MIN_FONT_PX,
  openWindowViaApi,
  packedOrder,
  paperPhoto,
  screenshot,
  uploadPhoto,
  useServerAndBrowser,
  type DeliveryScene,
  type WindowSetup,
} from './support';

useServerAndBrowser();

/** Volunteers carry things in one hand: their main buttons are bigger than the app's 44 px. */
const VOLUNTEER_BUTTON_PX = 56;

function codWindow(title: string, priceFen: number): WindowSetup {
  return {
    supplier: { name: '绿源蔬菜合作社', contactName: '李师傅' },
    item: { kind: 'package', name: '蔬菜套餐B', contents: [{ name: '土豆', quantity: '3斤' }], priceFen, limitPerHousehold: 2 },
    window: { title, mode: 'fcfs', paymentMode: 'cod' },
    hours: 4,
    stock: 10,
  };
}

/** 李志强 accepts the parcel and scans its label at the supply point (through the API). */
async function pickedUp(s: DeliveryScene, parcel: ParcelView): Promise<void> {
  await api<ParcelTaskView>('POST', `/volunteer/tasks/${parcel.id}/accept`, s.volunteer.token);
  await api<ParcelTaskView>('POST', '/volunteer/scan/pickup', s.volunteer.token, { code: parcel.labelToken });
}

it('the volunteer sees the cash to collect, taps 已收款, and calls the household on its real number', async () => {
  const s = await dispatchedParcelScene(codWindow('货到付款蔬菜', 3900));
  const { parcel, order } = s;
  expect(parcel).toMatchObject({ state: 'ASSIGNED', cashDueFen: 3900, cashCollected: false });
  const household = await api<HouseholdView>('GET', `/staff/households/${s.household.id}`, s.staff);
  if (!household.contactPhone) throw new Error('the demo household has no phone');

  // 李志强's tasks: the amount to collect, big, from the start; the number masked, no call yet.
  const vol = await loggedInPhone('volunteer');
  await vol.locator('#entry-volunteer').click();
  const due = vol.locator(`#task-${parcel.id}-cash-due`);
  await expect(due.innerText()).resolves.toBe('到门口收款 ¥39.00');
  expect((await measure(vol, `#task-${parcel.id}-cash-due`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await expect(vol.locator(`#task-${parcel.id}-collect`).count()).resolves.toBe(0);
  const masked = await vol.locator(`#task-${parcel.id}-phone`).innerText();
  expect(masked).toMatch(/^\d{3}\*{4}\d{4}$/);
  expect(masked).not.toBe(household.contactPhone);
  await expect(vol.locator(`#task-${parcel.id}-call`).count()).resolves.toBe(0);
  await screenshot(vol, 'w01-volunteer-cash-due');

  // 接单: now the card offers 拨打住户电话.
  await vol.locator(`#task-${parcel.id}-accept`).click();
  await vol.locator(`#task-${parcel.id}-state`).getByText('志愿者已接单').waitFor();
  const call = vol.locator(`#task-${parcel.id}-call`);
  await expect(call.innerText()).resolves.toBe('拨打住户电话');
  expect((await measure(vol, `#task-${parcel.id}-call`)).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  // Picked up at the supply point (the scan is not under test here): 已收款, big, under the thumb.
  await api<ParcelTaskView>('POST', '/volunteer/scan/pickup', s.volunteer.token, { code: parcel.labelToken });
  await vol.reload();
  const collect = vol.locator(`#task-${parcel.id}-collect`);
  await collect.waitFor();
  expect((await measure(vol, `#task-${parcel.id}-collect`)).height).toBeGreaterThanOrEqual(VOLUNTEER_BUTTON_PX);
  await screenshot(vol, 'w02-volunteer-collect');
  await collect.click();
  await expect(vol.locator(`#task-${parcel.id}-collected`).innerText()).resolves.toBe('已收款 ✓');
  await expect(collect.count()).resolves.toBe(0);
  await screenshot(vol, 'w03-volunteer-collected');
  const [task] = (await api<ParcelTaskView[]>('GET', '/volunteer/tasks', s.volunteer.token)).filter((t) => t.id === parcel.id);
  expect(task).toMatchObject({ state: 'PICKED_UP', cashCollected: true });

  // At the door: 拨打住户电话 asks the server for the real number and dials it (tel: in the browser).
  // Last on this page: headless Chromium leaves a page that navigated to tel: without answering clicks.
  await expect(call.innerText()).resolves.toBe('拨打住户电话');
  const asked = vol.waitForResponse((r) => r.url().endsWith(`/api/volunteer/tasks/${parcel.id}/phone`) && r.request().method() === 'POST');
  const dialled = vol.waitForEvent('request', (r) => r.url().startsWith('tel:'));
  await call.click();
  const answer = await asked;
  expect(answer.status()).toBe(200);
  await expect(answer.json()).resolves.toEqual({ phone: household.contactPhone });
  expect((await dialled).url()).toBe(`tel:${household.contactPhone}`);
  // The card still shows only the masked number.
  await expect(vol.locator(`#task-${parcel.id}-phone`).innerText()).resolves.toBe(masked);

  // Delivered with the order's code; staff's 代收货款对账 counts the cash under 李志强.
  const qr = await api<OrderQrView>('GET', `/orders/${order.id}/qr`, s.resident.token);
  await api('POST', `/volunteer/tasks/${parcel.id}/deliver`, s.volunteer.token, { code: qr.token });
  const rows = await api<CashRow[]>('GET', '/staff/parcels/cash', s.staff);
  const mine = rows.find((r) => r.volunteerId === s.volunteer.me.user.id);
  expect(mine?.collectedFen).toBeGreaterThanOrEqual(3900);
  const st = await loggedInPhone('staff');
  await st.locator('#entry-staff-cash').click();
  const row = st.locator(`#cash-${s.volunteer.me.user.id}`);
  await expect(row.innerText()).resolves.toContain('李志强');
  await expect(st.locator(`#cash-${s.volunteer.me.user.id}-collected`).innerText()).resolves.toBe(
    `¥${((mine?.collectedFen ?? 0) / 100).toFixed(2)}（${mine?.collectedParcels ?? 0} 件）`,
  );
  await st.locator('#cash-total').waitFor();
  expect((await measure(st, `#cash-${s.volunteer.me.user.id}-collected`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(st, 'w04-staff-cash');

  await st.context().close();
  await vol.context().close();
});

it('staff cancel a returned parcel with a reason, and the resident reads it on the order', async () => {
  const s = await dispatchedParcelScene(codWindow('退回的蔬菜', 2500));
  const { parcel, order } = s;
  // Nobody answered the door; staff took it back to the supply point (not under test here).
  await pickedUp(s, parcel);
  await api('POST', `/volunteer/tasks/${parcel.id}/fail`, s.volunteer.token, { reason: 'no-answer' });
  await api('POST', `/staff/parcels/${parcel.id}/resolve`, s.staff, { to: 'RETURNED' });

  const st = await loggedInPhone('staff');
  await st.locator('#entry-staff-parcels').click();
  const returnedFilter = st.locator('#parcel-filter-5', { hasText: '已退回 1' });
  await returnedFilter.waitFor();
  await returnedFilter.click();
  const card = st.locator(`#parcel-${parcel.id}`);
  await expect(st.locator(`#parcel-${parcel.id}-state`).innerText()).resolves.toBe('已退回');
  await expect(st.locator(`#parcel-${parcel.id}-retry`).innerText()).resolves.toBe('重新配送');
  for (const id of ['retry', 'cancel']) {
    expect((await measure(st, `#parcel-${parcel.id}-${id}`)).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  }
  await screenshot(st, 'w05-staff-returned');

  // 取消并退款: the reason the household reads; too short a one is refused in words.
  await st.locator(`#parcel-${parcel.id}-cancel`).click();
  const reasonBox = st.locator('#parcel-cancel-reason textarea');
  await reasonBox.fill('好');
  await st.locator('#dialog-confirm:visible').click();
  await st.locator('#parcel-cancel-error').waitFor();
  const reason = '多次上门无人应答，联系不上住户';
  await reasonBox.fill(reason);
  await screenshot(st, 'w06-staff-cancel-reason');
  await st.locator('#dialog-confirm:visible').click();
  await card.waitFor({ state: 'detached' });
  await st.locator('#parcel-filter-0').click();
  await st.locator(`#parcel-${parcel.id}-state`).getByText('已取消').waitFor();
  await expect(st.locator(`#parcel-${parcel.id}-cancel`).count()).resolves.toBe(0);
  await expect(st.locator(`#parcel-${parcel.id}-retry`).count()).resolves.toBe(0);

  const cancelled = await api<OrderView>('GET', `/orders/${order.id}`, s.resident.token);
  expect(cancelled).toMatchObject({ state: 'CANCELLED', cancelReason: reason });

  // 王秀兰 opens the order: cancelled by the community, and why.
  const res = await loggedInPhone('resident');
  await res.goto(`${base()}/#/pages/order/index?id=${order.id}`);
  await expect(res.locator('#order-state').innerText()).resolves.toBe('已取消');
  await res.locator('#order-cancelled').getByText('社区取消了这个订单').waitFor();
  await expect(res.locator('#order-cancel-reason').innerText()).resolves.toBe(`原因：${reason}`);
  expect((await measure(res, '#order-cancel-reason')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(res, 'w07-resident-order-cancel-reason');

  await res.context().close();
  await st.context().close();
});

it('a parcel still at the supply point (every item short) is cancelled with a reason, never sent out empty', async () => {
  const s = await deliveryScene();
  const { parcel, order } = await packedOrder(s, codWindow('全部缺货的蔬菜', 2600));
  const st = await loggedInPhone('staff');
  await st.locator('#entry-staff-parcels').click();
  await st.locator('#parcel-filter-1').click();
  const cancel = st.locator(`#parcel-${parcel.id}-cancel`);
  await expect(cancel.innerText()).resolves.toBe('不送了，取消并退款');
  expect((await measure(st, `#parcel-${parcel.id}-cancel`)).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await cancel.click();
  const reason = '供应商全部缺货，这次送不了';
  await st.locator('#parcel-cancel-reason textarea').fill(reason);
  await st.locator('#dialog-confirm:visible').click();
  await st.locator(`#parcel-${parcel.id}`).waitFor({ state: 'detached' });
  await st.locator('#parcel-filter-0').click();
  await st.locator(`#parcel-${parcel.id}-state`).getByText('已取消').waitFor();
  await expect(st.locator(`#parcel-${parcel.id}-assign`).count()).resolves.toBe(0);
  const cancelled = await api<OrderView>('GET', `/orders/${order.id}`, s.resident.token);
  expect(cancelled).toMatchObject({ state: 'CANCELLED', cancelReason: reason });
  await st.context().close();
});

it('staff ordering by phone in a WeChat Pay window must choose how the household pays', async () => {
  const s = await deliveryScene();
  const { item, win } = await openWindowViaApi(s.staff, codWindow('微信支付蔬菜', 4200));

  // A WeChat Pay window needs the server's WeChat Pay keys, which need WeChat's login, which turns
  // the demo login off: this server cannot have one. Staff's window list says this one is.
  const st = await loggedInPhone('staff');
  await st.route('**/api/staff/windows', async (route) => {
    const res = await route.fetch();
    const list = (await res.json()) as WindowView[];
    await route.fulfill({ response: res, json: list.map((w) => (w.id === win.id ? { ...w, paymentMode: 'wechat' } : w)) });
  });
  await st.goto(`${base()}/#/staff/proxy-order/index?windowId=${win.id}`);
  await st.locator('#proxy-find .choice', { hasText: exactly(s.household.building) }).click();
  await st.locator('#proxy-room input').fill(s.household.room);
  await button(st, '查找住户').click();
  await st.locator(`#proxy-household-${s.household.id}`).click();
  await st.locator(`#proxy-items #item-${item.id}-plus`).click();

  // Without a choice nothing is sent: it says what is missing.
  await st.locator('#proxy-payment').waitFor();
  await button(st, '确认代下单').click();
  await expect(st.locator('#proxy-payment-error').innerText()).resolves.toBe('请先选择付款方式');
  await expect(st.locator('.nut-dialog:visible').count()).resolves.toBe(0);
  for (const id of ['#proxy-payment-0', '#proxy-payment-1']) {
    const size = await measure(st, id);
    expect(size.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
    expect(size.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  }
  await expect(st.locator('#proxy-payment-0').innerText()).resolves.toBe('志愿者上门收现金');
  await expect(st.locator('#proxy-payment-1').innerText()).resolves.toBe('我用自己的微信代付');
  await screenshot(st, 'w08-proxy-payment-choice');

  // Cash at the door: the choice goes with the order.
  await st.locator('#proxy-payment-0').click();
  await button(st, '确认代下单').click();
  await st.locator('.nut-dialog').getByText('志愿者上门收现金', { exact: false }).waitFor();
  const sent = st.waitForRequest((r) => r.url().endsWith('/api/proxy/orders') && r.method() === 'POST');
  await st.locator('#dialog-confirm').click();
  expect((await sent).postDataJSON()).toMatchObject({ householdId: s.household.id, windowId: win.id, paymentMode: 'cod' });
  await st.locator('#proxy-placed').getByText('下单成功').waitFor();
  await expect(st.locator('#proxy-pay-button').count()).resolves.toBe(0);
  await expect(st.locator('#proxy-result').innerText()).resolves.toContain('货到付款');

  await st.context().close();
});

/** 王秀兰 asks for one medicine; the pharmacy quotes it in stock at ¥15.00 and she takes it (CONFIRMED). */
async function confirmedRequest(resident: string, pharmacist: string, name: string): Promise<MedicineRequestView> {
  const body: MedicineRequestBody = {
    items: [{ name, spec: '0.3g×20粒', quantity: 1, brand: 'any', prescription: false }],
    urgency: 'normal',
  };
  const req = await api<MedicineRequestView>('POST', '/medicine-requests', resident, body);
  const itemId = req.items[0]?.id;
  await api('POST', `/pharmacy/requests/${req.id}/quote`, pharmacist, { items: [{ itemId, status: 'in_stock', unitPriceFen: 1500 }] });
  const accepted = await api<MedicineRequestView>('POST', `/medicine-requests/${req.id}/accept`, resident, { itemIds: [itemId] });
  expect(accepted.state).toBe('CONFIRMED');
  return accepted;
}

it('the pharmacy cannot buy a confirmed request and says why; the resident reads it and may cancel', async () => {
  const resident = (await devLogin('resident')).token;
  const pharmacist = (await devLogin('pharmacist')).token;
  const req = await confirmedRequest(resident, pharmacist, '布洛芬缓释胶囊');

  const ph = await loggedInPhone('pharmacist');
  await ph.goto(`${base()}/#/pharmacy/request/index?id=${req.id}`);
  await ph.locator('#req-buy').waitFor();
  expect((await measure(ph, '#req-cannot-buy')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await ph.locator('#req-cannot-buy').click();
  await ph.locator('#cannot-buy-reason textarea').fill('缺');
  await ph.locator('#dialog-confirm:visible').click();
  await ph.locator('#cannot-buy-error').waitFor();
  const reason = '厂家停产，附近几家药房都没有货';
  await ph.locator('#cannot-buy-reason textarea').fill(reason);
  await screenshot(ph, 'w10-pharmacy-cannot-buy');
  await ph.locator('#dialog-confirm:visible').click();
  await expect(ph.locator('#req-cannot-buy-reason').innerText()).resolves.toBe(`原因：${reason}`);
  await expect(ph.locator('#req-state').innerText()).resolves.toBe('买不到，已交社区协调');
  await expect(ph.locator('#req-buy').count()).resolves.toBe(0);

  const given = await api<MedicineRequestView>('GET', `/medicine-requests/${req.id}`, resident);
  expect(given).toMatchObject({ state: 'CANNOT_BUY', cannotBuyReason: reason, actions: ['CANCELLED'] });

  // 王秀兰: the pharmacy's reason, what happens next, and 取消登记.
  const res = await loggedInPhone('resident');
  await res.goto(`${base()}/#/medicine/request/index?id=${req.id}`);
  await expect(res.locator('#medicine-state').innerText()).resolves.toBe('药房买不到，社区在协调');
  await expect(res.locator('#medicine-cannot-buy-reason').innerText()).resolves.toBe(`原因：${reason}`);
  expect((await measure(res, '#medicine-cannot-buy-reason')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(res, 'w11-resident-cannot-buy');
  await res.locator('#medicine-cancel').click();
  await res.locator('.nut-dialog').getByText('不再帮您找别的药房', { exact: false }).waitFor();
  await res.locator('#dialog-confirm:visible').click();
  await res.locator('#medicine-state').getByText('已取消').waitFor();
  await expect(res.locator('#medicine-cancel').count()).resolves.toBe(0);

  await res.context().close();
  await ph.context().close();
});

it('the resident shows the 收货码 of a medicine parcel, and rates its delivery', async () => {
  const s = await deliveryScene();
  const pharmacist = (await devLogin('pharmacist')).token;
  const req = await confirmedRequest(s.resident.token, pharmacist, '氨溴索口服液');
  const receipt = await uploadPhoto(pharmacist, 'receipt', paperPhoto(100, 140));
  const bought = await api<MedicineRequestView>('POST', `/pharmacy/requests/${req.id}/purchase`, pharmacist, { receiptFileId: receipt.id });
  if (!bought.parcel) throw new Error('a bought request becomes a parcel');
  const [parcel] = (await api<Page<ParcelView>>('GET', `/staff/parcels?batch=${encodeURIComponent(`medicine:${req.id}`)}`, s.staff)).items;
  if (!parcel) throw new Error(`no parcel for medicine request ${req.id}`);
  await api('POST', `/staff/parcels/${parcel.id}/assign`, s.staff, { volunteerId: s.volunteer.me.user.id });
  await pickedUp(s, parcel);

  // On its way: 收货码 opens the parcel's door code full screen.
  const res = await loggedInPhone('resident');
  await res.goto(`${base()}/#/medicine/request/index?id=${req.id}`);
  const open = res.locator('#medicine-door-code-open');
  await expect(open.innerText()).resolves.toBe('收货码');
  expect((await measure(res, '#medicine-door-code-open')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await screenshot(res, 'w12-resident-medicine-on-its-way');
  await open.click();
  const overlay = res.locator('#medicine-door-code-overlay');
  await overlay.waitFor();
  const img = res.locator('#medicine-door-code-overlay-image img');
  await expect(img.getAttribute('src')).resolves.toMatch(/^data:image\/png/);
  const box = await img.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(300);
  await expect(overlay.innerText()).resolves.toContain('有效期至');
  await screenshot(res, 'w13-resident-door-code');
  await overlay.click();
  await overlay.waitFor({ state: 'detached' });

  // The volunteer scans it at the door (the code the server gives the household).
  const code = await api<OrderQrView>('GET', `/parcels/${parcel.id}/qr`, s.resident.token);
  await api('POST', `/volunteer/tasks/${parcel.id}/deliver`, s.volunteer.token, { code: code.token });

  // Delivered: no code any more; she rates the delivery.
  const deadline = Date.now() + 20_000;
  for (;;) {
    await res.reload();
    await res.locator('#medicine-state').waitFor();
    if ((await res.locator('#medicine-rating').count()) > 0) break;
    if (Date.now() > deadline) throw new Error('the medicine page never showed the rating');
    await res.waitForTimeout(1000);
  }
  await expect(res.locator('#medicine-door-code').count()).resolves.toBe(0);
  await res.locator('#rating-star-4').click();
  await button(res, '提交评价').click();
  await expect(res.locator('#medicine-rated-words').innerText()).resolves.toContain('4 星');
  await screenshot(res, 'w14-resident-medicine-rated');

  await res.context().close();
});
