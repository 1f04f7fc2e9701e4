/**
 * A new resident binds to their household and a community worker approves it, in the h5
 * build of the mini-program, served by the real server, in headless Chromium on a phone-sized
 * screen. Assertions are about what a person sees on the screen.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { HouseholdView, Page as ResultPage } from '@linli/shared-types';
import {
  api,
  base,
  button,
  devLogin,
  exactly,
  loggedInPhone,
  measure,
  MIN_BUTTON_PX,
  MIN_FONT_PX,
  phoneContext,
  screenshot,
  useServerAndBrowser,
} from './support';

useServerAndBrowser();

it('a new resident asks to bind to their household, staff approve, the resident sees it', async () => {
  // A door that exists in the demo community, as staff see it.
  const staffLogin = await devLogin('staff');
  const someHouseholds = await api<ResultPage<HouseholdView>>('GET', '/staff/households?pageSize=1', staffLogin.token);
  const household = someHouseholds.items[0];
  if (!household) throw new Error('the demo seed has no household');
  const name = '赵桂芳';
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

  // The resident: a new account without a household.
  const residentContext = await phoneContext();
  const resident = await residentContext.newPage();
  await resident.goto(`${base()}/`);
  await resident.getByText('演示登录').waitFor();
  const loginButton = await measure(resident, '#dev-login-new-resident');
  expect(loginButton.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  expect(loginButton.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(resident, '01-login');

  await resident.locator('#dev-login-new-resident').click();
  await resident.getByText('您还没有绑定住户').waitFor();
  await screenshot(resident, '02-me-without-household');

  await button(resident, '绑定我的住户').click();
  await resident.locator('#bind-submit').waitFor();
  // Pressing 提交 with nothing filled in explains what is missing, in place.
  await resident.locator('#bind-submit').click();
  await resident.getByText('请选择楼栋').waitFor();
  await resident.getByText('请填写正确的11位手机号').waitFor();
  await screenshot(resident, '03-bind-missing-fields');

  await resident.locator('.choice', { hasText: exactly(household.building) }).click();
  await resident.locator('.choice', { hasText: exactly(household.unit) }).click();
  await resident.locator('#bind-room input').fill(household.room);
  await resident.locator('#bind-name input').fill(name);
  await resident.locator('#bind-phone input').fill('1380013');
  await resident.locator('#bind-submit').click();
  await resident.getByText('请填写正确的11位手机号').waitFor();
  await resident.locator('#bind-phone input').fill(phone);
  await expect(resident.getByText('请填写正确的11位手机号').count()).resolves.toBe(0);
  await screenshot(resident, '04-bind-filled');

  await resident.locator('#bind-submit').click();
  const status = resident.locator('#binding-status');
  await status.getByText('等待社区审核').waitFor();
  await expect(status.innerText()).resolves.toContain(household.address);
  const statusText = await measure(resident, '#binding-status .label-value');
  expect(statusText.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(resident, '05-binding-pending');

  // A community worker, on another phone, approves the request.
  const staff = await loggedInPhone('staff');
  await staff.getByText('绑定审核', { exact: true }).click();
  const card = staff.locator('.card', { hasText: name });
  await card.waitFor();
  await expect(card.innerText()).resolves.toContain(household.address);
  await screenshot(staff, '06-staff-pending-request');
  await button(card, '通过').click();
  await card.waitFor({ state: 'detached' });
  await staff.getByText('没有待审核的申请').waitFor();
  await screenshot(staff, '07-staff-approved');

  // Back on the resident's phone: 「我的」 now shows the household.
  await resident.reload();
  const card2 = resident.locator('#household-card');
  await card2.getByText(household.address).waitFor();
  await expect(card2.innerText()).resolves.toContain(`${household.headcount} 人`);
  await expect(resident.getByText('等待社区审核').count()).resolves.toBe(0);
  await screenshot(resident, '08-resident-bound');

  await staff.context().close();
  await residentContext.close();
});
