/**
 * Staff change a window while it is open (issue 13): on the window's page they open 修改批次,
 * top up an item's stock and move the closing time later on the date picker's wheel, save, and
 * the resident's window page shows the new stock left and the new closing time.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { Locator, Page } from 'playwright-core';
import type { OrderView, WindowView } from '@linli/shared-types';
import { api, base, devLogin, HOUR_MS, loggedInPhone, openWindowViaApi, screenshot, shanghaiDate, useServerAndBrowser } from './support';

useServerAndBrowser();

/**
 * A finger dragging one wheel of the picker by `rows` rows (up = later), slowly enough that the
 * wheel does not fling on: real touch events, as the phone sends them.
 */
async function turnWheel(page: Page, wheel: Locator, rows: number): Promise<void> {
  const box = await wheel.boundingBox();
  const row = await wheel.locator('.nut-pickerview-roller-item-tiled').first().boundingBox();
  if (!box || !row) throw new Error('the picker wheel is not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const dy = -rows * row.height;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 12; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (dy * i) / 12 }] });
    await page.waitForTimeout(50);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await page.waitForTimeout(500); // the wheel settles on its row
}

it('staff top up stock and extend the closing time with the picker; the resident sees both', async () => {
  const staffToken = (await devLogin('staff')).token;
  const { item, win } = await openWindowViaApi(staffToken, {
    supplier: { name: '春风副食店' },
    item: { kind: 'essential', name: '挂面', contents: [{ name: '挂面', quantity: '2斤' }], priceFen: 1200, limitPerHousehold: 3 },
    window: { title: '周三副食', mode: 'fcfs', paymentMode: 'cod' },
    hours: 1,
    stock: 5,
  });
  // It closes tomorrow at 10:00 Beijing time, so two hours later on the wheel is 12:00 the same day.
  const tomorrow = shanghaiDate(Date.now() + 24 * HOUR_MS);
  const closesAt = new Date(`${tomorrow}T10:00:00+08:00`).toISOString();
  const resident = await devLogin('resident');
  const placed = await api<WindowView>('PATCH', `/staff/windows/${win.id}`, staffToken, { version: win.version, closesAt });
  await api<OrderView>('POST', '/orders', resident.token, { windowId: win.id, lines: [{ itemId: item.id, quantity: 2 }] });

  // Staff open the window's page and 修改批次.
  const staff = await loggedInPhone('staff');
  await staff.getByText('订购批次', { exact: true }).click();
  await staff.locator(`#staff-window-${win.id}`).click();
  await staff.locator('#window-edit-open').click();
  const card = staff.locator(`#edit-item-${item.id}`);
  await card.getByText('已订出 2 份 · 还剩 3 份').waitFor();
  // It opened already: its opening time is shown, not offered.
  await staff.locator('#window-edit-page').getByText('已经开始订购，开始时间不能再改').waitFor();
  await staff.locator(`#edit-item-${item.id}-total input`).fill('20');

  // The closing time: tap it, turn the hour wheel two rows, confirm.
  const closes = staff.locator('#edit-closes');
  await closes.getByText('10:00').waitFor();
  await closes.click();
  const picker = staff.locator('.nut-picker:visible');
  await picker.waitFor();
  const wheels = picker.locator('.nut-pickerview-list');
  await expect(wheels.count()).resolves.toBe(5); // year, month, day, hour, minute
  await screenshot(staff, '90-window-edit-picker');
  await turnWheel(staff, wheels.nth(3), 2);
  // In the h5 build NutUI's wheel does not always hear its own transitionend, and then the first
  // 确认 only stops the wheel on its row; a second one closes the picker with it.
  for (let tap = 0; tap < 3 && (await picker.count()) > 0; tap++) {
    await picker.locator('.nut-picker-confirm-btn').click();
    await staff.waitForTimeout(500);
  }
  await closes.getByText('12:00').waitFor();
  await screenshot(staff, '91-window-edit-form');
  await staff.locator('#edit-save').click();
  // Back on the window's page, which shows the new hours.
  await staff
    .locator('#stats-summary')
    .getByText(/\d+月\d+日 12:00/)
    .waitFor();

  const after = await api<WindowView>('GET', `/windows/${win.id}`, staffToken);
  expect(after.closesAt).toBe(new Date(`${tomorrow}T12:00:00+08:00`).toISOString());
  expect(after.items[0]).toMatchObject({ stock: 18, sold: 2 });
  expect(after.version).toBe(placed.version + 1);

  // 王秀兰's window page: 18 left, ordering until 12:00.
  const phone = await loggedInPhone('resident');
  await phone.goto(`${base()}/#/pages/window/index?id=${win.id}`);
  await phone.locator(`#item-${item.id}`).getByText('剩余 18 份').waitFor();
  await phone.getByText(/\d+月\d+日 12:00/).waitFor();
  await screenshot(phone, '92-window-after-edit');

  // A new window's dates are picked the same way: the delivery day on a year–month–day wheel.
  await staff.goto(`${base()}/#/staff/window-edit/index`);
  const delivery = staff.locator('#window-delivery');
  const before = await delivery.innerText();
  await delivery.click();
  const dayPicker = staff.locator('.nut-picker:visible');
  await expect(dayPicker.locator('.nut-pickerview-list').count()).resolves.toBe(3);
  // A day later, unless tomorrow ends its month (then a day earlier: today, still in that month).
  const later = shanghaiDate(Date.now() + 48 * HOUR_MS).slice(0, 7) === tomorrow.slice(0, 7);
  await turnWheel(staff, dayPicker.locator('.nut-pickerview-list').nth(2), later ? 1 : -1);
  for (let tap = 0; tap < 3 && (await dayPicker.count()) > 0; tap++) {
    await dayPicker.locator('.nut-picker-confirm-btn').click();
    await staff.waitForTimeout(500);
  }
  await expect(delivery.innerText()).resolves.not.toBe(before);

  await staff.context().close();
  await phone.context().close();
});
