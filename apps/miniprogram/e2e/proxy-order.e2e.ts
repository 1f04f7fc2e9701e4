/**
 * Acting for a household in more flows (issue 18), in the h5 build served by the real server, in
 * headless Chromium on a phone-sized screen: 李志强, bound (through the API) as 家属 of 王秀兰's
 * household, opens 我代办的家庭, taps 代下单, picks the window and a quantity, orders and reads
 * back 「您为 1栋1单元101 订了：蔬菜套餐 1 份」; registers her for a fair-share window (代登记);
 * and signs her up for a class (代报名). Each is recorded as by her 家属.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { ClassSignupsView, FamilyBindingView, MeResponse, RegistrationView, StaffClassView } from '@linli/shared-types';
import {
  api,
  button,
  devLogin,
  loggedInPhone,
  measure,
  MIN_BUTTON_PX,
  MIN_FONT_PX,
  openWindowViaApi,
  screenshot,
  sqlite,
  useServerAndBrowser,
} from './support';

useServerAndBrowser();

it('a 家属 orders, registers and signs up for the household from 我代办的家庭', async () => {
  const [wang] = sqlite<{ id: number; buildingId: number; unit: string; room: string }>(
    "SELECT h.id, h.building_id AS buildingId, h.unit, h.room FROM households h JOIN users u ON u.household_id = h.id WHERE u.nickname = '王秀兰'",
  );
  const office = await devLogin('staff');
  const volunteer = await devLogin('volunteer');
  const li = (await api<MeResponse>('GET', '/me', volunteer.token)).user.id;
  const binding = await api<FamilyBindingView>('POST', '/me/family-bindings', volunteer.token, {
    buildingId: wang?.buildingId,
    unit: wang?.unit,
    room: wang?.room,
    relation: '侄子',
    name: '李志强',
    phone: '13900002222',
  });
  await api('POST', `/staff/family-bindings/${binding.id}/approve`, office.token);
  const { item, win } = await openWindowViaApi(office.token, {
    supplier: { name: '合家福超市' },
    item: { kind: 'package', name: '蔬菜套餐', contents: [{ name: '青菜', quantity: '2斤' }], priceFen: 3900, limitPerHousehold: 2 },
    window: { title: '今日蔬菜', mode: 'fcfs', paymentMode: 'cod' },
    hours: 2,
    stock: 50,
  });
  const fair = await openWindowViaApi(office.token, {
    supplier: { name: '肉联厂' },
    item: { kind: 'package', name: '肉蛋奶套餐', contents: [{ name: '鸡蛋', quantity: '10个' }], priceFen: 5000, limitPerHousehold: 1 },
    window: { title: '肉蛋奶 公平分配', mode: 'fair', paymentMode: 'cod' },
    hours: 2,
    stock: 10,
  });
  const yoga = await api<StaffClassView>('POST', '/staff/classes', office.token, {
    kind: 'yoga',
    title: '居家八段锦',
    teacher: '周老师',
    startsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    minutes: 30,
    capacity: 10,
    liveUrl: 'https://meeting.tencent.com/dm/baduanjin',
  });

  const page = await loggedInPhone('volunteer');
  await page.locator('#entry-family').click();
  const row = page.locator(`#family-household-${wang?.id}`);
  await row.getByText('我是家属').waitFor();
  const orderButton = page.locator(`#family-household-${wang?.id}-order`);
  expect((await measure(page, `#family-household-${wang?.id}-order`)).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await screenshot(page, '200-family-proxy-buttons');

  // 代下单: the household's windows, then the quantities.
  await orderButton.click();
  await page.locator(`#proxy-window-${win.id}`).getByText('去代订', { exact: false }).waitFor();
  await page.locator(`#proxy-window-${fair.win.id}-fair`).waitFor();
  expect((await measure(page, `#proxy-window-${win.id} .card-title`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(page, '201-proxy-windows');
  await page.locator(`#proxy-window-${win.id}`).click();
  await page.locator('#proxy-window').getByText('1栋', { exact: false }).waitFor();
  await page.locator(`#item-${item.id}-plus`).click();
  await page.locator('#proxy-submit').click();
  await page.locator('.nut-dialog').getByText('订了：蔬菜套餐 1 份', { exact: false }).waitFor();
  await button(page, '下单').click();
  const summary = page.locator('#proxy-summary');
  await summary.waitFor();
  const door = await summary.innerText();
  expect(door).toMatch(/^您为 .*1栋.*101 订了：蔬菜套餐 1 份$/);
  await page.locator('#proxy-result').getByText('代下单：李志强', { exact: false }).waitFor();
  await screenshot(page, '202-proxy-placed');
  const [order] = sqlite<{ householdId: number; placedBy: number; proxy: number }>(
    'SELECT household_id AS householdId, placed_by AS placedBy, proxy FROM orders ORDER BY id DESC LIMIT 1',
  );
  expect(order).toEqual({ householdId: wang?.id, placedBy: li, proxy: 1 });

  // Again: the same window now says what the household may still take.
  await page.locator('#proxy-again').click();
  await page.locator(`#proxy-window-${win.id}`).click();
  await page.locator(`#item-${item.id}-left`).getByText('已订过，还可再订 1 份').waitFor();

  // 代登记 in the fair-share window.
  await page.locator('#proxy-other-window').click();
  await page.locator(`#proxy-window-${fair.win.id}`).click();
  await page.locator(`#item-${fair.item.id}-plus`).click();
  await page.locator('#fair-register').getByText('代登记').waitFor();
  await page.locator('#fair-register').click();
  await page.locator('.nut-dialog').getByText('登记了：肉蛋奶套餐 1 份', { exact: false }).waitFor();
  await button(page, '登记').click();
  await page.locator('#fair-registered-by').getByText('由 李志强（家属）代登记').waitFor();
  await screenshot(page, '203-proxy-registered');
  const registration = await api<RegistrationView>(
    'GET',
    `/proxy/households/${wang?.id}/windows/${fair.win.id}/registration`,
    office.token,
  );
  expect(registration).toMatchObject({ state: 'REGISTERED', registeredBy: { userId: li, as: 'family' } });

  // 代报名 from 我代办的家庭.
  await page.goto(`${page.url().split('#')[0]}#/care/family/index`);
  await page.locator(`#family-household-${wang?.id}-classes`).click();
  const card = page.locator(`#proxy-class-${yoga.id}`);
  await card.getByText('居家八段锦').waitFor();
  await page.locator(`#proxy-class-${yoga.id}-signup`).click();
  await page.locator(`#proxy-class-${yoga.id}-badge`).getByText('已报名').waitFor();
  await page.locator(`#proxy-class-${yoga.id}-cancel`).waitFor();
  await screenshot(page, '204-proxy-class-signed');
  const signups = await api<ClassSignupsView>('GET', `/staff/classes/${yoga.id}/signups`, office.token);
  expect(signups.signups.find((s) => s.householdId === wang?.id)).toMatchObject({
    state: 'SIGNED',
    proxyKind: 'family',
    signedUpBy: '李志强',
  });
  await page.context().close();
});
