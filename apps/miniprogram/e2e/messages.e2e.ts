/**
 * The message list, in the h5 build served by the real server, in headless Chromium on a
 * phone-sized screen: 王秀兰 registers a medicine, the pharmacy quotes it (through the API), and
 * 「我的」 shows 消息 with 1 unread; the message says until when the quote holds, a tap opens the
 * quote, and the badge is gone when she comes back.
 *
 * Needs: `npm run build -w @linli/server` (or LINLI_SERVER_MAIN) and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { MedicineRequestView, MessagesPage } from '@linli/shared-types';
import { api, base, devLogin, loggedInPhone, measure, MIN_FONT_PX, screenshot, useServerAndBrowser } from './support';

useServerAndBrowser();

it('a resident is told their medicine was quoted and opens the quote from the message', async () => {
  const resident = (await devLogin('resident')).token;
  const pharmacist = (await devLogin('pharmacist')).token;
  const request = await api<MedicineRequestView>('POST', '/medicine-requests', resident, {
    items: [{ name: '布洛芬缓释胶囊', quantity: 1, brand: 'any', prescription: false }],
    urgency: 'normal',
  });
  await api('POST', `/pharmacy/requests/${request.id}/quote`, pharmacist, {
    items: [{ itemId: request.items[0]?.id, status: 'in_stock', unitPriceFen: 2450 }],
  });

  const page = await loggedInPhone('resident');
  const badge = page.locator('#messages-badge');
  await expect(badge.innerText()).resolves.toBe('1');
  expect((await measure(page, '#messages-badge')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(page, 'msg1-me-badge');

  await page.locator('#entry-messages').click();
  const mine = await api<MessagesPage>('GET', '/messages', resident);
  const message = mine.items[0];
  if (!message) throw new Error('no message');
  const card = page.locator(`#message-${message.id}`);
  await card.getByText('药房已报价').waitFor();
  await card.getByText('未读').waitFor();
  await expect(card.innerText()).resolves.toContain('报价 24 小时内有效');
  await screenshot(page, 'msg2-messages');

  await card.click();
  await page.waitForURL(`${base()}/#/medicine/request/index?id=${request.id}`);
  await page.locator('#medicine-state').getByText('药房已报价，请确认').waitFor();

  await page.goBack();
  await expect(page.locator(`#message-${message.id}`).getByText('未读').count()).resolves.toBe(0);
  await page.goBack();
  await page.locator('#entry-messages').waitFor();
  await page.waitForTimeout(500);
  await expect(badge.count()).resolves.toBe(0);
  const after = await api<MessagesPage>('GET', '/messages', resident);
  expect(after.items[0]?.readAt).not.toBeNull();
  await page.context().close();
});
