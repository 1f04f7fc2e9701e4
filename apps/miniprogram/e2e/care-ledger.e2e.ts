/**
 * The daily care ledger and acting for a household (issue 18), in the h5 build served by the real
 * server, in headless Chromium on a phone-sized screen: 李志强, the grid worker of 1栋, opens today's
 * list (王秀兰, living alone, red: not reached), calls, records 「电话联系上 · 要买药」, and turns the
 * need into a medicine request for her household in one tap; the ledger shows what it became.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { MeResponse } from '@linli/shared-types';
import { api, devLogin, loggedInPhone, measure, MIN_FONT_PX, screenshot, sqlite, useServerAndBrowser } from './support';

useServerAndBrowser();

it('a grid worker records today’s call and turns the need into a medicine request for the household', async () => {
  const [wang] = sqlite<{ id: number; buildingId: number; communityId: number }>(
    "SELECT h.id, h.building_id AS buildingId, h.community_id AS communityId FROM households h JOIN users u ON u.household_id = h.id WHERE u.nickname = '王秀兰'",
  );
  // 王秀兰 lives alone; 李志强 is her building's grid worker (the help team's 网格员).
  sqlite("UPDATE households SET tags = ',elderly-alone,' WHERE id = ?", wang?.id);
  const volunteer = await devLogin('volunteer');
  const li = (await api<MeResponse>('GET', '/me', volunteer.token)).user.id;
  const office = await devLogin('staff');
  await api('PUT', '/staff/help/teams', office.token, { buildingId: wang?.buildingId, role: 'grid_worker', userId: li });

  const page = await loggedInPhone('volunteer');
  await page.locator('#entry-family').click();
  await page.locator(`#family-household-${wang?.id}`).getByText('我是网格员').waitFor();
  await page.locator('#family-ledger').click();
  const card = page.locator(`#ledger-${wang?.id}`);
  await card.getByText('两天没联系上').waitFor();
  expect((await measure(page, `#ledger-${wang?.id} .card-title`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(page, '190-ledger-today');
  await page.locator(`#ledger-${wang?.id}-record`).click();
  // Nothing chosen: told what to choose.
  await page.locator('#ledger-save').click();
  await page.locator('#ledger-error').getByText('请先选', { exact: false }).waitFor();
  await page.locator('#ledger-kind-phone').click();
  await page.locator('#ledger-need-0').click(); // 要买药
  await page.locator('#ledger-note textarea').fill('降压药还剩两天');
  await page.locator('#ledger-save').click();
  await page.locator('#ledger-next').waitFor();
  await screenshot(page, '191-ledger-next');
  await page.locator('#ledger-to-medicine').click();

  // The medicine form, for her household.
  await page.locator('#med-proxy').getByText('代登记', { exact: false }).waitFor();
  await page.locator('#med-item-0-name input').fill('硝苯地平缓释片');
  await page.locator('#med-urgency-1').click(); // 慢性病续药
  await page.locator('#med-submit').click();
  await page.waitForURL(/medicine\/request/);
  // The grid worker follows the request like the household does.
  await page.getByText('硝苯地平缓释片').first().waitFor();
  const [request] = sqlite<{ id: number; proxy: number; householdId: number }>(
    'SELECT id, proxy, household_id AS householdId FROM medicine_requests ORDER BY id DESC LIMIT 1',
  );
  expect(request).toMatchObject({ householdId: wang?.id, proxy: 1 });
  const [contact] = sqlite<{ kind: string; needs: string; followUps: string }>(
    'SELECT kind, needs, follow_ups AS followUps FROM care_contacts WHERE household_id = ?',
    wang?.id,
  );
  expect(contact).toEqual({ kind: 'phone', needs: 'medicine', followUps: `medicine:${request?.id}` });

  // The list again, opened afresh: reached today, and what the need became.
  await page.goto(`${page.url().split('#')[0]}#/care/ledger/index`);
  await page.reload();
  await page.locator(`#ledger-${wang?.id}`).getByText('今天已联系上').waitFor();
  await screenshot(page, '192-ledger-reached');
  await page.locator(`#ledger-${wang?.id}`).getByText('电话联系上：要买药（降压药还剩两天）', { exact: false }).waitFor();
  await page.context().close();
});
