/**
 * Elderly mode (issue 18), in the h5 build served by the real server, in headless Chromium on a
 * phone-sized screen: 王秀兰 turns 「长辈模式（大字）」 on from 「我的」; the first screen then shows
 * the three big tiles (订物资, 买药, 求助); body text is at least 20 CSS px and every button and
 * tile at least 56 CSS px tall (适老化 guidance); she orders a package in three taps (tile → item
 * → 确认下单) from a confirmation said in words; turning the mode off brings the usual screen back.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { Page } from 'playwright-core';
import type { HouseholdView, MeResponse, OrderView, Page as Paged } from '@linli/shared-types';
import { api, base, devLogin, loggedInPhone, openWindowViaApi, screenshot, useServerAndBrowser } from './support';

useServerAndBrowser();

/** 适老化 guidance: body text at least 20 CSS px (18pt), touch targets at least 56 CSS px tall. */
const ELDERLY_FONT_PX = 20;
const ELDERLY_TARGET_PX = 56;

/**
 * Every visible piece of text on the page shown now, with its computed font size: each element
 * that holds text of its own (not only through its children).
 */
function textSizes(page: Page): Promise<{ text: string; fontSize: number }[]> {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const roots = Array.from(document.querySelectorAll('.taro_page')).filter((p) => shown(p));
    const root = roots[roots.length - 1] ?? document.body;
    const out: { text: string; fontSize: number }[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (own && shown(el)) out.push({ text: own, fontSize: parseFloat(getComputedStyle(el).fontSize) });
    }
    return out;
  });
}

/** Every visible button, tile, entry row and choice on the page shown now, with its height. */
function targetHeights(page: Page): Promise<{ text: string; height: number }[]> {
  return page.evaluate(() => {
    const roots = Array.from(document.querySelectorAll('.taro_page')).filter((p) => p.getBoundingClientRect().height > 0);
    const root = roots[roots.length - 1] ?? document.body;
    return Array.from(root.querySelectorAll('.nut-button, button, .tile, .entry, .choice'))
      .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 20), height: el.getBoundingClientRect().height }))
      .filter((b) => b.height > 0);
  });
}

/** The first words of a one-task screen are below the title bar, not under it. */
async function expectTopShown(page: Page, selector: string): Promise<void> {
  const { bar, top } = await page.locator(selector).evaluate((el) => ({
    bar: document.querySelector('.taro-navigation-bar-show')?.getBoundingClientRect().bottom ?? 0,
    top: el.getBoundingClientRect().top,
  }));
  expect(top).toBeGreaterThanOrEqual(bar);
}

async function expectElderlySizes(page: Page, where: string): Promise<void> {
  const texts = await textSizes(page);
  expect(texts.length).toBeGreaterThan(0);
  expect({ where, small: texts.filter((t) => t.fontSize < ELDERLY_FONT_PX) }).toEqual({ where, small: [] });
  const targets = await targetHeights(page);
  expect(targets.length).toBeGreaterThan(0);
  expect({ where, low: targets.filter((b) => b.height < ELDERLY_TARGET_PX) }).toEqual({ where, low: [] });
}

