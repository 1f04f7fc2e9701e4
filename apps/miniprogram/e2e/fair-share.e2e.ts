/**
 * A fair-share window: a resident registers a wish while it is open (seeing the fingerprint of
 * the seed the server sealed), staff close it and run the lottery, and the resident sees the win
 * and checks the published seed against the fingerprint; then a second round gives back a
 * cancelled win to a household that lost — in the h5 build served by the real server, in
 * headless Chromium on a phone-sized screen. The supplier, item and window are set up (and the
 * window closed) through the API as staff.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import { createHash } from 'node:crypto';
import type { AllocationView, RegistrationView, WindowView } from '@linli/shared-types';
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

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

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
  // The seed is sealed before anyone registers: she sees its fingerprint, not the seed.
  expect(win.seedHash).toMatch(/^[0-9a-f]{64}$/);
  await expect(resident.locator('#fair-seed-hash').innerText()).resolves.toContain(win.seedHash as string);
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

  // A community worker runs the draw; the seed is the one sealed when the window was made.
  const staff = await loggedInPhone('staff');
  await staff.getByText('订购批次', { exact: true }).click();
  await staff.locator(`#staff-window-${win.id}`).click();
  await staff.locator('#stats-fair').waitFor();
  await staff.locator('#stats-phase').getByText('已结束').waitFor();
  await expect(staff.locator('#stats-seed-hash').innerText()).resolves.toBe(win.seedHash);
  await expect(staff.locator('#allocate-seed').count()).resolves.toBe(0);
  await screenshot(staff, '34-staff-before-draw');
  await button(staff, '开始抽签').click();
  await staff.locator('.nut-dialog').getByText('封存的种子', { exact: false }).waitFor();
  await staff.locator('#dialog-confirm').click();
  await staff.locator('#stats-allocated').waitFor();
  await expect(staff.locator('#stats-allocation-winners').innerText()).resolves.toBe('1 户');
  const seed = (await staff.locator('#stats-seed').innerText()).trim();
  expect(sha256(seed)).toBe(win.seedHash);
  await screenshot(staff, '35-staff-after-draw');

  // Back on her phone: the window (closed now, so opened by its address) shows the win.
  await resident.goto(`${base()}/#/pages/window/index?id=${win.id}`);
  const result = resident.locator('#fair-result');
  await result.getByText('已中签，共 1 份').waitFor();
  const resultTitle = await measure(resident, '#fair-result .status__title');
  expect(resultTitle.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await button(resident, '查看我的订单').waitFor();
  await screenshot(resident, '36-window-fair-won');

  // The published draw: the fingerprint published beforehand, the seed, how to check them, the method and the list.
  await button(resident, '查看抽签结果').click();
  await resident.locator('#allocation-seed').getByText(seed).waitFor();
  await expect(resident.locator('#allocation-hash').innerText()).resolves.toBe(win.seedHash);
  await expect(resident.locator('#allocation-verify').innerText()).resolves.toContain('SHA-256');
  await expect(resident.locator('#allocation-method').innerText()).resolves.not.toBe('');
  const draw = resident.locator('#draw-1');
  await draw.waitFor();
  await expect(draw.innerText()).resolves.toContain('分到 1');
  await expect(draw.innerText()).resolves.toContain('您家');
  const verifyText = await measure(resident, '#allocation-verify .text');
  expect(verifyText.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(resident, '37-allocation');

  await staff.context().close();
  await resident.context().close();
});

it('a win given back goes, in a second round, to a household that lost, which sees it on its phone', async () => {
  const { token } = await devLogin('staff');
  const { item, win } = await openWindowViaApi(token, {
    supplier: { name: '惠民超市' },
    item: {
      kind: 'package',
      name: '米面油套餐',
      contents: [{ name: '大米', quantity: '10斤' }],
      priceFen: 8800,
      limitPerHousehold: 1,
    },
    window: { title: '米面油公平分配', mode: 'fair', paymentMode: 'cod' },
    hours: 1,
    stock: 1,
  });
  // 王秀兰 and 李志强 (each in a household of their own) register for the one unit.
  const people = { resident: (await devLogin('resident')).token, volunteer: (await devLogin('volunteer')).token };
  for (const person of Object.values(people)) {
    await api<RegistrationView>('PUT', `/windows/${win.id}/registration`, person, { lines: [{ itemId: item.id, quantity: 1 }] });
  }
  await api<WindowView>('POST', `/staff/windows/${win.id}/status`, token, { status: 'CLOSED' });
  await api<AllocationView>('POST', `/staff/windows/${win.id}/allocate`, token);
  const mine = (person: string): Promise<RegistrationView> => api<RegistrationView>('GET', `/windows/${win.id}/registration`, person);
  const winner = (await mine(people.resident)).state === 'WON' ? 'resident' : 'volunteer';
  const loser = winner === 'resident' ? 'volunteer' : 'resident';
  expect((await mine(people[loser])).state).toBe('LOST');
  // The winner cannot use it after all and cancels.
  await api('POST', `/orders/${(await mine(people[winner])).orderId}/cancel`, people[winner]);

  // Staff run the second round on 批次情况 and see its result.
  const staff = await loggedInPhone('staff');
  await staff.goto(`${base()}/#/staff/window-stats/index?id=${win.id}`);
  await staff.locator('#stats-allocated').waitFor();
  const secondButton = await measure(staff, '#second-round-start');
  expect(secondButton.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await button(staff, '第二轮分配').click();
  await staff.locator('.nut-dialog').getByText('按第一轮的顺序', { exact: false }).waitFor();
  await staff.locator('#dialog-confirm').click();
  await expect(staff.locator('#stats-second-winners').innerText()).resolves.toBe('1 户');
  await screenshot(staff, '38-staff-second-round');

  // The household that lost sees that the second round gave it the unit.
  const phone = await loggedInPhone(loser);
  await phone.goto(`${base()}/#/pages/window/index?id=${win.id}`);
  const result = phone.locator('#fair-result');
  await result.getByText('第二轮分配：已中签，共 1 份').waitFor();
  await expect(phone.locator('#fair-win-2').innerText()).resolves.toContain('第二轮分到：米面油套餐 × 1');
  const title = await measure(phone, '#fair-result .status__title');
  expect(title.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await button(phone, '查看我的订单').waitFor();
  await screenshot(phone, '39-window-fair-second-round');
  // The published result lists the second round with its row marked as hers or his.
  await button(phone, '查看抽签结果').click();
  const row = phone.locator('#draw2-1');
  await row.waitFor();
  await expect(row.innerText()).resolves.toContain('您家');
  await expect(row.innerText()).resolves.toContain('分到 1');
  await screenshot(phone, '40-allocation-second-round');

  await staff.context().close();
  await phone.context().close();
});
