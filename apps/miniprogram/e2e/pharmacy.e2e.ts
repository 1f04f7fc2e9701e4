/**
 * The pharmacy's side of medicine bought on residents' behalf, in the h5 build served by the real
 * server, in headless Chromium on a phone-sized screen: the demo pharmacist works the queue,
 * looks at the prescription photo, quotes, buys with a receipt photo (the request becomes a
 * parcel whose contents volunteers read only as 「药品」), or refuses with a reason the resident
 * reads; and a new person joins the pharmacy with an invite code staff generated. The
 * resident's and staff's steps are set through the API; the pharmacist's are what they see and tap.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type {
  LoginResponse,
  MedicineRequestBody,
  MedicineRequestView,
  Page,
  ParcelView,
  PharmacistInvite,
  PharmacyView,
} from '@linli/shared-types';
import {
  api,
  base,
  button,
  devLogin,
  loggedInPhone,
  measure,
  MIN_BUTTON_PX,
  MIN_FONT_PX,
  paperPhoto,
  screenshot,
  uploadPhoto,
  useServerAndBrowser,
} from './support';

useServerAndBrowser();

const PHARMACY_NAME = '老百姓大药房（滨湖店）';

/** 王秀兰 asks for two medicines, the first on prescription (with its photo). */
async function residentRequest(resident: string, forWhom: string): Promise<MedicineRequestView> {
  const photo = await uploadPhoto(resident, 'prescription', paperPhoto());
  const body: MedicineRequestBody = {
    items: [
      { name: '阿莫西林胶囊', spec: '0.25g×24粒', quantity: 2, brand: 'usual', prescription: true },
      { name: '布洛芬缓释胶囊', spec: '0.3g×20粒', quantity: 1, brand: 'any', prescription: false },
    ],
    urgency: 'today',
    forWhom,
    note: '上午要吃',
    photoFileIds: [photo.id],
  };
  return api<MedicineRequestView>('POST', '/medicine-requests', resident, body);
}

async function token(user: 'resident' | 'staff'): Promise<string> {
  return (await devLogin(user)).token;
}

