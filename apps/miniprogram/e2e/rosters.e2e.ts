/**
 * Volunteer rosters (issue 19) in the h5 build served by the real server, in headless Chromium on
 * a phone-sized screen: staff set up a post and lay out a shift on the screen, print the post's
 * QR poster; the demo volunteer (李志强, put in the testing squad as its leader through the API)
 * signs up and gives up on 我的班次, checks in by typing the post's code (the browser has no
 * camera), is told a second scan repeats the check-in, checks out and sees the hours; staff see
 * him 在岗 then 已完成 on the shift's roster, call stand-bys, cancel a shift with a reason and
 * read the week's hours ledger with its Excel export.
 *
 * The server runs on the real clock: the shift to check in to is created through the API to
 * start in 20 minutes (check-in opens 30 minutes before); a scan within 2 minutes of the check-in
 * repeats it, so the check-in is moved 10 minutes back in the database before the check-out scan.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { Page } from 'playwright-core';
import { SQUADS, type MyHoursView, type RosterPostView, type RosterTotalsView, type ShiftView } from '@linli/shared-types';
import { api, base, button, devLogin, loggedInPhone, measure, MIN_FONT_PX, screenshot, sqlite, useServerAndBrowser } from './support';

useServerAndBrowser();

const MINUTE = 60_000;
/** Volunteers read the scan's answer at arm's length, outdoors. */
const SCAN_MESSAGE_PX = 22;

let staffToken = '';
let volunteerToken = '';
let volunteerId = 0;
let post: RosterPostView;
/** The shift laid out on the screen (tomorrow 08:00–12:00), and the one about to start. */
let laidOut: ShiftView;
let soon: ShiftView;

beforeAll(async () => {
  staffToken = (await devLogin('staff')).token;
  const volunteer = await devLogin('volunteer');
  volunteerToken = volunteer.token;
  volunteerId = volunteer.me.user.id;
  await api('PUT', `/staff/volunteers/${volunteerId}`, staffToken, { buildingIds: [], capacity: 5, squad: 'testing', leader: true });
}, 60_000);

async function openShiftRoster(page: Page, id: number): Promise<void> {
  await page.goto(`${base()}/#/staff/roster-shift/index?id=${id}`);
  await page.locator('#shift-summary').waitFor();
}

/** Moves a signup's check-in back, as if it had been made `minutes` earlier. */
function checkInEarlier(shiftId: number, minutes: number): void {
  const [row] = sqlite<{ id: number; at: string }>(
    'SELECT id, checked_in_at AS at FROM roster_signups WHERE shift_id = ? AND user_id = ?',
    shiftId,
    volunteerId,
  );
  if (!row?.at) throw new Error('no check-in to move');
  const iso = /[zZ]|[+-]\d\d:\d\d$/.test(row.at) ? row.at : `${row.at.replace(' ', 'T')}Z`;
  const earlier = new Date(Date.parse(iso) - minutes * MINUTE).toISOString();
  // Stored as SQLite's datetime text (UTC, `YYYY-MM-DD HH:MM:SS.SSS`) unless it was ISO.
  const stored = row.at.includes('T') ? earlier : earlier.replace('T', ' ').replace('Z', '');
  sqlite('UPDATE roster_signups SET checked_in_at = ? WHERE id = ?', stored, row.id);
}

