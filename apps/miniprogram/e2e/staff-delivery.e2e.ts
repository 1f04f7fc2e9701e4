/**
 * Community staff run delivery and recruitment from their phone, in the h5 build served by the
 * real server, in headless Chromium on a phone-sized screen: they publish a recruitment post and
 * approve a resident's sign-up (who then is a volunteer), turn down another when the post is
 * full, send a failed parcel out again and hand it to a volunteer, and print the parcel labels
 * with a progress bar. The scene (orders, dispatch, the volunteer's scans, the residents' sign-ups)
 * is set through the API; the staff's steps are what they see and tap.
 *
 * Needs: `npm run build -w @linli/server` (or LINLI_SERVER_MAIN) and `npm run build:h5 -w @linli/miniprogram`.
 */
import { readFileSync } from 'node:fs';
import type { MeResponse, ParcelTaskView, SignupView, VolunteerPostView, VolunteerRow } from '@linli/shared-types';
import {
  api,
  base,
  button,
  devLogin,
  dispatchedParcelScene,
  loggedInPhone,
  measure,
  MIN_BUTTON_PX,
  MIN_FONT_PX,
  screenshot,
  useServerAndBrowser,
  windowParcels,
} from './support';

useServerAndBrowser();

it('staff publish a recruitment post, approve a sign-up (a new volunteer) and turn one down when the post is full', async () => {
  const staff = (await devLogin('staff')).token;
  const resident = await devLogin('resident');
  const volunteer = await devLogin('volunteer');
  expect(resident.me.roles).not.toContain('volunteer');

  const st = await loggedInPhone('staff');
  await st.locator('#entry-staff-recruitment').click();

  // No post yet: the form is the page. Sent empty, it says what is missing, in place.
  const form = st.locator('#post-form');
  await form.waitFor();
  await st.locator('#post-submit').click();
  await form.locator('.error-text', { hasText: '请选择招募哪个小组' }).waitFor();
  await form.locator('.error-text', { hasText: '标题要 2 到 60 个字' }).waitFor();
  const squadSize = await measure(st, '#post-squad-1');
  expect(squadSize.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  expect(squadSize.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);

  await st.locator('#post-squad-1').click(); // 配送组
  await st.locator('#post-title input').fill('招募送菜上门志愿者');
  await st.locator('#post-requirements textarea').fill('18 到 60 岁，身体健康，能爬楼梯');
  await st.locator('#post-shift input').fill('每天 8:00–12:00');
  await st.locator('#post-slots input').fill('5');
  await expect(form.locator('.error-text').count()).resolves.toBe(0);
  await screenshot(st, '51-staff-recruitment-form');
  await st.locator('#post-submit').click();

  const posts = await api<VolunteerPostView[]>('GET', '/staff/volunteer-posts', staff);
  const post = posts.find((p) => p.title === '招募送菜上门志愿者');
  if (!post) throw new Error(`the post was not created: ${JSON.stringify(posts)}`);
  expect(post).toMatchObject({ squad: 'delivery', shift: '每天 8:00–12:00', slots: 5, status: 'OPEN' });
  const card = st.locator(`#post-${post.id}`);
  await card.waitFor();
  await expect(card.innerText()).resolves.toContain('配送组');
  await expect(st.locator(`#post-${post.id}-approved`).innerText()).resolves.toBe('0 / 5');

  // 王秀兰 signs up on her phone (through the API here).
  await api('POST', `/volunteer-posts/${post.id}/signups`, resident.token, { note: '可以搬重物' });

  // Back on the list (pull-down reload), the card says one is waiting; its sign-ups page lists her.
  await st.reload();
  await st.locator(`#post-${post.id}-pending`).getByText('1').waitFor();
  await screenshot(st, '52-staff-recruitment-posts');
  await st.locator(`#post-${post.id}-signups`).click();
  const signups = await api<SignupView[]>('GET', `/staff/volunteer-posts/${post.id}/signups`, staff);
  const signup = signups.find((s) => s.userId === resident.me.user.id);
  if (!signup) throw new Error(`no sign-up of 王秀兰: ${JSON.stringify(signups)}`);
  const row = st.locator(`#signup-${signup.id}`);
  await row.waitFor();
  const rowText = await row.innerText();
  expect(rowText).toContain('王秀兰');
  expect(rowText).toContain('可以搬重物');
  expect(rowText).toContain(signup.door);
  await expect(st.locator(`#signup-${signup.id}-status`).innerText()).resolves.toBe('等待社区审核');
  const approveSize = await measure(st, `#signup-${signup.id}-approve`);
  expect(approveSize.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await screenshot(st, '53-staff-signups');

  await st.locator(`#signup-${signup.id}-approve`).click();
  await st.locator(`#signup-${signup.id}-status`).getByText('已通过，欢迎加入').waitFor();
  await expect(st.locator('#post-approved').innerText()).resolves.toBe('1 / 5');
  await expect(st.locator(`#signup-${signup.id}-approve`).count()).resolves.toBe(0);
  await screenshot(st, '54-staff-signup-approved');

  // She is a volunteer now, in the post's squad.
  const me = await api<MeResponse>('GET', '/me', resident.token);
  expect(me.roles).toContain('volunteer');

  // A post with one place: 李志强 is approved elsewhere first, so approving 王秀兰 is refused in
  // Chinese, on the page; she is then turned down with a reason.
  const small = await api<VolunteerPostView>('POST', '/staff/volunteer-posts', staff, {
    squad: 'patrol',
    title: '夜间巡逻',
    requirements: '熟悉小区道路',
    shift: '每晚 20:00–22:00',
    slots: 1,
  });
  await api('POST', `/volunteer-posts/${small.id}/signups`, resident.token, {});
  await api('POST', `/volunteer-posts/${small.id}/signups`, volunteer.token, {});
  const smallSignups = await api<SignupView[]>('GET', `/staff/volunteer-posts/${small.id}/signups`, staff);
  const hers = smallSignups.find((s) => s.userId === resident.me.user.id);
  const his = smallSignups.find((s) => s.userId === volunteer.me.user.id);
  if (!hers || !his) throw new Error(`sign-ups missing: ${JSON.stringify(smallSignups)}`);

  await st.goto(`${base()}/#/staff/recruitment-post/index?id=${small.id}`);
  await st.locator(`#signup-${hers.id}`).waitFor();
  await api('POST', `/staff/volunteer-signups/${his.id}/approve`, staff);
  await st.locator(`#signup-${hers.id}-approve`).click();
  await st.locator('#signups-notice').getByText('招满', { exact: false }).waitFor();
  // The page reloads the list after the refusal: wait for it rather than read it at once.
  await st.locator(`#signup-${his.id}-status`).getByText('已通过，欢迎加入', { exact: true }).waitFor();
  await screenshot(st, '55-staff-signup-post-full');

  await st.locator(`#signup-${hers.id}-reject`).click();
  const reason = st.locator('#signup-reject-reason textarea');
  await reason.waitFor();
  await reason.fill('好');
  await st.locator('#dialog-confirm:visible').click();
  await st.locator('#signup-reject-error').waitFor();
  await reason.fill('名额已满，下次优先考虑');
  await st.locator('#dialog-confirm:visible').click();
  await st.locator(`#signup-${hers.id}-status`).getByText('未通过').waitFor();
  await expect(st.locator(`#signup-${hers.id}`).innerText()).resolves.toContain('名额已满，下次优先考虑');

  // Ending the first post: it says 已结束 and offers no 结束招募 any more.
  await st.goto(`${base()}/#/staff/recruitment/index`);
  await st.locator(`#post-${post.id}-close`).click();
  await st.locator('#dialog-confirm:visible').click();
  await st.locator(`#post-${post.id}-status`).getByText('已结束').waitFor();
  await expect(st.locator(`#post-${post.id}-close`).count()).resolves.toBe(0);

  // 志愿者: 王秀兰 is listed in 配送组 (from the post); staff make her its 组长.
  await st.goto(`${base()}/#/staff/volunteers/index`);
  const vol = st.locator(`#volunteer-${resident.me.user.id}`);
  await st.locator(`#volunteer-${resident.me.user.id}-squad`).getByText('配送组').waitFor();
  await expect(st.locator(`#volunteer-${resident.me.user.id}-leader`).count()).resolves.toBe(0);
  await vol.click();
  await st.locator('#coverage-sheet').waitFor();
  await expect(st.locator('#coverage-squad-1').getAttribute('class')).resolves.toContain('choice--selected');
  await st.locator('#coverage-leader-leader').click();
  await screenshot(st, '60-staff-volunteer-squad');
  await st.locator('#coverage-save').click();
  await st.locator(`#volunteer-${resident.me.user.id}-leader`).getByText('组长').waitFor();
  const rows = await api<VolunteerRow[]>('GET', '/staff/volunteers', staff);
  expect(rows.find((r) => r.userId === resident.me.user.id)).toMatchObject({ squad: 'delivery', leader: true });

  // Taken out of every squad, she cannot stay a leader.
  await vol.click();
  await st.locator('[id^="coverage-squad-"]').filter({ hasText: '不分组' }).click();
  await expect(st.locator('#coverage-leader-leader').count()).resolves.toBe(0);
  await st.locator('#coverage-save').click();
  await st.locator(`#volunteer-${resident.me.user.id}-squad`).getByText('未分组').waitFor();
  await expect(st.locator(`#volunteer-${resident.me.user.id}-leader`).count()).resolves.toBe(0);
  const after = await api<VolunteerRow[]>('GET', '/staff/volunteers', staff);
  expect(after.find((r) => r.userId === resident.me.user.id)).toMatchObject({ squad: null, leader: false });

  await st.context().close();
});

it('a failed parcel is sent out again, handed to a volunteer, and its labels print with a progress bar', async () => {
  // Staff: a window with one package; 王秀兰 orders; packed; 李志强 covers her building and is on duty.
  const { staff, volunteer, win, parcel, parcels } = await dispatchedParcelScene({
    supplier: { name: '平价粮油店', contactName: '赵老板' },
    item: {
      kind: 'package',
      name: '粮油套餐',
      contents: [{ name: '大米', quantity: '10斤' }],
      priceFen: 8800,
      limitPerHousehold: 1,
    },
    window: { title: '粮油配送批次', mode: 'fcfs', paymentMode: 'cod' },
    hours: 4,
    stock: 10,
  });
  const volunteerId = volunteer.me.user.id;

  // 李志强 accepts, picks it up with the label's code, and nobody answers the door.
  await api<ParcelTaskView>('POST', `/volunteer/tasks/${parcel.id}/accept`, volunteer.token);
  await api<ParcelTaskView>('POST', '/volunteer/scan/pickup', volunteer.token, { code: parcel.labelToken });
  const failed = await api<ParcelTaskView>('POST', `/volunteer/tasks/${parcel.id}/fail`, volunteer.token, { reason: 'no-answer' });
  expect(failed.state).toBe('FAILED');

  // Staff: 包裹与配送 from 「我的」, 没送成.
  const st = await loggedInPhone('staff');
  await st.locator('#entry-staff-parcels').click();
  const failedFilter = st.locator('#parcel-filter-3', { hasText: '没送成 1' });
  await failedFilter.waitFor();
  await failedFilter.click();
  const card = st.locator(`#parcel-${parcel.id}`);
  await card.waitFor();
  const cardText = await card.innerText();
  expect(cardText).toContain(`${parcel.unit} ${parcel.room}`);
  expect(cardText).toContain('敲门无人应答');
  expect(cardText).toContain('李志强');
  await expect(st.locator(`#parcel-${parcel.id}-state`).innerText()).resolves.toBe('配送未成功');
  await expect(st.locator('.pc-building', { hasText: parcel.building }).count()).resolves.toBeGreaterThanOrEqual(1);
  const door = await measure(st, `#parcel-${parcel.id} .card-title`);
  expect(door.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  const retrySize = await measure(st, `#parcel-${parcel.id}-retry`);
  expect(retrySize.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await button(card, '退回').waitFor();
  await screenshot(st, '56-staff-parcels-failed');

  // 重新派送: it leaves 没送成 and waits under 待派送, with nobody holding it.
  await st.locator(`#parcel-${parcel.id}-retry`).click();
  await card.waitFor({ state: 'detached' });
  await st.locator('#parcel-filter-1').click();
  await card.waitFor();
  await expect(st.locator(`#parcel-${parcel.id}-state`).innerText()).resolves.toBe('待派送');
  await expect(st.locator(`#parcel-${parcel.id}-volunteer`).innerText()).resolves.toBe('还没派给志愿者');

  // 改派: the sheet lists the volunteers, the one covering the building first; tapping 李志强 gives it to him.
  await st.locator(`#parcel-${parcel.id}-assign`).click();
  const sheet = st.locator('#assign-sheet');
  await sheet.waitFor();
  const first = sheet.locator('.pc-volunteer').first();
  await expect(first.getAttribute('id')).resolves.toBe(`assign-volunteer-${volunteerId}`);
  await expect(first.innerText()).resolves.toContain('负责这栋楼');
  const rowSize = await measure(st, `#assign-volunteer-${volunteerId}`);
  expect(rowSize.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await screenshot(st, '57-staff-parcel-assign');
  await st.locator(`#assign-volunteer-${volunteerId}`).click();
  await sheet.waitFor({ state: 'detached' });
  await st.locator('#parcel-filter-2').click();
  await st.locator(`#parcel-${parcel.id}-state`).getByText('已派单').waitFor();
  await expect(st.locator(`#parcel-${parcel.id}-volunteer`).innerText()).resolves.toBe('李志强');
  const after = await windowParcels(staff, win.id);
  expect(after.find((p) => p.id === parcel.id)).toMatchObject({ state: 'ASSIGNED', volunteerId });
  await screenshot(st, '58-staff-parcel-assigned');

  // 打印包裹标签: a slow line shows the bar moving; it ends at 100% and the PDF is saved.
  const cdp = await st.context().newCDPSession(st);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: 20 * 1024, uploadThroughput: -1 });
  const seen = new Set<string>();
  const downloaded = st.waitForEvent('download', { timeout: 60000 });
  await st.locator('#download-labels').click();
  const progress = st.locator('#download-progress');
  await progress.waitFor();
  for (let i = 0; i < 600; i += 1) {
    const text = await st
      .locator('#download-percent')
      .innerText()
      .catch(() => '');
    seen.add(text);
    if (text === '100%') break;
    await st.waitForTimeout(50);
  }
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(st.locator('#download-percent').innerText()).resolves.toBe('100%');
  await expect(st.locator('#download-title').innerText()).resolves.toBe('包裹标签已下载');
  await expect(progress.getAttribute('aria-valuenow')).resolves.toBe('100');
  const between = [...seen].filter((t) => /^\d+%$/.test(t) && t !== '0%' && t !== '100%');
  expect(between.length).toBeGreaterThan(0);
  const file = await downloaded;
  expect(file.suggestedFilename()).toBe('包裹标签.pdf');
  const path = await file.path();
  expect(readFileSync(path).subarray(0, 4).toString()).toBe('%PDF');
  await screenshot(st, '59-staff-labels-downloaded');

  // 打印志愿者配送单 works the same way.
  const sheetDownload = st.waitForEvent('download', { timeout: 60000 });
  await st.locator('#download-sheets').click();
  await st.locator('#download-title').getByText('志愿者配送单已下载').waitFor();
  expect((await sheetDownload).suggestedFilename()).toBe('志愿者配送单.pdf');

  // From the window's page, 本批包裹与标签 shows this batch only.
  await st.goto(`${base()}/#/staff/window-stats/index?id=${win.id}`);
  await st.locator('#stats-parcels').click();
  await st.locator('#parcel-batch:visible').waitFor();
  await st.locator(`#parcel-${parcel.id}:visible`).waitFor();
  await expect(st.locator('#parcel-filter-0:visible').innerText()).resolves.toBe(`全部 ${parcels.length}`);

  await st.context().close();
});
