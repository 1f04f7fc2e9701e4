/**
 * 微信提醒未送达, in the h5 build served by the real server, in headless Chromium on a phone-sized
 * screen: WeChat refused the subscribe message telling 王秀兰 her refund was paid (a template
 * keyword the configuration forgot), so staff see who, what it said, WeChat's reason, and phone her
 * from the card. A resident's entry has no such page.
 *
 * The test server talks to no WeChat (dev login needs none configured), so the refused send is set
 * up as the rows WeChat's 47003 answer leaves (a message and its RETURNED spend); the road from
 * WeChat's answer to those rows is proven in the server's subscribe.e2e-spec.ts.
 *
 * Needs: `npm run build -w @linli/server` (or LINLI_SERVER_MAIN) and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { RefusedPushView } from '@linli/shared-types';
import { api, devLogin, loggedInPhone, measure, MIN_FONT_PX, screenshot, sqlite, useServerAndBrowser } from './support';

useServerAndBrowser();

/** SQLite's datetime text as TypeORM writes it (UTC). */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

it('staff see a subscribe message WeChat refused, with what it said and the number to call', async () => {
  const staff = (await devLogin('staff')).token;
  const residentLogin = await devLogin('resident');
  const [who] = sqlite<{ id: number; community: number }>(
    `SELECT u.id AS id, h.community_id AS community FROM users u JOIN households h ON h.id = u.household_id WHERE u.dev_key = 'resident'`,
  );
  if (!who) throw new Error('no demo resident');
  expect(await api<RefusedPushView[]>('GET', '/staff/subscriptions/refused', staff)).toEqual([]);

  const at = Date.now() - 60_000;
  sqlite(
    `INSERT INTO messages (user_id, community_id, kind, title, body, link, deadline, once_key, created_at, read_at)
     VALUES (?, ?, 'order.refunded', '退款已到账', '订单退款 ¥36.00 已原路退回', '/pages/orders/index', NULL, NULL, ?, NULL)`,
    who.id,
    who.community,
    stamp(at),
  );
  const [message] = sqlite<{ id: number }>('SELECT MAX(id) AS id FROM messages');
  const reason = 'WeChat errcode 47003: argument invalid! data.phrase2.value is empty';
  sqlite(
    `INSERT INTO subscription_spends (message_id, user_id, community_id, kind, template_id, state, reason, created_at, updated_at)
     VALUES (?, ?, ?, 'order.refunded', 'TPL_REFUND', 'RETURNED', ?, ?, ?)`,
    message?.id,
    who.id,
    who.community,
    reason,
    stamp(at),
    stamp(at + 1000),
  );

  const page = await loggedInPhone('staff');
  await page.locator('#entry-staff-push-refused').click();
  const card = page.locator(`#push-refused-${message?.id}`);
  await card.getByText('退款已到账').waitFor();
  const text = await card.innerText();
  expect(text).toContain('订单退款 ¥36.00 已原路退回');
  expect(text).toContain('王秀兰 · 1栋1单元101');
  expect(text).toContain('data.phrase2.value');
  await expect(page.locator(`#push-refused-phone-${message?.id}`).innerText()).resolves.toBe('13955110101');
  expect((await measure(page, `#push-refused-phone-${message?.id}`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(page, 'push-refused');

  // Last on this page: headless Chromium leaves a page that navigated to tel: without answering clicks.
  const dialled = page.waitForEvent('request', (r) => r.url().startsWith('tel:'));
  await page.locator(`#push-refused-call-${message?.id}`).click();
  expect((await dialled).url()).toBe('tel:13955110101');
  await page.context().close();

  // The list is staff's: a resident is refused it.
  await expect(api('GET', '/staff/subscriptions/refused', residentLogin.token)).rejects.toThrow(/→ 403/);
  const resident = await loggedInPhone('resident');
  await resident.locator('#entry-messages').waitFor();
  await expect(resident.locator('#entry-staff-push-refused').count()).resolves.toBe(0);
  await resident.context().close();
});