it('staff set up a post, print its poster and lay out a shift on the screen; mistakes are said by field', async () => {
  const staff = await loggedInPhone('staff');
  await staff.locator('#entry-staff-roster').click();
  await staff.locator('#roster-posts-empty').waitFor();

  await staff.locator('#roster-new-post').click();
  await staff.locator('#rpost-submit').click();
  await staff.locator('#rpost-form').getByText('岗位名称要 1 到 30 个字').waitFor();
  await staff.locator('#rpost-form').getByText('请选择小组').waitFor();
  await staff.locator('#rpost-name input').fill('东门核酸检测点');
  await staff.locator(`#rpost-squad-${SQUADS.indexOf('testing')}`).click();
  await staff.locator('#rpost-note textarea').fill('东门岗亭旁，穿好防护服');
  await staff.locator('#rpost-submit').click();
  const posts = await api<RosterPostView[]>('GET', '/roster/posts', staffToken);
  await staff.locator('.ra-post', { hasText: '东门核酸检测点' }).waitFor();
  post = posts.find((p) => p.name === '东门核酸检测点')!;
  expect(post).toMatchObject({ squad: 'testing', note: '东门岗亭旁，穿好防护服' });
  expect(post.checkInToken).toMatch(/^[A-Za-z0-9_-]{20,60}$/);
  await expect(staff.locator(`#post-${post.id}`).innerText()).resolves.toContain('核酸检测协助组');

  // 打印岗位码: the poster PDF.
  const [poster] = await Promise.all([staff.waitForEvent('download'), staff.locator(`#post-${post.id}-poster`).click()]);
  expect(poster.suggestedFilename()).toBe('岗位码-东门核酸检测点.pdf');

  // 排班: what is not filled in right is said under its field, before anything is sent.
  await staff.locator('#roster-new-shift').click();
  await staff.locator('#shift-post-0').click();
  await staff.locator('#shift-start input').fill('8点');
  await staff.locator('#shift-end input').fill('12:00');
  await staff.locator('#shift-places input').fill('0');
  await staff.locator('#shift-submit').click();
  await staff.locator('#shift-form').getByText('请填时刻，例如 08:00').waitFor();
  await staff.locator('#shift-form').getByText('人数要是 1 到 200 的整数').waitFor();
  await staff.locator('#shift-error').getByText('还有内容没有填好，请看红色提示').waitFor();

  // The server's refusal: a shift today that is already over.
  const shanghaiMinutes = (Math.floor(Date.now() / MINUTE) + 8 * 60) % (24 * 60);
  if (shanghaiMinutes > 10) {
    await staff.locator('#shift-day-0').click();
    await staff.locator('#shift-start input').fill('00:00');
    await staff.locator('#shift-end input').fill('00:05');
    await staff.locator('#shift-places input').fill('3');
    await staff.locator('#shift-submit').click();
    await staff.locator('#shift-error').getByText('这个班次已经开始了').waitFor();
  }

  // Tomorrow 08:00–12:00, three people.
  await staff.locator('#shift-day-1').click();
  await staff.locator('#shift-start input').fill('08:00');
  await staff.locator('#shift-end input').fill('12:00');
  await staff.locator('#shift-places input').fill('3');
  await staff.locator('#shift-requirements input').fill('会用扫码枪');
  await staff.locator('#shift-submit').click();
  await staff.locator('#shift-form').waitFor({ state: 'detached' });
  const shifts = await api<ShiftView[]>('GET', '/roster/shifts', staffToken);
  laidOut = shifts.find((s) => s.post.id === post.id)!;
  expect(laidOut).toMatchObject({ places: 3, taken: 0, requirements: '会用扫码枪', giveUpHours: 2 });
  // 08:00 in Shanghai is 00:00 UTC.
  expect(laidOut.startsAt).toMatch(/T00:00:00\.000Z$/);
  expect(Date.parse(laidOut.endsAt) - Date.parse(laidOut.startsAt)).toBe(4 * 60 * MINUTE);
  await expect(staff.locator(`#roster-shift-${laidOut.id}-count`).innerText()).resolves.toBe('已报名 0 / 3 人 · 还剩 3 个名额');
  await screenshot(staff, 'roster-01-staff-posts-shifts');
  await staff.context().close();
});

