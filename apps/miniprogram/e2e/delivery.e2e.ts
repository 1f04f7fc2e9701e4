/**
 * A volunteer delivers a resident's package door to door, and the resident rates it, in the h5
 * build served by the real server, in headless Chromium on a phone-sized screen. Staff set the
 * scene through the API (window, 王秀兰's order, packing, the volunteer's buildings, dispatch);
 * the volunteer's and the resident's steps are what they see and tap. In the browser there is
 * no camera: the codes are typed, as a volunteer does when a label will not scan.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { OrderQrView } from '@linli/shared-types';
import {
  api,
  button,
  dispatchedParcelScene,
  loggedInPhone,
  measure,
  MIN_BUTTON_PX,
  MIN_FONT_PX,
  screenshot,
  useServerAndBrowser,
} from './support';

useServerAndBrowser();

/** Volunteers carry things in one hand: their main buttons are bigger than the app's 44 px. */
const VOLUNTEER_BUTTON_PX = 56;

it('a volunteer picks up and delivers a parcel, and the resident rates the delivery', async () => {
  // Staff: a cash-on-delivery window with one package; 王秀兰 orders through the API; staff pack
  // the window; 李志强 covers her building, goes on duty; staff dispatch.
  const {
    resident: residentLogin,
    household,
    volunteer: volunteerLogin,
    order,
    parcel,
  } = await dispatchedParcelScene({
    supplier: { name: '绿源蔬菜合作社', contactName: '李师傅' },
    item: {
      kind: 'package',
      name: '蔬菜套餐B',
      contents: [{ name: '土豆', quantity: '3斤' }],
      priceFen: 3900,
      limitPerHousehold: 2,
    },
    window: { title: '上门配送批次', mode: 'fcfs', paymentMode: 'cod' },
    hours: 4,
    stock: 5,
  });
  expect(parcel.state).toBe('ASSIGNED');
  const qr = await api<OrderQrView>('GET', `/orders/${order.id}/qr`, residentLogin.token);

  // The volunteer's phone: 志愿者任务 from 「我的」.
  const vol = await loggedInPhone('volunteer');
  await vol.locator('#entry-volunteer').click();
  const task = vol.locator(`#task-${parcel.id}`);
  await task.waitFor();
  const taskText = await task.innerText();
  expect(taskText).toContain(`${parcel.building} ${parcel.unit} ${parcel.room}`);
  expect(taskText).toContain('已派单');
  await expect(vol.locator('#duty-state').innerText()).resolves.toBe('上岗中');
  const door = await measure(vol, `#task-${parcel.id} .task__door`);
  expect(door.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  const acceptSize = await measure(vol, `#task-${parcel.id}-accept`);
  expect(acceptSize.height).toBeGreaterThanOrEqual(VOLUNTEER_BUTTON_PX);
  const scanSize = await measure(vol, '#scan-pickup');
  expect(scanSize.height).toBeGreaterThanOrEqual(VOLUNTEER_BUTTON_PX);
  await screenshot(vol, '41-volunteer-tasks');

  // The duty switch: off and back on, the words saying which.
  await vol.locator('#duty-switch').click();
  await vol.locator('#duty-state').getByText('已下岗').waitFor();
  await vol.locator('#duty-switch').click();
  await vol.locator('#duty-state').getByText('上岗中').waitFor();

  // 接单, then 扫码取件 at the supply point: the label's code, typed.
  await vol.locator(`#task-${parcel.id}-accept`).click();
  await vol.locator(`#task-${parcel.id}-state`).getByText('志愿者已接单').waitFor();
  await vol.locator('#scan-pickup').click();
  await vol.locator('#code-sheet').waitFor();
  await vol.locator('#code-input input').fill(parcel.labelToken);
  await screenshot(vol, '42-volunteer-pickup-code');
  await vol.locator('#code-submit').click();
  await vol.locator(`#task-${parcel.id}-state`).getByText('配送中').waitFor();
  await screenshot(vol, '43-volunteer-picked-up');

  // At the door: a wrong code is refused in place, then the resident's code delivers it.
  await vol.locator(`#task-${parcel.id}-deliver`).click();
  await vol.locator('#code-input input').fill(parcel.labelToken);
  await vol.locator('#code-submit').click();
  const refusal = vol.locator('#code-error');
  await refusal.waitFor();
  expect((await refusal.innerText()).length).toBeGreaterThan(0);
  await screenshot(vol, '44-volunteer-wrong-code');
  await vol.locator('#code-input input').fill(qr.token);
  await vol.locator('#code-submit').click();
  await vol.locator(`#done-${parcel.id}`).getByText('已送达').waitFor();
  await expect(vol.locator(`#task-${parcel.id}`).count()).resolves.toBe(0);
  await screenshot(vol, '45-volunteer-delivered');

  // 王秀兰: 我的订单 shows it delivered; she gives 5 stars.
  const res = await loggedInPhone('resident');
  await res.locator('#entry-orders').click();
  const orderCard = res.locator('.card:visible', { hasText: '上门配送批次' });
  await orderCard.getByText('已送达').waitFor();
  await screenshot(res, '46-resident-orders-delivered');
  await orderCard.click();
  await expect(res.locator('#order-state').innerText()).resolves.toBe('已送达');
  await res.locator('#order-parcel').getByText('送到家门口', { exact: false }).waitFor();
  await res.locator('#order-rating').waitFor();
  const star = await measure(res, '#rating-star-5');
  expect(star.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await res.locator('#rating-star-5').click();
  await res.locator('#rating-comment input').fill('送得很快，谢谢小李');
  await screenshot(res, '47-resident-rating');
  await button(res, '提交评价').click();
  const rated = res.locator('#order-rated');
  await rated.waitFor();
  await expect(rated.innerText()).resolves.toContain('★★★★★');
  await expect(res.locator('#order-rated-words').innerText()).resolves.toContain('5 星');
  await screenshot(res, '48-resident-rated');

  // A community worker sees it in 志愿者: delivered, rated 5 stars.
  const st = await loggedInPhone('staff');
  await st.locator('#entry-staff-volunteers').click();
  const row = st.locator(`#volunteer-${volunteerLogin.me.user.id}`);
  await row.getByText('5.0 星', { exact: false }).waitFor();
  const rowText = await row.innerText();
  expect(rowText).toContain('李志强');
  expect(rowText).toContain('上岗');
  expect(rowText).toContain(household.building);
  await button(st, '一键派单').waitFor();
  await screenshot(st, '49-staff-volunteers');

  await st.context().close();
  await res.context().close();
  await vol.context().close();
});
