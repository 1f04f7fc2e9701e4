/**
 * Online classes (issue 16), in the h5 build served by the real server, in headless Chromium on
 * a phone-sized screen: staff schedule a yoga class for 1栋 on the screen; 王秀兰 (1栋) reads it
 * and signs up (已报名, a countdown); a class that is full offers 排队候补 and shows her place
 * in line; she cancels behind a confirm; staff see the sign-ups per building.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { ClassView, StaffClassView } from '@linli/shared-types';
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

const TITLE = '居家瑜伽入门';

it('staff schedule a class for 1栋; a 1栋 resident reads it and signs up; a full class offers the waiting list; she cancels; staff see the sign-ups', async () => {
  // Staff schedule on the screen: the start time defaults to tomorrow.
  const staff = await loggedInPhone('staff');
  await staff.locator('#entry-staff-classes').click();
  await button(staff, '新建课程').click();
  await staff.locator('#class-kind-0').click(); // 瑜伽
  await staff.locator('#class-title input').fill(TITLE);
  await staff.locator('#class-teacher input').fill('李老师');
  await staff.locator('#class-limited-1').click(); // 限定名额
  await staff.locator('#class-capacity input').fill('20');
  await staff.locator('#class-live-url input').fill('https://meeting.tencent.com/dm/yoga123');
  await staff.locator('#class-building-1').click(); // 1栋 (0 is 全部)
  await screenshot(staff, '160-class-form');
  await staff.locator('#class-save').click();
  await staff.locator('#class-summary').getByText(TITLE).waitFor();
  await staff.locator('#class-state').getByText('报名中').waitFor();

  const staffToken = (await devLogin('staff')).token;
  const [yoga] = (await api<StaffClassView[]>('GET', '/staff/classes', staffToken)).filter((c) => c.title === TITLE);
  expect(yoga).toMatchObject({ kind: 'yoga', capacity: 20, audience: '1栋', teacher: '李老师' });
  const id = (yoga as StaffClassView).id;

  // A class for everyone with one seat, taken by 李志强 (2栋).
  const full = await api<StaffClassView>('POST', '/staff/classes', staffToken, {
    kind: 'reading',
    title: '亲子绘本共读',
    teacher: '王老师',
    startsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    minutes: 40,
    capacity: 1,
    liveUrl: 'https://example.com/live/reading',
  });
  await api<ClassView>('POST', `/classes/${full.id}/signup`, (await devLogin('volunteer')).token, {});

  // 王秀兰 (1栋) reads the class and signs up.
  const wang = await loggedInPhone('resident');
  await wang.locator('#entry-classes').click();
  await wang.locator(`#class-${id}`).getByText(TITLE).waitFor();
  await wang.locator(`#class-${id}-badge`).getByText('可报名').waitFor();
  await wang.locator(`#class-${full.id}-badge`).getByText('已报满').waitFor();
  await screenshot(wang, '161-classes-list');
  await wang.locator(`#class-${id}`).click();
  await wang.locator('#class-title').getByText(TITLE).waitFor();
  await wang.locator('#class-seats').getByText('剩 20 个（共 20 个）').waitFor();
  await wang
    .locator('#class-countdown')
    .getByText(/天|小时/)
    .waitFor();
  expect((await measure(wang, '#class-title')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect((await measure(wang, '#class-signup')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await wang.locator('#class-signup').click();
  await wang.locator('#class-place').getByText('已报名').waitFor();
  await wang.locator('#class-seats').getByText('剩 19 个（共 20 个）').waitFor();
  await screenshot(wang, '162-class-signed');
  // No live link until shortly before the start.
  await expect(wang.locator('#class-live').count()).resolves.toBe(0);

  // The full class: 排队候补, and her place in line.
  await wang.goto(`${base()}/#/activities/class/index?id=${full.id}`);
  await wang.locator('#class-full').waitFor();
  await wang.locator('#class-waitlist').click();
  await wang.locator('#class-place').getByText('候补第1位').waitFor();
  await screenshot(wang, '163-class-waiting');

  // She cancels the yoga class, after a confirm: 报名 is offered again.
  await wang.goto(`${base()}/#/activities/class/index?id=${id}`);
  await wang.locator('#class-cancel').click();
  await wang.locator('#dialog-confirm').click();
  await wang.locator('#class-signup').waitFor();
  await expect(wang.locator('#class-place').count()).resolves.toBe(0);
  await wang.locator('#class-signup').click();
  await wang.locator('#class-place').getByText('已报名').waitFor();

  // A class starting in 5 minutes: 进入直播 opens the live link (in the browser, a new tab).
  const soon = await api<StaffClassView>('POST', '/staff/classes', staffToken, {
    kind: 'health',
    title: '健康讲座：居家防疫',
    teacher: '张医生',
    startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
    minutes: 30,
    liveUrl: `${base()}/api/health`,
  });
  await wang.goto(`${base()}/#/activities/class/index?id=${soon.id}`);
  await wang.locator('#class-signup').click();
  await wang.locator('#class-place').getByText('已报名').waitFor();
  const [tab] = await Promise.all([wang.context().waitForEvent('page'), wang.locator('#class-live').click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(`${base()}/api/health`);
  await tab.close();
  await screenshot(wang, '164-class-live');

  // Staff see the sign-ups for 1栋, with her door.
  await staff.goto(`${base()}/#/staff/class-signups/index?id=${id}`);
  await staff.locator('#class-signed').getByText('1 户').waitFor();
  await staff.locator('#class-signup-list').getByText('已报名', { exact: false }).waitFor();
  await screenshot(staff, '165-class-signups');

  for (const page of [staff, wang]) await page.context().close();
});