it('a volunteer signs up and gives up, checks in by the post’s code, checks out and sees the hours; staff see him on post, then done', async () => {
  const start = Date.now() + 20 * MINUTE;
  soon = await api<ShiftView>('POST', '/roster/shifts', staffToken, {
    postId: post.id,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 60 * MINUTE).toISOString(),
    places: 2,
  });

  const vol = await loggedInPhone('volunteer');
  await vol.locator('#entry-volunteer-roster').click();
  const open = vol.locator(`#shift-${laidOut.id}`);
  await expect(vol.locator(`#shift-${laidOut.id}-places`).innerText()).resolves.toBe('还剩 3 个名额');
  await expect(open.innerText()).resolves.toContain('要求：会用扫码枪');
  await expect(open.innerText()).resolves.toContain('东门岗亭旁，穿好防护服');

  // Tomorrow's place can still be given up on the phone, until two hours before.
  await vol.locator(`#shift-${laidOut.id}-signup`).click();
  await vol.locator(`#shift-${laidOut.id}-give-up`).waitFor();
  await expect(vol.locator(`#shift-${laidOut.id}-state`).innerText()).resolves.toBe('待到岗');
  await expect(vol.locator(`#shift-${laidOut.id}-hint`).innerText()).resolves.toMatch(/^\d+月\d+日 06:00 前可以取消报名$/);
  await vol.locator(`#shift-${laidOut.id}-give-up`).click();
  await expect(vol.locator(`#shift-${laidOut.id}-signup`).innerText()).resolves.toBe('报名');
  await expect(vol.locator(`#shift-${laidOut.id}-places`).innerText()).resolves.toBe('还剩 3 个名额');

  // The shift in 20 minutes: too close to give up here; the leader is to be called.
  await vol.locator(`#shift-${soon.id}-signup`).click();
  await vol.locator(`#shift-${soon.id}-state`).getByText('待到岗').waitFor();
  await expect(vol.locator(`#shift-${soon.id}-hint`).innerText()).resolves.toBe('已过取消时限，不能来请联系组长');
  await expect(vol.locator(`#shift-${soon.id}-give-up`).count()).resolves.toBe(0);

  // 扫码签到: in the browser the code under the poster's QR is typed.
  await vol.locator('#roster-scan').click();
  await vol.locator('#roster-code-submit').click();
  await vol.locator('#roster-code-error').getByText('请先扫码或输入编号').waitFor();
  await vol.locator('#roster-code-input input').fill(post.checkInToken!);
  await vol.locator('#roster-code-submit').click();
  const message = vol.locator('#roster-scan-result');
  await message.getByText(/^已签到 \d\d:\d\d，辛苦了！下班时请再扫一次$/).waitFor();
  expect((await measure(vol, '#roster-scan-result')).fontSize).toBeGreaterThanOrEqual(SCAN_MESSAGE_PX);
  await vol.locator(`#shift-${soon.id}-state`).getByText('在岗').waitFor();
  await screenshot(vol, 'roster-02-volunteer-checked-in');

  // Staff see him on post.
  const staff = await loggedInPhone('staff');
  await openShiftRoster(staff, soon.id);
  await expect(staff.locator(`#row-${volunteerId}-state`).innerText()).resolves.toBe('在岗');
  await expect(staff.locator('#shift-taken').innerText()).resolves.toBe('1/2');
  const call = staff.locator(`#row-${volunteerId}-call`);
  if ((await call.count()) > 0) await expect(call.innerText()).resolves.toMatch(/^拨打 \d{11}$/);

  // A second scan at once repeats the check-in.
  await vol.locator('#roster-scan').click();
  await vol.locator('#roster-code-input input').fill(post.checkInToken!);
  await vol.locator('#roster-code-submit').click();
  await message.getByText(/^已经签到过了（\d\d:\d\d）$/).waitFor();

  // Ten minutes on post (moved back in the database: the server runs on the real clock), then out.
  checkInEarlier(soon.id, 10);
  await vol.locator('#roster-scan').click();
  await vol.locator('#roster-code-input input').fill(post.checkInToken!);
  await vol.locator('#roster-code-submit').click();
  await message.getByText(/^已签退 \d\d:\d\d，本次服务 10 分钟，谢谢您！$/).waitFor();
  await vol.locator(`#shift-${soon.id}-state`).getByText('已完成').waitFor();
  await screenshot(vol, 'roster-03-volunteer-checked-out');

  // 我的服务时长.
  const hours = await api<MyHoursView>('GET', '/volunteer/roster/hours', volunteerToken);
  await vol.locator('#roster-hours-entry').click();
  await vol.locator('#hours-list .roster__entry', { hasText: '东门核酸检测点' }).getByText('10 分钟').waitFor();
  await expect(vol.locator('#hours-times').innerText()).resolves.toBe(`共 ${hours.times} 人次`);
  expect(hours.entries.some((e) => e.what === '东门核酸检测点' && e.minutes === 10 && !e.noCheckOut)).toBe(true);
  expect((await measure(vol, '#hours-total')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(vol, 'roster-04-volunteer-hours');

  await staff.reload();
  await staff.locator('#shift-summary').waitFor();
  await expect(staff.locator(`#row-${volunteerId}-state`).innerText()).resolves.toBe('已完成');
  await expect(staff.locator(`#row-${volunteerId}`).innerText()).resolves.toMatch(/签到 \d\d:\d\d · 签退 \d\d:\d\d/);
  await screenshot(staff, 'roster-05-staff-shift-roster');
  await Promise.all([vol.context().close(), staff.context().close()]);
});

it('staff call stand-bys and cancel a shift with a reason; the week’s hours ledger exports to Excel', async () => {
  const staff = await loggedInPhone('staff');
  await openShiftRoster(staff, soon.id);
  await staff.locator('#shift-standby').click();
  await staff
    .locator('#shift-notice')
    .getByText(/^(已通知 \d+ 位组员来替补|没有可以再通知的组员（都已报名或已通知过）)$/)
    .waitFor();

  await openShiftRoster(staff, laidOut.id);
  await staff.locator('#shift-cancel').click();
  await staff.locator('#dialog-confirm').click();
  await staff.locator('#shift-cancel-error').waitFor();
  await staff.locator('#shift-cancel-reason textarea').fill('今天改为上门检测');
  await staff.locator('#dialog-confirm').click();
  await staff.locator('#shift-cancelled').getByText('已取消：今天改为上门检测').waitFor();
  expect((await api<ShiftView[]>('GET', '/roster/shifts', staffToken)).find((s) => s.id === laidOut.id)?.state).toBe('CANCELLED');

  // 我的 shows the community's total on top of the staff section; a tap opens the ledger.
  const totals = await api<RosterTotalsView>('GET', '/staff/roster/totals', staffToken);
  expect(totals.totalTimes).toBeGreaterThanOrEqual(1); // the volunteer's 10 minutes above
  await staff.goto(`${base()}/#/pages/me/index`);
  const card = staff.locator('#roster-totals-card');
  await card.getByText(`志愿服务：累计 ${totals.totalTimes} 人次 · ${Math.round((totals.totalMinutes / 60) * 10) / 10} 小时`).waitFor();
  await card.click();
  const person = staff.locator(`#hours-person-${volunteerId}`);
  await person.getByText('10 分钟').waitFor();
  await expect(person.innerText()).resolves.toContain('核酸检测协助组');
  await expect(staff.locator('#hours-squad-testing').innerText()).resolves.toContain('10 分钟');
  const [xlsx] = await Promise.all([staff.waitForEvent('download'), button(staff, '导出 Excel').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^志愿服务时长-\d{4}-\d\d-\d\d至\d{4}-\d\d-\d\d\.xlsx$/);
  await screenshot(staff, 'roster-06-staff-hours');
  await staff.context().close();
});

it('a squad leader reaches the posts and shifts of the squad from 我的小组', async () => {
  const vol = await loggedInPhone('volunteer');
  await vol.locator('#entry-volunteer-squad').click();
  await vol.locator('#squad-entry-manage').click();
  await vol.locator(`#post-${post.id}`).waitFor();
  await vol.locator(`#roster-shift-${soon.id}`).waitFor();
  await vol.goBack();
  await vol.locator('#squad-entry-ledger').click();
  await vol.locator(`#hours-person-${volunteerId}`).getByText('10 分钟').waitFor();
  await vol.context().close();
});