it('the pharmacist quotes a prescription request from its photo, buys what the resident accepted, and it becomes a parcel', async () => {
  const resident = await token('resident');
  const staff = await token('staff');
  const req = await residentRequest(resident, '老伴');
  const [amoxicillin, ibuprofen] = req.items;
  if (!amoxicillin || !ibuprofen) throw new Error(`two items expected: ${JSON.stringify(req.items)}`);

  // 张敏 at the pharmacy: 药房待办 lists it, urgent, with its waiting time and the 处方 badge.
  const ph = await loggedInPhone('pharmacist');
  await ph.locator('#entry-pharmacy').click();
  await ph.locator('#queue-pharmacy').getByText(PHARMACY_NAME).waitFor();
  const card = ph.locator(`#req-${req.id}`);
  await card.waitFor();
  await expect(ph.locator(`#req-${req.id}-waiting`).innerText()).resolves.toMatch(/^已等 \d+ 分钟$/);
  await expect(ph.locator(`#req-${req.id}-rx`).innerText()).resolves.toBe('处方');
  await expect(ph.locator(`#req-${req.id}-urgency`).innerText()).resolves.toBe('今天要');
  await expect(card.innerText()).resolves.toContain('给谁用：老伴');
  await expect(card.innerText()).resolves.toContain('阿莫西林胶囊、布洛芬缓释胶囊');
  expect((await measure(ph, `#req-${req.id}-waiting`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect((await measure(ph, '#queue-tab-quote')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await screenshot(ph, '90-pharmacy-queue');

  // The request: the prescription photo, large, loads through its short-lived link.
  await card.click();
  await ph.locator('#req-photos').waitFor();
  await ph.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('#req-photo-0 img');
    return img !== null && img.complete && img.naturalWidth === 120;
  });
  expect((await ph.locator('#req-photo-0').boundingBox())?.width ?? 0).toBeGreaterThan(250);

  // The quote: 有货 12.50 元 for the first, a named substitute at 38 元 for the second.
  await ph.locator('#quote-0-status-0').click();
  await ph.locator('#quote-0-price input').fill('12.50');
  await ph.locator('#quote-0-subtotal').getByText('¥12.50 × 2 = ¥25.00').waitFor();
  await ph.locator('#quote-1-status-1').click();
  // Without the substitute's name and price, nothing is sent; what is missing is said.
  await button(ph, '发送报价').click();
  await ph.locator('#quote-error').waitFor();
  await ph.locator('#quote-1').getByText('请写明替代药的名称').waitFor();
  await ph.locator('#quote-1-substitute input').fill('芬必得布洛芬缓释胶囊');
  await ph.locator('#quote-1-price input').fill('38');
  // A prescription request: the pharmacist says they checked the photo before the quote goes out.
  await button(ph, '发送报价').click();
  await ph.locator('#quote-form').getByText('请先看处方照片，确认处方有效').waitFor();
  await ph.locator('#quote-rx-0').click();
  await expect(ph.locator('#quote-total').innerText()).resolves.toBe('¥63.00');
  expect((await measure(ph, '#quote-0-status-0')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  expect((await measure(ph, '#quote-send')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  expect((await measure(ph, '#quote-0-price input')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(ph, '91-pharmacy-quote');
  await button(ph, '发送报价').click();
  await ph.locator('#req-notice').getByText('报价已发送').waitFor();
  await expect(ph.locator('#req-state').innerText()).resolves.toBe('等居民确认');

  const quoted = await api<MedicineRequestView>('GET', `/medicine-requests/${req.id}`, resident);
  expect(quoted.state).toBe('QUOTED');
  expect(quoted.items.map((i) => i.quote)).toEqual([
    { status: 'in_stock', substituteName: null, unitPriceFen: 1250 },
    { status: 'substitute', substituteName: '芬必得布洛芬缓释胶囊', unitPriceFen: 3800 },
  ]);

  // 王秀兰 takes only the amoxicillin.
  const accepted = await api<MedicineRequestView>('POST', `/medicine-requests/${req.id}/accept`, resident, { itemIds: [amoxicillin.id] });
  expect(accepted.state).toBe('CONFIRMED');

  // Back in the queue: under 待采购.
  await ph.goto(`${base()}/#/pharmacy/queue/index`);
  await ph.locator('#queue-tab-buy').click();
  await ph.locator(`#req-${req.id}`).waitFor();
  await ph.locator(`#req-${req.id}`).click();
  await ph.locator('#req-buy').waitFor();
  await expect(ph.locator('#req-item-0-answer').innerText()).resolves.toBe('居民要');
  await expect(ph.locator('#req-item-1-answer').innerText()).resolves.toBe('居民不要');
  await expect(ph.locator('#req-total').innerText()).resolves.toBe('¥25.00（货到付款）');
  expect((await measure(ph, '#req-receipt')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);

  // The receipt photo (the browser's file chooser), then 确认已买到.
  const chooser = ph.waitForEvent('filechooser');
  await ph.locator('#req-receipt').click();
  await (await chooser).setFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: paperPhoto(100, 140) });
  await ph.locator('#req-receipt-preview').waitFor();
  await screenshot(ph, '92-pharmacy-receipt');
  await button(ph, '确认已买到').click();
  await ph.locator('#req-purchased').getByText('已买到，待配送').waitFor();
  await expect(ph.locator('#req-parcel').innerText()).resolves.toBe('包裹：待派送');
  await ph.locator('#req-receipt-photo').waitFor();
  await screenshot(ph, '93-pharmacy-purchased');

  const bought = await api<MedicineRequestView>('GET', `/medicine-requests/${req.id}`, resident);
  expect(bought.state).toBe('PURCHASED');
  expect(bought.totalFen).toBe(2500);
  expect(bought.parcel).not.toBeNull();
  // Volunteers never see what medicine it is.
  const parcels = (await api<Page<ParcelView>>('GET', `/staff/parcels?batch=${encodeURIComponent(`medicine:${req.id}`)}`, staff)).items;
  const parcel = parcels.find((p) => p.id === bought.parcel?.id);
  expect(parcel?.contents).toBe('药品');

  await ph.context().close();
});

it('the pharmacist cannot take a request and says why; the resident reads the reason', async () => {
  const resident = await token('resident');
  const req = await residentRequest(resident, '母亲');

  const ph = await loggedInPhone('pharmacist');
  await ph.locator('#entry-pharmacy').click();
  await ph.locator(`#req-${req.id}`).click();
  await ph.locator('#req-photos').waitFor();
  await button(ph, '不能受理').click();

  // Too short a reason is refused in words.
  await ph.locator('#reject-reason textarea').fill('否');
  await ph.locator('#dialog-confirm').click();
  await ph.locator('#reject-error').waitFor();
  const reason = '处方照片看不清，请重新拍一张清楚的';
  await ph.locator('#reject-reason textarea').fill(reason);
  await screenshot(ph, '94-pharmacy-reject');
  await ph.locator('#dialog-confirm').click();
  await ph.locator('#req-rejected').getByText(`原因：${reason}`).waitFor();
  await expect(ph.locator('#req-state').innerText()).resolves.toBe('未受理');

  const rejected = await api<MedicineRequestView>('GET', `/medicine-requests/${req.id}`, resident);
  expect(rejected.state).toBe('REJECTED');
  expect(rejected.rejectionReason).toBe(reason);

  // It is under 已完成 now.
  await ph.goto(`${base()}/#/pharmacy/queue/index`);
  await ph.locator('#queue-tab-done').click();
  await ph.locator(`#req-${req.id}-state`).getByText('未受理').waitFor();
  await ph.context().close();
});

it('a new person joins the pharmacy with the invite code staff generated', async () => {
  const staff = await token('staff');
  const pharmacies = await api<PharmacyView[]>('GET', '/staff/pharmacies', staff);
  const pharmacy = pharmacies.find((p) => p.name === PHARMACY_NAME);
  if (!pharmacy) throw new Error(`no demo pharmacy: ${JSON.stringify(pharmacies)}`);
  const invite = await api<PharmacistInvite>('POST', `/staff/pharmacies/${pharmacy.id}/invite`, staff);
  expect(invite.code).toMatch(/^[A-Z2-9]{8}$/);

  const page = await loggedInPhone('new-resident');
  await page.locator('#entry-pharmacy-join').click();
  const input = page.locator('#join-code input');
  await input.waitFor();
  expect((await measure(page, '#join-code input')).fontSize).toBeGreaterThanOrEqual(24);

  // A wrong code is refused in words.
  await input.fill('ABCD2345');
  await button(page, '加入药房').click();
  await page.getByText('药房邀请码不对或已过期').waitFor();

  // The right one, typed in small letters: it is read as capitals.
  await input.fill(invite.code.toLowerCase());
  await expect(input.inputValue()).resolves.toBe(invite.code);
  await screenshot(page, '95-pharmacy-join');
  await button(page, '加入药房').click();
  await expect(page.locator('#join-pharmacy-name').innerText()).resolves.toBe(PHARMACY_NAME);
  await screenshot(page, '96-pharmacy-joined');

  await page.locator('#join-to-queue').click();
  await page.locator('#queue-pharmacy').getByText(PHARMACY_NAME).waitFor();
  // 「我的」 now leads to 药房待办 instead of the way in.
  await page.goto(`${base()}/#/pages/me/index`);
  await page.locator('#entry-pharmacy').waitFor();
  await expect(page.locator('#entry-pharmacy-join').count()).resolves.toBe(0);

  // The code was for one person only.
  const other = await api<LoginResponse>('POST', '/auth/dev', undefined, { newResident: true, nickname: '另一位店员' });
  const again = await fetch(`${base()}/api/pharmacy/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${other.token}`, 'Idempotency-Key': `e2e-${Date.now()}` },
    body: JSON.stringify({ code: invite.code }),
  });
  expect(again.status).toBe(400);
  await page.context().close();
});
