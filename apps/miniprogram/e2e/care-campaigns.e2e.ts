/**
 * Care campaigns (issue 18), in the h5 build served by the real server, in headless Chromium on a
 * phone-sized screen: staff make a campaign for the dialysis households and add 王秀兰's household
 * by hand, give it (one parcel each, once: the button then says all are given), and see who has
 * not received theirs; 王秀兰 finds her free package on 「我的关爱包」 with the code for the door.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import { button, loggedInPhone, measure, MIN_FONT_PX, screenshot, sqlite, useServerAndBrowser } from './support';

useServerAndBrowser();

it('staff give a care package to the dialysis households and one more by hand; the household sees it', async () => {
  const dialysis = sqlite<{ n: number }>("SELECT COUNT(*) AS n FROM households WHERE tags LIKE '%,dialysis,%'")[0]?.n ?? 0;
  const [wang] = sqlite<{ id: number; tags: string }>(
    "SELECT h.id, h.tags FROM households h JOIN users u ON u.household_id = h.id WHERE u.nickname = '王秀兰'",
  );
  const wangIsDialysis = String(wang?.tags).includes(',dialysis,');
  const expected = dialysis + (wangIsDialysis ? 0 : 1);
  expect(dialysis).toBeGreaterThan(0);

  const staff = await loggedInPhone('staff');
  await staff.locator('#entry-staff-care').click();
  await staff.locator('#care-campaigns-empty').waitFor();
  await staff.locator('#care-new').click();
  // Without a name or contents: told what is missing, nothing saved.
  await staff.locator('#care-save').click();
  await staff.getByText('活动名称要 2 到 40 个字').waitFor();
  await staff.locator('#care-title input').fill('透析患者关爱包');
  await staff.locator('#care-contents textarea').fill('牛奶1箱、鸡蛋10个');
  await staff.locator('#care-tag-3').click(); // 透析患者
  // 王秀兰's household by hand: 1栋, room 101.
  await staff.locator('#care-find-building-1').click();
  await staff.locator('#care-find-room input').fill('101');
  await staff.locator('#care-find-search').click();
  await staff.locator(`#care-match-${wang?.id}`).click();
  await staff.locator(`#care-hand-${wang?.id}`).getByText('1栋1单元101', { exact: false }).waitFor();
  await screenshot(staff, '180-care-campaign-form');
  await staff.locator('#care-save').click();

  await staff.locator('#care-figures').getByText(`选中 ${expected} 户 · 已发 0 户 · 已收到 0 户`).waitFor();
  expect((await measure(staff, '#care-figures')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await staff.locator('#care-run').click();
  await staff.getByText(`给还没收到的 ${expected} 户各送一份「透析患者关爱包」`, { exact: false }).waitFor();
  await button(staff, '发放').click();
  await staff.locator('#care-figures').getByText(`选中 ${expected} 户 · 已发 ${expected} 户 · 已收到 0 户`).waitFor();
  await staff.locator('#care-run').getByText('选中的住户都已发放').waitFor();
  // Who has not received it yet: every household, each 待派送.
  await staff.locator(`#care-recipient-${wang?.id}`).getByText('待派送').waitFor();
  await expect(staff.locator('[id^="care-recipient-"]').count()).resolves.toBe(expected);
  await screenshot(staff, '181-care-campaign-given');
  const parcels = sqlite<{ n: number }>("SELECT COUNT(*) AS n FROM parcels WHERE batch LIKE 'care:%'")[0]?.n;
  expect(parcels).toBe(expected);
  // The parcels on the delivery board, in the campaign's batch.
  await staff.locator('#care-parcels').click();
  await staff.locator('#parcel-batch').waitFor();
  await staff.getByText('关爱包：透析患者关爱包（牛奶1箱、鸡蛋10个）').first().waitFor();
  await staff.context().close();

  const resident = await loggedInPhone('resident');
  await resident.locator('#entry-care-parcels').click();
  const card = resident.locator('[id^="care-parcel-"]', { hasText: '透析患者关爱包' }).first();
  await card.getByText('牛奶1箱、鸡蛋10个').waitFor();
  await card.getByText('待派送').waitFor();
  await card.locator('[id$="-door-code-open"]').click();
  await resident.locator('[id$="-door-code-overlay"]').getByText('志愿者送上门时请出示此码').waitFor();
  expect((await measure(resident, '.care-card__title')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(resident, '182-my-care-parcels');
  await resident.context().close();
});
