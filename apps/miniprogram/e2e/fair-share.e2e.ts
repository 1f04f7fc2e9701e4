/**
 * A fair-share window: a resident registers a wish while it is open, staff close it and run
 * the seeded lottery, and the resident sees the win and the published draw — in the h5 build
 * served by the real server, in headless Chromium on a phone-sized screen. The supplier, item
 * and window are set up (and the window closed) through the API as staff.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { WindowView } from '@linli/shared-types';
import {
  api,
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

const SEED = 'linli-20261123';

it('a resident registers for a fair-share window, staff run the draw, and the resident sees the win', async () => {
  // Staff set up a scarce item: one unit for the whole community, in a fair-share window.
  const staffLogin = await devLogin('staff');
  const token = staffLogin.token;
  const { item, win } = await openWindowViaApi(token, {
    supplier: { name: '康民药房' },
    item: {
      kind: 'essential',
      name: '退烧药套装',
      contents: [{ name: '布洛芬', quantity: '1盒' }],
      priceFen: 3500,
      limitPerHousehold: 2,
    },
    window: { title: '退烧药公平分配', mode: 'fair', paymentMode: 'cod' },
    hours: 1,
    stock: 1,
  });

  // 王秀兰 sees the window marked 登记抽签 in 订购物资.
  const resident = await loggedInPhone('resident');
  await resident.locator('#entry-windows').click();
  const windowCard = resident.locator(`#window-${win.id}`);
  await windowCard.getByText('登记抽签').waitFor();
  await expect(windowCard.innerText()).resolves.toContain('去登记');
  await screenshot(resident, '31-windows-fair');

  // The window explains the draw, and she registers for one.
  await windowCard.click();
  const intro = resident.locator('#fair-intro');
  await intro.waitFor();
  await expect(intro.innerText()).resolves.toContain('先登记，截止后公开抽签分配');
  const introText = await measure(resident, '#fair-intro .text');
  expect(introText.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await resident.locator(`#item-${item.id}-plus`).click();
  await expect(resident.locator(`#item-${item.id}-quantity`).innerText()).resolves.toBe('1');
  const registerButton = await measure(resident, '#fair-register');
  expect(registerButton.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await screenshot(resident, '32-window-fair-register');

  await button(resident, '登记').click();
  await resident.locator('.nut-dialog').getByText('退烧药套装 × 1').waitFor();
  await resident.locator('#dialog-confirm').click();
  const registrationState = resident.locator('#fair-registration-state');
  await registrationState.getByText('已登记，等待抽签').waitFor();
  await expect(resident.locator('#fair-registration').innerText()).resolves.toContain('退烧药套装 × 1');
  await button(resident, '撤回登记').waitFor();
  await button(resident, '修改登记').waitFor();
  await screenshot(resident, '33-window-fair-registered');

  // Registration ends.
  await api<WindowView>('POST', `/staff/windows/${win.id}/status`, token, { status: 'CLOSED' });

  // A community worker runs the draw with a seed anyone can check.
  const staff = await loggedInPhone('staff');
  await staff.getByText('订购批次', { exact: true }).click();
  await staff.locator(`#staff-window-${win.id}`).click();
  await staff.locator('#stats-fair').waitFor();
  await staff.locator('#stats-phase').getByText('已结束').waitFor();
  await staff.locator('#allocate-seed input').fill(SEED);
  await screenshot(staff, '34-staff-before-draw');
  await button(staff, '开始抽签').click();
  await staff.locator('.nut-dialog').getByText(SEED, { exact: false }).waitFor();
  await staff.locator('#dialog-confirm').click();
  await staff.locator('#stats-seed').getByText(SEED).waitFor();
  await expect(staff.locator('#stats-winners').innerText()).resolves.toBe('1 户');
  await screenshot(staff, '35-staff-after-draw');

  // Back on her phone: the window (closed now, so opened by its address) shows the win.
  await resident.goto(`${base()}/#/pages/window/index?id=${win.id}`);
  const result = resident.locator('#fair-result');
  await result.getByText('已中签，共 1 份').waitFor();
  const resultTitle = await measure(resident, '#fair-result .status__title');
  expect(resultTitle.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await button(resident, '查看我的订单').waitFor();
  await screenshot(resident, '36-window-fair-won');

  // The published draw: seed, method and the draw list (her door masked like everyone's).
  await button(resident, '查看抽签结果').click();
  await resident.locator('#allocation-seed').getByText(SEED).waitFor();
  await expect(resident.locator('#allocation-method').innerText()).resolves.not.toBe('');
  const draw = resident.locator('#draw-1');
  await draw.waitFor();
  await expect(draw.innerText()).resolves.toContain('分到 1');
  await screenshot(resident, '37-allocation');

  await staff.context().close();
  await resident.context().close();
});
