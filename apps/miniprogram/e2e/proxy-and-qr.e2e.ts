/**
 * The hand-over QR code of a pay-on-delivery order, staff ordering by phone for another
 * household (代居民下单), and the window's print and export downloads, in the h5 build served
 * by the real server, in headless Chromium on a phone-sized screen.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { HouseholdView, Page as ListPage } from '@linli/shared-types';
import {
  api,
  base,
  button,
  exactly,
  MIN_BUTTON_PX,
  measure,
  devLogin,
  loggedInPhone,
  screenshot,
  useServerAndBrowser,
  openWindowViaApi,
} from './support';

useServerAndBrowser();

it('a resident sees the QR code of the order, staff order for another household and download the sheets', async () => {
  const staffLogin = await devLogin('staff');
  const token = staffLogin.token;
  const { item, win } = await openWindowViaApi(token, {
    supplier: { name: '绿源蔬菜合作社' },
    item: {
      kind: 'package',
      name: '蔬菜套餐B',
      contents: [{ name: '土豆', quantity: '3斤' }],
      priceFen: 5000,
      limitPerHousehold: 2,
    },
    window: { title: '货到付款蔬菜', mode: 'fcfs', paymentMode: 'cod' },
    hours: 4,
    stock: 5,
  });

  // 李志强's household (2栋1单元302), for whom staff will order by phone.
  const found = await api<ListPage<HouseholdView>>('GET', '/staff/households?room=302&pageSize=100', token);
  const other = found.items.find((h) => h.building === '2栋' && h.unit === '1单元' && h.room === '302');
  if (!other) throw new Error('the demo seed has no 2栋1单元302');

  // 王秀兰 orders one package; the order page shows the code to show at the door.
  const resident = await loggedInPhone('resident');
  await resident.locator('#entry-windows').click();
  await resident.locator(`#window-${win.id}`).click();
  await resident.locator(`#item-${item.id}-plus`).click();
  await button(resident, '确认下单').click();
  await resident.locator('#dialog-confirm').click();
  await resident.locator('#order-placed').getByText('下单成功').waitFor();

  const qrCard = resident.locator('#order-qr');
  await qrCard.getByText('取货二维码').waitFor();
  await qrCard.getByText('送货上门时请出示此码').waitFor();
  const img = qrCard.locator('img').first();
  await expect(img.getAttribute('src')).resolves.toMatch(/^data:image\/png/);
  // Both boxes in one frame, once the page's slide-in has settled (two equal readings in a row):
  // measured separately mid-animation, the card moves between the two readings.
  const qrBoxes = (): Promise<{ img: DOMRect; card: DOMRect }> =>
    qrCard.evaluate((card) => ({
      img: (card.querySelector('img') as HTMLElement).getBoundingClientRect().toJSON() as DOMRect,
      card: card.getBoundingClientRect().toJSON() as DOMRect,
    }));
  let boxes = await qrBoxes();
  for (let i = 0; i < 40; i++) {
    await resident.waitForTimeout(100);
    const next = await qrBoxes();
    const settled = next.card.x === boxes.card.x && next.img.x === boxes.img.x;
    boxes = next;
    if (settled) break;
  }
  expect(boxes.img.width).toBeGreaterThanOrEqual(240);
  expect(boxes.img.height).toBeGreaterThanOrEqual(240);
  // The whole code is on screen, inside its card (not cropped or shifted).
  expect(boxes.img.x).toBeGreaterThanOrEqual(boxes.card.x);
  expect(boxes.img.x + boxes.img.width).toBeLessThanOrEqual(boxes.card.x + boxes.card.width);
  await expect(qrCard.innerText()).resolves.toContain('有效期至');
  await expect(resident.locator('#order-pay-button').count()).resolves.toBe(0);
  await screenshot(resident, '21-order-qr');

  // Tapping the code shows it full screen; tapping again closes it.
  await qrCard.locator('.qr-card__frame').click();
  const overlay = resident.locator('#order-qr-overlay');
  await overlay.waitFor();
  await screenshot(resident, '22-order-qr-large');
  await overlay.click();
  await overlay.waitFor({ state: 'detached' });

  // Staff open 代居民下单 from the window list and find the household by building and room.
  const staff = await loggedInPhone('staff');
  await staff.getByText('订购批次', { exact: true }).click();
  const proxyButton = staff.locator(`#staff-window-${win.id}-proxy`);
  await proxyButton.waitFor();
  expect((await measure(staff, `#staff-window-${win.id}-proxy`)).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await proxyButton.click();

  await staff.locator('#proxy-find').waitFor();
  await staff.locator('#proxy-find .choice', { hasText: exactly('2栋') }).click();
  await staff.locator('#proxy-room input').fill('302');
  await screenshot(staff, '23-proxy-find');
  await button(staff, '查找住户').click();
  const chosen = staff.locator(`#proxy-household-${other.id}`);
  await chosen.waitFor();
  await chosen.click();
  await expect(chosen.innerText()).resolves.toContain(other.address);

  await staff.locator(`#proxy-items #item-${item.id}-plus`).click();
  await expect(staff.locator(`#item-${item.id}-quantity`).innerText()).resolves.toBe('1');
  await expect(staff.locator('#proxy-note textarea').inputValue()).resolves.toBe('电话代订');
  await expect(staff.locator('#proxy-order-total').innerText()).resolves.toBe('¥50.00');
  await screenshot(staff, '24-proxy-items');
  await button(staff, '确认代下单').click();
  await staff.locator('.nut-dialog').getByText(other.address).waitFor();
  await staff.locator('#dialog-confirm').click();

  const result = staff.locator('#proxy-result');
  await staff.locator('#proxy-placed').getByText('下单成功').waitFor();
  const resultText = await result.innerText();
  expect(resultText).toContain('代下单');
  expect(resultText).toContain(other.address);
  expect(resultText).toContain('蔬菜套餐B × 1');
  await expect(staff.locator('#proxy-total').innerText()).resolves.toBe('¥50.00');
  await button(staff, '为另一户下单').waitFor();
  await screenshot(staff, '25-proxy-placed');

  // The window's figures count both orders and offer the pick lists and the order sheet.
  await staff.goto(`${base()}/`);
  await staff.getByText('订购批次', { exact: true }).click();
  await staff.locator(`#staff-window-${win.id} .sw-go`).click();
  await expect(staff.locator('#stats-active').innerText()).resolves.toBe('2 单');
  for (const words of ['打印拣货单（PDF）', '拣货单 Excel', '订单 Excel']) await button(staff, words).waitFor();
  expect((await measure(staff, '#download-orders-xlsx')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  const [download] = await Promise.all([staff.waitForEvent('download'), button(staff, '订单 Excel').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  await screenshot(staff, '26-staff-downloads');

  await staff.context().close();
  await resident.context().close();
});
