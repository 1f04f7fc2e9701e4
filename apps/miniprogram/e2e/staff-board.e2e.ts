/**
 * Community staff watch delivery from their phone, in the h5 build served by the real server, in
 * headless Chromium on a phone-sized screen: the 配送看板 shows the big figures (在岗志愿者,
 * 配送中 …) and each building's counts by state; on 包裹与配送, tapping a parcel shows its
 * timeline — dispatched (派单), picked up with the label's code (扫码), by 李志强. The scene
 * (an order, packing, dispatch, the volunteer's accept and scan) is set through the API; the
 * staff's steps are what they see and tap.
 *
 * Needs: `npm run build -w @linli/server` (or LINLI_SERVER_MAIN) and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { DeliveryOverview, ParcelTaskView } from '@linli/shared-types';
import {
  api,
  base,
  dispatchedParcelScene,
  loggedInPhone,
  measure,
  MIN_BUTTON_PX,
  MIN_FONT_PX,
  screenshot,
  useServerAndBrowser,
} from './support';

useServerAndBrowser();

it('the delivery board shows who is on duty and each building by state; a parcel shows its timeline', async () => {
  // Staff: a window with one package; 王秀兰 orders; packed; 李志强 covers her building and is on duty.
  const { staff, household, volunteer, parcel, parcels } = await dispatchedParcelScene({
    supplier: { name: '新鲜蔬菜店', contactName: '钱老板' },
    item: {
      kind: 'package',
      name: '蔬菜套餐',
      contents: [{ name: '青菜', quantity: '2斤' }],
      priceFen: 3900,
      limitPerHousehold: 1,
    },
    window: { title: '蔬菜配送批次', mode: 'fcfs', paymentMode: 'cod' },
    hours: 4,
    stock: 10,
  });

  // 李志强 accepts and picks it up with the label's code: it is on its way (配送中).
  await api<ParcelTaskView>('POST', `/volunteer/tasks/${parcel.id}/accept`, volunteer.token);
  const picked = await api<ParcelTaskView>('POST', '/volunteer/scan/pickup', volunteer.token, { code: parcel.labelToken });
  expect(picked.state).toBe('PICKED_UP');
  const overview = await api<DeliveryOverview>('GET', '/staff/parcels/overview', staff);
  const row = overview.byBuilding.find((b) => b.buildingId === household.buildingId);
  if (!row) throw new Error(`no row for building ${household.buildingId}: ${JSON.stringify(overview)}`);

  // Staff: 配送看板 from 「我的」.
  const st = await loggedInPhone('staff');
  await st.locator('#entry-staff-delivery').click();
  await st.locator('#board-on-duty .db-figure__value').getByText('1', { exact: true }).waitFor();
  await expect(st.locator('#board-on-duty').innerText()).resolves.toContain('在岗志愿者');
  await expect(st.locator('#board-moving .db-figure__value').innerText()).resolves.toBe('1');
  await expect(st.locator('#board-total .db-figure__value').innerText()).resolves.toBe(String(parcels.length));
  await expect(st.locator('#board-updated').innerText()).resolves.toMatch(/^更新于 \d{2}:\d{2}:\d{2}/);

  // Its building: 配送中 1, none delivered yet.
  const building = st.locator(`#board-building-${row.buildingId}`);
  await expect(building.innerText()).resolves.toContain(row.building);
  await expect(st.locator(`#board-building-${row.buildingId}-PICKED_UP`).innerText()).resolves.toBe('配送中 1');
  await expect(st.locator(`#board-building-${row.buildingId}-share`).innerText()).resolves.toBe(`已送达 0 / ${row.total}`);
  await expect(building.locator('[role="progressbar"]').getAttribute('aria-valuenow')).resolves.toBe('0');
  // Just picked up, within its delivery date: nothing is late.
  await st.locator('#board-late-empty').waitFor();

  for (const selector of [
    '#board-updated',
    '#board-on-duty .db-figure__value',
    '#board-on-duty .db-figure__label',
    `#board-building-${row.buildingId}-PICKED_UP`,
    `#board-building-${row.buildingId} .card-title`,
    '#board-late-empty',
  ]) {
    const size = await measure(st, selector);
    expect(size.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  }
  await screenshot(st, '61-staff-delivery-board');

  // 包裹与配送: tapping the parcel shows its timeline, oldest first, the last step 李志强's scan.
  await st.goto(`${base()}/#/staff/parcels/index`);
  const card = st.locator(`#parcel-${parcel.id}`);
  await card.waitFor();
  await st.locator(`#parcel-${parcel.id}-timeline`).click();
  const sheet = st.locator('#timeline-sheet');
  await sheet.waitFor();
  await st.locator('#timeline-events').waitFor();
  await expect(st.locator('#timeline-door').innerText()).resolves.toBe(`${parcel.building} ${parcel.unit} ${parcel.room}`);
  await expect(st.locator('#timeline-holder').innerText()).resolves.toBe('李志强');
  await expect(st.locator('#timeline-state').innerText()).resolves.toBe('配送中');
  const steps = await sheet.locator('.tl-step').evaluateAll((els) =>
    els.map((el) => ({
      time: el.querySelector('.tl-step__time')?.textContent ?? '',
      move: el.querySelector('.tl-step__move')?.textContent ?? '',
      how: el.querySelector('.tl-step__how')?.textContent ?? '',
    })),
  );
  const dispatched = steps.findIndex((s) => s.how.startsWith('派单') && s.move === '从「待派送」到「已派单」');
  const accepted = steps.findIndex((s) => s.how === '手机操作 · 李志强' && s.move === '从「已派单」到「志愿者已接单」');
  const scanned = steps.findIndex((s) => s.how === '扫码 · 李志强' && s.move === '从「志愿者已接单」到「配送中」');
  expect(dispatched).toBeGreaterThanOrEqual(0);
  expect(accepted).toBeGreaterThan(dispatched);
  expect(scanned).toBe(steps.length - 1);
  for (const step of steps) expect(step.time).toMatch(/^\d{2}-\d{2} \d{2}:\d{2}$/);

  for (const selector of ['#timeline-door', '#timeline-state', '.tl-step__time', '.tl-step__move', '.tl-step__how']) {
    const size = await measure(st, selector);
    expect(size.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  }
  const closeSize = await measure(st, '#timeline-close');
  expect(closeSize.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await screenshot(st, '62-staff-parcel-timeline');

  await st.locator('#timeline-close').click();
  await sheet.waitFor({ state: 'detached' });
  await st.context().close();
});
