/**
 * Notices (issue 14), in the h5 build served by the real server, in headless Chromium on a
 * phone-sized screen: staff post an urgent notice for 1栋 on the screen; 王秀兰 (1栋) finds it on
 * 「我的」 with the unread badge and its title, opens it, and staff see the read count rise;
 * 李志强 (2栋) does not see it. Staff then correct it (shown as edited) and withdraw it (gone).
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { StaffNoticeView } from '@linli/shared-types';
import { api, base, button, devLogin, loggedInPhone, measure, MIN_BUTTON_PX, screenshot, useServerAndBrowser } from './support';

useServerAndBrowser();

const TITLE = '1栋今晚8点起解除封控';

it('staff post an urgent notice for 1栋; a 1栋 resident sees it unread, opens it, and the read count rises; 2栋 does not see it; edited, then withdrawn', async () => {
  const staff = await loggedInPhone('staff');
  await staff.locator('#entry-staff-notices').click();
  await button(staff, '发布通知').click();
  await staff.locator('#notice-category-1').click(); // 封控解封
  expect((await measure(staff, '#notice-category-1')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await staff.locator('#notice-title input').fill(TITLE);
  await staff.locator('#notice-body textarea').fill('经区防控指挥部批准，1栋今晚8点起解除封控，请大家出门仍戴好口罩。');
  await staff.locator('#notice-building-1').click(); // 1栋 (0 is 全部)
  await staff.locator('#notice-urgent-1').click(); // 是
  await screenshot(staff, '110-notice-form');
  await staff.locator('#notice-save').click();
  await staff
    .locator('#reads-total')
    .getByText(/^0\/\d+ 户已读/)
    .waitFor();
  await staff.locator('#reads-status').getByText('发布中 · 1栋', { exact: false }).waitFor();
  const [notice] = (await api<StaffNoticeView[]>('GET', '/staff/notices', (await devLogin('staff')).token)).filter(
    (n) => n.title === TITLE,
  );
  expect(notice).toMatchObject({ urgent: true, category: 'lockdown', buildingIds: [expect.any(Number)] });
  const id = (notice as StaffNoticeView).id;
  await staff.locator(`#lagging-${notice?.buildingIds[0]}`).waitFor();

  // 王秀兰 (1栋): the card on 「我的」 says it is unread and names it.
  const wang = await loggedInPhone('resident');
  await wang.locator('#notices-unread').getByText('1 条未读').waitFor();
  await wang.locator('#notices-urgent').getByText(`紧急：${TITLE}`).waitFor();
  await screenshot(wang, '111-me-notices-card');
  await wang.locator('#notices-card').click();
  await wang.locator(`#notice-${id}-unread`).waitFor();
  await wang.locator(`#notice-${id}-urgent`).getByText('紧急').waitFor();
  await screenshot(wang, '112-notices-list');
  await wang.locator(`#notice-${id}`).click();
  await wang.locator('#notice-title').getByText(TITLE).waitFor();
  await wang.locator('#notice-body').getByText('请大家出门仍戴好口罩', { exact: false }).waitFor();
  await screenshot(wang, '113-notice-detail');
  await wang.goto(`${base()}/#/pages/me/index`);
  await wang.locator('#notices-card').getByText('都看过了').waitFor();
  await expect(wang.locator('#notices-unread').count()).resolves.toBe(0);

  // Staff see the read count rise (pull the page again).
  await staff.goto(`${base()}/#/staff/notices-reads/index?id=${id}`);
  await staff
    .locator('#reads-total')
    .getByText(/^1\/\d+ 户已读/)
    .waitFor();
  await screenshot(staff, '114-notice-reads');

  // 李志强 lives in 2栋: nothing on his card, nothing in his list.
  const li = await loggedInPhone('volunteer');
  await li.locator('#notices-card').getByText('都看过了').waitFor();
  await expect(li.locator('#notices-urgent').count()).resolves.toBe(0);
  await li.locator('#notices-card').click();
  await li.locator('#notices-empty').waitFor();
  await expect(li.getByText(TITLE).count()).resolves.toBe(0);

  // Staff correct the title: 王秀兰 sees it as edited. Then they withdraw it, after a confirm.
  await staff.locator('#notice-edit').click();
  await staff.locator('#notice-title input').fill(`${TITLE}（更正）`);
  await staff.locator('#notice-save').click();
  await staff.getByText(`${TITLE}（更正）`).waitFor();
  await wang.goto(`${base()}/#/notices/detail/index?id=${id}`);
  await wang.locator('#notice-title').getByText(`${TITLE}（更正）`).waitFor();
  await wang.locator('#notice-edited').getByText('已修改', { exact: false }).waitFor();
  await staff.locator('#notice-withdraw').click();
  await staff.locator('#dialog-confirm').click();
  await staff.locator('#reads-status').getByText('已撤回', { exact: false }).waitFor();
  await wang.goto(`${base()}/#/notices/list/index`);
  await wang.locator('#notices-empty').waitFor();

  for (const page of [staff, wang, li]) await page.context().close();
});