it('elderly mode: three big tiles first, large text and buttons, an order in three taps, and off again', async () => {
  const { token } = await devLogin('resident');
  const resident = await loggedInPhone('resident');

  // Off at first: the usual 「我的」, the switch below the profile card.
  const toggle = resident.locator('#elderly-switch');
  await toggle.waitFor();
  await expect(resident.locator('#elderly-switch-state').innerText()).resolves.toBe('已关闭');
  await expect(resident.locator('#tile-order').count()).resolves.toBe(0);
  const profileBottom = await resident.locator('#profile-card').evaluate((el) => el.getBoundingClientRect().bottom);
  const switchTop = await toggle.evaluate((el) => el.getBoundingClientRect().top);
  expect(switchTop).toBeGreaterThanOrEqual(profileBottom);

  // On: the server keeps it, so it is still on after the app is opened again.
  await toggle.click();
  await resident.locator('#elderly-switch-state').getByText('已开启').waitFor();
  await resident.locator('#tile-order').waitFor();
  expect((await api<MeResponse>('GET', '/me', token)).preferences).toEqual({ elderly: true, elderlySource: 'user' });
  await resident.goto(`${base()}/`);
  await resident.locator('#tile-order').waitFor();
  await screenshot(resident, 'elderly-01-home');

  // The first screen: the three tiles, each whole on the screen without scrolling.
  const viewport = resident.viewportSize()?.height ?? 0;
  for (const [id, words] of [
    ['#tile-order', '订物资'],
    ['#tile-medicine', '买药'],
    ['#tile-help', '求助'],
  ] as const) {
    const tile = resident.locator(id);
    await expect(tile.locator('.tile__title').innerText()).resolves.toBe(words);
    const box = await tile.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.height).toBeGreaterThanOrEqual(ELDERLY_TARGET_PX);
    expect(box.bottom).toBeLessThanOrEqual(viewport);
  }
  expect(await resident.evaluate(() => document.body.classList.contains('elderly'))).toBe(true);
  await expectElderlySizes(resident, '我的');

  // No window open yet: 订物资 says so plainly.
  await resident.locator('#tile-order').click();
  await resident.locator('#easy-none').getByText('现在没有可以订的物资').waitFor();
  await expectElderlySizes(resident, '订物资（没有可订的）');
  await resident.locator('#easy-back').click();
  await resident.locator('#tile-order').waitFor();

  // Staff open a pay-on-delivery window delivering tomorrow.
  const staff = await devLogin('staff');
  const { item, win } = await openWindowViaApi(staff.token, {
    supplier: { name: '绿源蔬菜合作社', contactName: '李师傅' },
    item: {
      kind: 'package',
      name: '蔬菜套餐',
      contents: [
        { name: '青菜', quantity: '2斤' },
        { name: '土豆', quantity: '3斤' },
      ],
      priceFen: 3800,
      limitPerHousehold: 2,
    },
    window: { title: '明日蔬菜', mode: 'fcfs', paymentMode: 'cod' },
    hours: 4,
    stock: 10,
  });

  // Tap 1: the tile.
  await resident.locator('#tile-order').click();
  const card = resident.locator(`#easy-item-${item.id}`);
  await card.waitFor();
  const cardText = await card.innerText();
  for (const words of ['蔬菜套餐', '青菜2斤', '¥38.00', '明天送到', '送到时付款']) expect(cardText).toContain(words);
  await expectElderlySizes(resident, '订物资');
  await expectTopShown(resident, '.easy-order__hint');
  await screenshot(resident, 'elderly-02-items');

  // Tap 2: 「订 1 份」. The order in words, and one big button.
  await resident.locator(`#easy-pick-${item.id}`).click();
  const words = resident.locator('#easy-confirm-words');
  await words.waitFor();
  await expect(words.innerText()).resolves.toBe('您订了：蔬菜套餐 1 份，明天送到 1栋1单元101');
  await expect(resident.locator('#easy-confirm-card').innerText()).resolves.toContain('送到时付给送货的志愿者');
  await expectElderlySizes(resident, '确认下单');
  await expectTopShown(resident, '#easy-confirm-words');
  await screenshot(resident, 'elderly-03-confirm');

  // Tap 3: 「确认下单」. The order page says it worked.
  await resident.locator('#easy-confirm').click();
  await resident.locator('#order-placed').getByText('下单成功').waitFor();
  await expect(resident.locator('#order-state').innerText()).resolves.toBe('已下单');
  await expectElderlySizes(resident, '订单');
  await screenshot(resident, 'elderly-04-placed');

  // The order exists on the server: one package from that window, for her household.
  const mine = (await api<OrderView[]>('GET', '/orders/mine', token)).filter((o) => o.windowId === win.id);
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ state: 'CONFIRMED', paymentMode: 'cod', totalFen: 3800 });
  expect(mine[0]?.lines.map((l) => [l.name, l.quantity])).toEqual([['蔬菜套餐', 1]]);

  // Off again: the usual 「我的」 comes back.
  await resident.goto(`${base()}/`);
  await resident.locator('#elderly-switch').click();
  await resident.locator('#elderly-switch-state').getByText('已关闭').waitFor();
  await resident.locator('#entry-windows').waitFor();
  await expect(resident.locator('#tile-order').count()).resolves.toBe(0);
  expect(await resident.evaluate(() => document.body.classList.contains('elderly'))).toBe(false);
  await resident.locator('#profile-card').waitFor();
  expect((await api<MeResponse>('GET', '/me', token)).preferences).toEqual({ elderly: false, elderlySource: 'user' });
  await screenshot(resident, 'elderly-05-off');

  await resident.context().close();
});

it("staff turn elderly mode on as a household's default: tagging 独居老人 suggests it, saving keeps it", async () => {
  const staff = await devLogin('staff');
  const households = await api<Paged<HouseholdView>>('GET', '/staff/households?pageSize=50', staff.token);
  const plain = households.items.find((h) => h.tags.length === 0 && !h.elderlyDefault && h.members.length === 0);
  if (!plain) throw new Error('the demo has no untagged household without members');

  const page = await loggedInPhone('staff');
  await page.goto(`${base()}/#/staff/household-edit/index?id=${plain.id}`);
  const on = page.locator('#edit-elderly-0');
  await on.waitFor();
  await expect(on.getAttribute('class')).resolves.not.toContain('choice--selected');

  // 独居老人: elderly mode is suggested at once, and the hint says why.
  await page.locator('#edit-tag-0').click();
  await expect(page.locator('#edit-tag-0').innerText()).resolves.toBe('独居老人');
  await expect(on.getAttribute('class')).resolves.toContain('choice--selected');
  await expect(page.locator('#edit-elderly-hint').innerText()).resolves.toContain('独居、空巢老人家庭建议开启');
  await screenshot(page, 'elderly-06-staff-default');

  await page.locator('#household-save').click();
  await page.getByText('已保存').waitFor();
  const saved = await api<HouseholdView>('GET', `/households/${plain.id}`, staff.token);
  expect(saved).toMatchObject({ tags: ['elderly-alone'], elderlyDefault: true });

  // Staff may still say no: 不开启 is kept even with the tag.
  await page.getByText('已保存').waitFor({ state: 'hidden' });
  await page.locator('#edit-elderly-1').click();
  await page.locator('#household-save').click();
  await page.getByText('已保存').waitFor();
  expect(await api<HouseholdView>('GET', `/households/${plain.id}`, staff.token)).toMatchObject({
    tags: ['elderly-alone'],
    elderlyDefault: false,
  });
  await page.context().close();
});
