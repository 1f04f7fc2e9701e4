/**
 * A resident orders a supply package from an open window and staff see it in the window's
 * figures, in the h5 build served by the real server, in headless Chromium on a phone-sized
 * screen. The supplier, item and window are set up through the API as staff (the demo seed has
 * none); everything after that is what people see and tap.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import {
  base,
  button,
  measure,
  MIN_BUTTON_PX,
  MIN_FONT_PX,
  devLogin,
  loggedInPhone,
  screenshot,
  useServerAndBrowser,
  openWindowViaApi,
} from './support';

useServerAndBrowser();

it('a resident orders a package from an open window, and staff see the order', async () => {
  // Staff set up what is on offer: a supplier, a package and a window open now.
  const staffLogin = await devLogin('staff');
  const token = staffLogin.token;
  const { item, win } = await openWindowViaApi(token, {
    supplier: { name: '绿源蔬菜合作社', contactName: '李师傅' },
    item: {
      kind: 'package',
      name: '蔬菜套餐A',
      contents: [
        { name: '大米', quantity: '10斤' },
        { name: '青菜', quantity: '2斤' },
      ],
      priceFen: 8800,
      limitPerHousehold: 2,
    },
    window: { title: '周末蔬菜团购', mode: 'fcfs', paymentMode: 'cod' },
    hours: 4,
    stock: 5,
  });

  // 王秀兰, who has a household, opens 订购物资 from 「我的」.
  const resident = await loggedInPhone('resident');
  await resident.locator('#entry-windows').waitFor();
  await screenshot(resident, '11-me-with-ordering');

  await resident.locator('#entry-windows').click();
  const windowCard = resident.locator(`#window-${win.id}`);
  await windowCard.getByText('正在订购').waitFor();
  await expect(windowCard.innerText()).resolves.toContain('周末蔬菜团购');
  await screenshot(resident, '12-windows');

  // The window: the package as a big card, with what is in it, the price and the limits.
  await windowCard.click();
  const itemCard = resident.locator(`#item-${item.id}`);
  await itemCard.waitFor();
  const itemText = await itemCard.innerText();
  for (const words of ['蔬菜套餐A', '套餐', '大米 10斤', '青菜 2斤', '¥88.00', '剩余 5 份', '每户限购 2 份']) {
    expect(itemText).toContain(words);
  }
  const plus = await measure(resident, `#item-${item.id}-plus`);
  expect(plus.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  const contents = await measure(resident, `#item-${item.id} .item-card__contents .text`);
  expect(contents.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);

  // + three times stops at the household limit of 2; − brings it back to 1.
  for (let i = 0; i < 3; i += 1) await resident.locator(`#item-${item.id}-plus`).click();
  await expect(resident.locator(`#item-${item.id}-quantity`).innerText()).resolves.toBe('2');
  await resident.locator(`#item-${item.id}-minus`).click();
  await expect(resident.locator(`#item-${item.id}-quantity`).innerText()).resolves.toBe('1');
  await expect(resident.locator('#order-total').innerText()).resolves.toBe('¥88.00');
  await screenshot(resident, '13-window-one-package');

  await button(resident, '确认下单').click();
  const dialog = resident.locator('.nut-dialog');
  await dialog.getByText('合计 ¥88.00', { exact: false }).waitFor();
  await screenshot(resident, '14-confirm-order');
  await resident.locator('#dialog-confirm').click();

  // The order: placed, with its total, delivery date and address.
  await resident.locator('#order-placed').getByText('下单成功').waitFor();
  const state = resident.locator('#order-state');
  await state.waitFor();
  await expect(state.innerText()).resolves.toBe('已下单');
  await expect(resident.locator('#order-detail-total').innerText()).resolves.toBe('¥88.00');
  const detail = await resident.locator('#order-detail').innerText();
  expect(detail).toContain('蔬菜套餐A × 1');
  expect(detail).toContain('货到付款');
  const stateText = await measure(resident, '#order-state');
  expect(stateText.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await button(resident, '取消订单').waitFor();
  await screenshot(resident, '15-order-placed');

  // 我的订单 lists it.
  await button(resident, '查看我的订单').click();
  // The order page slides away first; its own card also names the window.
  await resident.locator('#order-detail').waitFor({ state: 'hidden' });
  const orderCard = resident.locator('.card:visible', { hasText: '周末蔬菜团购' });
  await orderCard.waitFor();
  const orderCardText = await orderCard.innerText();
  expect(orderCardText).toContain('已下单');
  expect(orderCardText).toContain('¥88.00');
  await screenshot(resident, '16-my-orders');

  // The household's limit counts what it has ordered: the card says what is left to take, and
  // the stepper stops there (the server refuses more anyway: HOUSEHOLD_LIMIT).
  await resident.goto(`${base()}/`);
  await resident.locator('#entry-windows').click();
  await resident.locator(`#window-${win.id}`).click();
  await resident.locator(`#item-${item.id}`).getByText('剩余 4 份').waitFor();
  await resident.locator(`#item-${item.id}-left`).getByText('已订过，还可再订 1 份').waitFor();
  await resident.locator(`#item-${item.id}-plus`).click();
  await resident.locator(`#item-${item.id}-plus`).click();
  await expect(resident.locator(`#item-${item.id}-quantity`).innerText()).resolves.toBe('1');
  await screenshot(resident, '16b-household-limit');

  // A community worker, on another phone, sees the order in the window's figures.
  const staff = await loggedInPhone('staff');
  await staff.getByText('订购批次', { exact: true }).click();
  await staff.locator(`#staff-window-${win.id}`).click();
  await expect(staff.locator('#stats-active').innerText()).resolves.toBe('1 单');
  await staff.locator('#stats-items').getByText('已订 1 / 剩 4').waitFor();
  await button(staff, '全部打包').waitFor();
  await screenshot(staff, '17-staff-window-stats');

  // Staff open the next window from the app: a title and a stock for the package.
  await staff.goto(`${base()}/`);
  await staff.getByText('订购批次', { exact: true }).click();
  await button(staff, '新建批次').click();
  await staff.locator('#window-title input').fill('下周蔬菜团购');
  await staff.locator(`#window-item-${item.id}-stock input`).fill('10');
  await screenshot(staff, '18-staff-new-window');
  await staff.locator('#window-save').click();
  const summary = staff.locator('#stats-summary');
  await summary.getByText('下周蔬菜团购').waitFor();
  await expect(staff.locator('#stats-active').innerText()).resolves.toBe('0 单');
  await staff.locator('#stats-items').getByText('已订 0 / 剩 10').waitFor();
  await screenshot(staff, '19-staff-window-created');

  await staff.context().close();
  await resident.context().close();
});
