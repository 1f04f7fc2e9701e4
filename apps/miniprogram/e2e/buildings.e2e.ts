/**
 * Staff set up a building on the screen (issue 13): 楼栋管理 on 「我的」, a new building with two
 * units as chips and a zone, doors added floor by floor and one by one, the list showing it,
 * deletion only of an empty building after a question; then a newcomer binds to one of its doors.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { StaffBuildingView } from '@linli/shared-types';
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

it('staff add a building with two units and doors; a newcomer picks it when binding', async () => {
  const staff = await loggedInPhone('staff');
  await staff.locator('#entry-staff-buildings').click();
  await staff.locator('.bd-card', { hasText: '1栋' }).first().waitFor();
  await screenshot(staff, 'buildings-01-list');

  // 新增楼栋: a bare number is named like the import names it; units are added as chips.
  await staff.locator('#building-new').click();
  const form = staff.locator('#building-form');
  await form.locator('#bd-submit').click();
  await form.getByText('请至少添加一个单元').waitFor();
  await form.locator('#bd-name input').fill('20');
  for (const unit of ['1', '2单元']) {
    await form.locator('#bd-new-unit input').fill(unit);
    await form.locator('#bd-add-unit').click();
  }
  await form.locator('#bd-new-unit input').fill('1');
  await form.locator('#bd-add-unit').click();
  await form.getByText('已经有“1单元”了').waitFor();
  await expect(form.locator('.bd-chip .bd-chip__name').allInnerTexts()).resolves.toEqual(['1单元', '2单元']);
  const chip = await measure(staff, '#building-form .bd-chip');
  expect(chip.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect(chip.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await form.locator('.choice', { hasText: exactly('A区') }).click();
  await screenshot(staff, 'buildings-02-new-form');
  await form.locator('#bd-submit').click();

  const card = staff.locator('.bd-card', { hasText: '20栋' });
  await card.waitFor();
  await expect(card.innerText()).resolves.toContain('A区');
  await expect(card.innerText()).resolves.toContain('0 户');

  // 添加门牌: 3 floors of 2 doors in 1单元, then one door in 2单元.
  await button(card, '添加门牌').click();
  const doors = staff.locator('#doors-form');
  await doors.locator('#doors-floors input').fill('3');
  await doors.locator('#doors-per-floor input').fill('2');
  await doors.locator('#doors-preview').getByText('将添加 101 到 302，共 6 户').waitFor();
  await screenshot(staff, 'buildings-03-doors');
  await doors.locator('#doors-submit').click();
  await staff.getByText('已添加 6 户').waitFor();
  await card.getByText('6 户').waitFor();

  await button(card, '添加门牌').click();
  await doors.locator('.choice', { hasText: exactly('2单元') }).click();
  await doors.locator('#doors-mode-single').click();
  await doors.locator('#doors-room input').fill('101');
  await doors.locator('#doors-submit').click();
  await card.getByText('7 户').waitFor();
  await expect(card.locator('.bd-chip').allInnerTexts()).resolves.toEqual([expect.stringContaining('6户'), expect.stringContaining('1户')]);
  await screenshot(staff, 'buildings-04-with-doors');

  // 修改: a unit renamed by tapping its chip takes its household along.
  await button(card, '修改').click();
  const edit = staff.locator('#building-form');
  await edit.locator('#bd-unit-name-1').click();
  await edit.locator('#bd-rename-unit input').fill('东单元');
  await edit.locator('#bd-rename-save').click();
  await expect(edit.locator('.bd-chip .bd-chip__name').allInnerTexts()).resolves.toEqual(['1单元', '东单元']);
  await edit.locator('#bd-submit').click();
  await card.locator('.bd-chip', { hasText: '东单元' }).getByText('1户').waitFor();

  // A zone renamed in 封控片区 shows on the building.
  const zoneRow = staff.locator('#zones-card .bd-zone', { hasText: 'A区' });
  await button(zoneRow, '改名').click();
  await staff.locator('#zone-new-name input').fill('东片');
  await staff.locator('#zone-submit').click();
  await card.getByText('东片').waitFor();
  await screenshot(staff, 'buildings-05-renamed');

  // A building with households is not deleted: the question says why.
  await button(card, '删除').click();
  await staff.getByText('20栋还登记着 7 户住户，不能删除').waitFor();
  await staff.locator('#dialog-cancel').click();
  // An empty one goes after the question.
  const { token } = await devLogin('staff');
  await api<StaffBuildingView>('POST', '/staff/buildings', token, { name: '临时楼', units: ['1单元'] });
  await staff.reload();
  const spare = staff.locator('.bd-card', { hasText: '临时楼' });
  await button(spare, '删除').click();
  await staff.getByText('删除后，居民绑定时就看不到这栋楼了。').waitFor();
  await staff.locator('#dialog-confirm').click();
  await spare.waitFor({ state: 'detached' });
  await expect(staff.locator('.bd-card', { hasText: '20栋' }).count()).resolves.toBe(1);

  // A newcomer finds the new building and its door in the binding form.
  const context = await phoneContext();
  const resident = await context.newPage();
  await resident.goto(`${base()}/`);
  await resident.locator('#dev-login-new-resident').click();
  await resident.getByText('您还没有绑定住户').waitFor();
  await button(resident, '绑定我的住户').click();
  await resident.locator('.choice', { hasText: exactly('20栋') }).click();
  await resident.locator('.choice', { hasText: exactly('1单元') }).click();
  await resident.locator('#bind-room input').fill('302');
  await resident.locator('#bind-name input').fill('周桂英');
  await resident.locator('#bind-phone input').fill('13912340302');
  await resident.locator('#bind-submit').click();
  const status = resident.locator('#binding-status');
  await status.getByText('等待社区审核').waitFor();
  await expect(status.innerText()).resolves.toContain('20栋1单元302');
  await screenshot(resident, 'buildings-06-newcomer-bound-to-new-door');

  await context.close();
  await staff.context().close();
});
