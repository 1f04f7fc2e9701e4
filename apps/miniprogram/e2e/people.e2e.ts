/**
 * Staff manage people, in the h5 build served by the real server, in headless Chromium on a
 * phone-sized screen: the demo supervisor invites a supervisor from 「人员与权限」, a new
 * resident types the code at 「我有邀请码」 and finds 督导 and the staff screens on 「我的」;
 * the supervisor then takes the role away with a reason, and 「我的」 shows it gone.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { PersonView } from '@linli/shared-types';
import {
  api,
  base,
  button,
  devLogin,
  loggedInPhone,
  measure,
  MIN_BUTTON_PX,
  MIN_FONT_PX,
  screenshot,
  useServerAndBrowser,
} from './support';

useServerAndBrowser();

it('a supervisor invites a supervisor by code; the newcomer redeems it and sees 督导 on 「我的」; revoked, it is gone', async () => {
  // Staff (not a supervisor) are not offered 督导.
  const staff = await loggedInPhone('staff');
  await staff.locator('#entry-staff-people').click();
  await staff.locator('#people-group-supervisor').getByText('刘建国（督导）').waitFor();
  await staff.locator('#people-invite').click();
  await staff.locator('#invite-form .choice', { hasText: '社区工作人员：' }).waitFor();
  await expect(staff.locator('#invite-form .choice', { hasText: '督导：' }).count()).resolves.toBe(0);
  await staff.context().close();

  const sup = await loggedInPhone('supervisor');
  await sup.locator('#entry-staff-people').click();
  await sup.locator('#people-group-staff').getByText('陈晓燕（社区）').waitFor();
  await sup.locator('#people-group-pharmacist').getByText('老百姓大药房（滨湖店）').waitFor();
  await sup.locator('#people-invite').click();
  const choice = sup.locator('#invite-form .choice', { hasText: '督导：' });
  expect((await measure(sup, '#invite-form .choice')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await choice.click();
  await screenshot(sup, '97-people-invite');
  await button(sup, '生成邀请码').click();
  const code = (await sup.locator('#invite-code-value').innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  expect((await measure(sup, '#invite-code-value')).fontSize).toBeGreaterThanOrEqual(32);
  await sup.locator('#invite-result').getByText('我有邀请码').waitFor();
  await button(sup, '复制邀请码').waitFor();
  await screenshot(sup, '98-people-code');

  // A new resident redeems it at 「我有邀请码」 (typed in small letters, a wrong one first).
  const newcomer = await loggedInPhone('new-resident');
  await expect(newcomer.locator('#profile-card').getByText('督导').count()).resolves.toBe(0);
  await newcomer.locator('#entry-redeem').click();
  const input = newcomer.locator('#invite-code input');
  await input.waitFor();
  expect((await measure(newcomer, '#invite-code input')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await input.fill('ABCD2345');
  await button(newcomer, '确认').click();
  await newcomer.getByText('邀请码不对、已经用过或已过期').waitFor();
  await input.fill(code.toLowerCase());
  await button(newcomer, '确认').click();
  await expect(newcomer.locator('#invite-granted').innerText()).resolves.toBe('督导');
  await screenshot(newcomer, '99-invite-redeemed');
  await newcomer.locator('#invite-to-me').click();
  await newcomer.locator('#profile-card .tag', { hasText: '督导' }).waitFor();
  await newcomer.locator('#entry-staff-people').waitFor();
  await newcomer.locator('#entry-staff-bindings').waitFor();

  // The supervisor's list shows the newcomer, invited by them; the code is used.
  await sup.locator('#invite-close').click();
  await sup.goto(`${base()}/#/pages/me/index`);
  await sup.locator('#entry-staff-people').click();
  const supervisors = sup.locator('#people-group-supervisor');
  await supervisors.getByText('新居民').waitFor();
  await supervisors.getByText('刘建国（督导）邀请', { exact: false }).waitFor();
  await sup.locator('#invite-list').getByText('新居民', { exact: false }).waitFor();

  // Revoke, with a reason.
  const login = await devLogin('supervisor');
  const people = await api<PersonView[]>('GET', '/staff/people', login.token);
  const person = people.find((p) => p.nickname === '新居民');
  if (!person) throw new Error(`no newcomer in ${JSON.stringify(people)}`);
  await sup.locator(`#person-${person.userId}-revoke-supervisor`).click();
  await sup.locator('#revoke-reason textarea').fill('否');
  await sup.locator('#dialog-confirm').click();
  await sup.locator('#revoke-reason-error').waitFor();
  await sup.locator('#revoke-reason textarea').fill('试用结束');
  await screenshot(sup, '100-people-revoke');
  await sup.locator('#dialog-confirm').click();
  await expect(sup.locator(`#person-${person.userId}`).waitFor({ state: 'detached' })).resolves.toBeUndefined();
  await sup.context().close();

  // 「我的」 no longer shows 督导 or the staff screens.
  await newcomer.goto(`${base()}/#/pages/me/index`);
  await newcomer.reload();
  await newcomer.locator('#entry-redeem').waitFor();
  await expect(newcomer.locator('#profile-card .tag', { hasText: '督导' }).count()).resolves.toBe(0);
  await expect(newcomer.locator('#entry-staff-people').count()).resolves.toBe(0);
  await newcomer.context().close();
});
