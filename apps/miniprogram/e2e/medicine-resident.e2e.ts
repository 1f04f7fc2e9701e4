/**
 * Medicine bought on residents' behalf, in the h5 build served by the real server, in headless
 * Chromium on a phone-sized screen: 王秀兰 registers two medicines (one 处方药, with a photo of
 * the prescription), the pharmacy quotes (through the API), she keeps one of the two and sees the
 * total follow; once bought she sees the receipt and the delivery, buys the same again, and reads
 * why the pharmacy refused that one; staff add a pharmacy and make an invite code for its
 * pharmacist; and staff see a request the pharmacy let run past its deadline in red, hand it to
 * another pharmacy, and register one by proxy for a household.
 *
 * A 今天要 request is overdue after one minute here (MEDICINE_QUOTE_MINUTES_TODAY=1): the
 * overdue one is made first and looked at last, when its minute has passed. The tests run in
 * order and build on each other: the second buys what the first accepted, and the pharmacy added
 * in the third takes over 王秀兰's zone, so her requests after it go there.
 *
 * Needs: `npm run build -w @linli/server` (or LINLI_SERVER_MAIN) and `npm run build:h5 -w @linli/miniprogram`.
 */
import { PNG } from 'pngjs';
import type { BuildingView, HouseholdView, MedicineRequestView, PharmacyView } from '@linli/shared-types';
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

// The server started by useServerAndBrowser inherits this: 今天要 is overdue after a minute.
process.env.MEDICINE_QUOTE_MINUTES_TODAY = '1';

useServerAndBrowser();

/** A small real PNG: a white prescription slip with blue lines. */
function prescriptionPhoto(): Buffer {
  const png = new PNG({ width: 80, height: 100 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (png.width * y + x) << 2;
      const line = y % 12 === 0 && x > 8 && x < 72;
      png.data[i] = line ? 40 : 250;
      png.data[i + 1] = line ? 60 : 250;
      png.data[i + 2] = line ? 160 : 245;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** Set up before the tests: a household of its own with a 今天要 request staff registered for it. */
let overdue: { household: HouseholdView; request: MedicineRequestView };

beforeAll(async () => {
  const staff = (await devLogin('staff')).token;
  const buildings = await api<BuildingView[]>('GET', '/community/buildings', staff);
  const building = buildings[0];
  if (!building) throw new Error('the demo community has no buildings');
  const household = await api<HouseholdView>('POST', '/staff/households', staff, {
    buildingId: building.id,
    unit: building.units[0] ?? '1单元',
    room: '909',
    headcount: 1,
    tags: [],
    contactName: '赵桂芳',
  });
  const request = await api<MedicineRequestView>('POST', '/staff/medicine-requests', staff, {
    householdId: household.id,
    items: [{ name: '速效救心丸', quantity: 1, brand: 'usual', prescription: false }],
    urgency: 'today',
    forWhom: '本人',
  });
  overdue = { household, request };
}, 30000);

it('a resident registers two medicines with a prescription photo and accepts part of the quote', async () => {
  const page = await loggedInPhone('resident');
  await page.locator('#entry-medicine').click();
  await page.locator('#medicine-new').click();
  await page.locator('#med-item-0').waitFor();

  // Sent empty, the form says what is missing, in place.
  await page.locator('#med-submit').click();
  await page.locator('#med-item-0 .error-text', { hasText: '请填写药名' }).waitFor();
  await page.locator('.error-text', { hasText: '请选择有多急' }).waitFor();
  const choice = await measure(page, '#med-urgency-0');
  expect(choice.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect(choice.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  expect((await measure(page, '#med-item-0-plus')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  expect((await measure(page, '#med-submit')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);

  // The first medicine: a prescription one, two boxes of the usual brand.
  await page.locator('#med-item-0-name input').fill('硝苯地平缓释片');
  await page.locator('#med-item-0-spec input').fill('10mg×30片');
  await page.locator('#med-item-0-plus').click();
  await expect(page.locator('#med-item-0-quantity').innerText()).resolves.toBe('2');
  await page.locator('#med-item-0-rx-1').click();
  await page.locator('#med-photo-required').getByText('必须拍一张处方单或药盒的照片').waitFor();

  // The second: any brand will do.
  await page.locator('#med-add-item').click();
  await page.locator('#med-item-1-name input').fill('布洛芬缓释胶囊');
  await page.locator('#med-item-1-brand-1').click();
  await page.locator('#med-urgency-0').click(); // 今天要
  await page.locator('#med-for-whom-choice-1').click(); // 老伴
  await expect(page.locator('#med-for-whom input').inputValue()).resolves.toBe('老伴');
  await page.locator('#med-note textarea').fill('血压药，每天早上一片');

  // Without the photo the prescription medicine is not sent.
  await page.locator('#med-submit').click();
  await page.locator('#med-photo-error').getByText('请拍一张处方单或药盒的照片').waitFor();

  const chooser = page.waitForEvent('filechooser');
  await page.locator('#med-photo-add').click();
  await (await chooser).setFiles({ name: 'prescription.png', mimeType: 'image/png', buffer: prescriptionPhoto() });
  await page.locator('#med-photo-0 img').waitFor();
  await expect(page.locator('#med-photo-error').count()).resolves.toBe(0);
  await screenshot(page, 'm1-medicine-form');

  await page.locator('#med-submit').click();
  await page.locator('#medicine-state').getByText('等药房报价').waitFor();
  await page.locator('#medicine-placed').waitFor();
  await expect(page.locator('#medicine-waiting').innerText()).resolves.toMatch(/^(刚刚登记|已等 \d+ 分钟)$/);
  await page.locator('#medicine-photo-0').waitFor();
  await screenshot(page, 'm2-medicine-submitted');

  const resident = await devLogin('resident');
  const mine = await api<MedicineRequestView[]>('GET', '/medicine-requests', resident.token);
  const request = mine.find((r) => r.items.some((i) => i.name === '硝苯地平缓释片'));
  if (!request) throw new Error(`the request was not created: ${JSON.stringify(mine)}`);
  expect(request).toMatchObject({ state: 'SUBMITTED', urgency: 'today', forWhom: '老伴', note: '血压药，每天早上一片' });
  expect(request.photoUrls).toHaveLength(1);
  expect(request.items.map((i) => [i.name, i.spec, i.quantity, i.brand, i.prescription])).toEqual([
    ['硝苯地平缓释片', '10mg×30片', 2, 'usual', true],
    ['布洛芬缓释胶囊', '', 1, 'any', false],
  ]);
  const [nifedipine, ibuprofen] = request.items;
  if (!nifedipine || !ibuprofen) throw new Error('two items expected');

  // The pharmacy quotes: the first in stock, a named substitute for the second.
  const pharmacist = await devLogin('pharmacist');
  await api('POST', `/pharmacy/requests/${request.id}/quote`, pharmacist.token, {
    items: [
      { itemId: nifedipine.id, status: 'in_stock', unitPriceFen: 1250 },
      { itemId: ibuprofen.id, status: 'substitute', substituteName: '布洛芬片（芬必得）', unitPriceFen: 3800 },
    ],
  });

  // Her list shows the quote waiting for her answer, highlighted.
  await page.goto(`${base()}/#/medicine/list/index`);
  const card = page.locator(`#medicine-${request.id}`);
  await page.locator(`#medicine-${request.id}-state`).getByText('药房已报价，请确认').waitFor();
  await expect(card.getAttribute('class')).resolves.toContain('md-card--quoted');
  await screenshot(page, 'm3-medicine-list-quoted');
  await card.click();

  await page.locator('#medicine-state').getByText('药房已报价，请确认').waitFor();
  await expect(page.locator(`#medicine-item-${nifedipine.id}-quote`).innerText()).resolves.toBe('有货 ¥12.50 × 2');
  await expect(page.locator(`#medicine-item-${ibuprofen.id}-quote`).innerText()).resolves.toBe('替代：布洛芬片（芬必得） ¥38.00 × 1');
  await expect(page.locator('#medicine-total').innerText()).resolves.toBe('¥63.00');
  expect((await measure(page, '.md-line__name')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect((await measure(page, `#medicine-item-${ibuprofen.id}-pick`)).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  expect((await measure(page, '#medicine-accept')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  expect((await measure(page, '#medicine-decline')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);

  // She does not want the substitute: the total follows.
  await page.locator(`#medicine-item-${ibuprofen.id}-pick`).click();
  await expect(page.locator(`#medicine-item-${ibuprofen.id}-pick`).getAttribute('aria-checked')).resolves.toBe('false');
  await expect(page.locator('#medicine-total').innerText()).resolves.toBe('¥25.00');
  await screenshot(page, 'm4-medicine-quote-ticked');

  await button(page, '接受所选').click();
  await page.locator('#medicine-state').getByText('已确认，药房采购中').waitFor();
  await expect(page.locator('#medicine-total').innerText()).resolves.toBe('¥25.00');
  await expect(page.locator('#medicine-accept').count()).resolves.toBe(0);
  await screenshot(page, 'm5-medicine-accepted');

  const after = await api<MedicineRequestView>('GET', `/medicine-requests/${request.id}`, resident.token);
  expect(after.state).toBe('CONFIRMED');
  expect(after.totalFen).toBe(2500);
  expect(after.items.map((i) => i.accepted)).toEqual([true, false]);

  await page.context().close();
});

it('the resident sees the receipt and the delivery, buys the same again, and reads why a request was refused', async () => {
  const resident = await devLogin('resident');
  const pharmacist = await devLogin('pharmacist');
  const mine = await api<MedicineRequestView[]>('GET', '/medicine-requests', resident.token);
  const confirmed = mine.find((r) => r.state === 'CONFIRMED');
  if (!confirmed) throw new Error(`no confirmed request: ${JSON.stringify(mine)}`);

  // The pharmacy buys it, with a photo of the receipt (through the API).
  const form = new FormData();
  form.append('purpose', 'receipt');
  form.append('file', new Blob([prescriptionPhoto()], { type: 'image/png' }), 'receipt.png');
  const res = await fetch(`${base()}/api/files`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${pharmacist.token}`, 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` },
    body: form,
  });
  if (!res.ok) throw new Error(`upload → ${res.status}: ${await res.text()}`);
  const receipt = (await res.json()) as { id: number };
  await api('POST', `/pharmacy/requests/${confirmed.id}/purchase`, pharmacist.token, { receiptFileId: receipt.id });

  const page = await loggedInPhone('resident');
  await page.goto(`${base()}/#/medicine/request/index?id=${confirmed.id}`);
  await page.locator('#medicine-state').getByText('已买到，待配送').waitFor();
  await expect(page.locator('#medicine-parcel').innerText()).resolves.toBe('配送：待派送');
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('#medicine-receipt-photo img');
    return img !== null && img.complete && img.naturalWidth === 80;
  });
  await screenshot(page, 'm11-medicine-purchased');

  // 再买一次 (慢性病续药): the same medicines again, asked once more before it is sent.
  await page.locator('#medicine-repeat').click();
  await page.locator('#dialog-confirm:visible').click();
  await page.locator('#medicine-placed').waitFor();
  await page.locator('#medicine-state').getByText('等药房报价').waitFor();
  const again = (await api<MedicineRequestView[]>('GET', '/medicine-requests', resident.token))[0];
  expect(again).toMatchObject({ state: 'SUBMITTED', urgency: 'chronic', repeatOf: confirmed.id });
  expect(again?.items.map((i) => i.name)).toEqual(confirmed.items.map((i) => i.name));

  // The pharmacy refuses the new one: she reads why, in plain words.
  await api('POST', `/pharmacy/requests/${again?.id ?? 0}/reject`, pharmacist.token, { reason: '处方已过期，请先到医院复诊开新处方' });
  await page.reload();
  await page.locator('#medicine-state').getByText('药房未受理').waitFor();
  await expect(page.locator('#medicine-rejection-reason').innerText()).resolves.toBe('原因：处方已过期，请先到医院复诊开新处方');
  await screenshot(page, 'm12-medicine-rejected');

  await page.context().close();
});

it('staff add a pharmacy in the form and make an invite code for its pharmacist', async () => {
  const staff = (await devLogin('staff')).token;
  const page = await loggedInPhone('staff');
  await page.locator('#entry-staff-pharmacies').click();
  await page.locator('#pharmacy-new').click();
  const form = page.locator('#pharmacy-form');
  await form.waitFor();

  await page.locator('#ph-submit').click();
  await form.locator('.error-text', { hasText: '名称要 2 到 60 个字' }).waitFor();
  await form.locator('.error-text', { hasText: '营业时间要 2 到 60 个字' }).waitFor();

  await page.locator('#ph-name input').fill('仁和大药房（湖畔店）');
  await page.locator('#ph-address input').fill('滨湖路 88 号');
  await page.locator('#ph-hours input').fill('8:00–20:00');
  await page.locator('#ph-phone input').fill('13955001234');
  const zone = page.locator('#ph-zone-1');
  const zoneName = await zone.innerText();
  await zone.click();
  expect((await measure(page, '#ph-zone-1')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await page.locator('#ph-pay-free').click();
  await expect(form.locator('.error-text').count()).resolves.toBe(0);
  await screenshot(page, 'm6-staff-pharmacy-form');
  await page.locator('#ph-submit').click();
  await form.waitFor({ state: 'detached' });

  const pharmacies = await api<PharmacyView[]>('GET', '/staff/pharmacies', staff);
  const created = pharmacies.find((p) => p.name === '仁和大药房（湖畔店）');
  if (!created) throw new Error(`the pharmacy was not created: ${JSON.stringify(pharmacies)}`);
  expect(created).toMatchObject({ address: '滨湖路 88 号', hours: '8:00–20:00', phone: '13955001234', paymentMode: 'free' });
  expect(created.defaultFor).toEqual([zoneName]);
  await expect(page.locator(`#pharmacy-${created.id}-zones`).innerText()).resolves.toBe(zoneName);

  await page.locator(`#pharmacy-${created.id}-invite`).click();
  const code = page.locator(`#pharmacy-${created.id}-code`);
  await code.waitFor();
  const text = (await code.innerText()).trim();
  expect(text).toMatch(/^[A-Z0-9]{4,12}$/);
  expect((await measure(page, `#pharmacy-${created.id}-code`)).fontSize).toBeGreaterThanOrEqual(30);
  await page.locator(`#pharmacy-${created.id}-invite-code`).getByText('有效期至').waitFor();
  await screenshot(page, 'm7-staff-pharmacy-invite');

  // The code works: someone enters it and appears as the pharmacy's pharmacist.
  const volunteer = await devLogin('volunteer');
  const joined = await api<PharmacyView>('POST', '/pharmacy/join', volunteer.token, { code: text });
  expect(joined.id).toBe(created.id);
  await page.reload();
  await page.locator(`#pharmacy-${created.id}-pharmacists`).getByText('李志强').waitFor();

  await page.context().close();
});

it('staff see an overdue request in red, hand it to another pharmacy, and register one by proxy', async () => {
  const staff = (await devLogin('staff')).token;
  const other = await api<PharmacyView>('POST', '/staff/pharmacies', staff, {
    name: '康复药房（东门店）',
    address: '东门外 12 号',
    hours: '7:30–21:00',
    defaultFor: [],
    paymentMode: 'cod',
  });

  // Its minute passes (the other tests took most of it).
  const deadline = Date.now() + 90_000;
  for (;;) {
    const open = await api<MedicineRequestView[]>('GET', '/staff/medicine-requests?show=overdue', staff);
    if (open.some((r) => r.id === overdue.request.id)) break;
    if (Date.now() > deadline) throw new Error(`request ${overdue.request.id} never became overdue`);
    await new Promise((r) => setTimeout(r, 2000));
  }

  const page = await loggedInPhone('staff');
  await page.locator('#entry-staff-medicine').click();
  const card = page.locator(`#sm-request-${overdue.request.id}`);
  await card.waitFor();
  await expect(card.getAttribute('class')).resolves.toContain('sm-card--overdue');
  await expect(page.locator('.sm-card').first().getAttribute('id')).resolves.toBe(`sm-request-${overdue.request.id}`);
  const warning = await page.locator(`#sm-request-${overdue.request.id}-overdue`).innerText();
  expect(warning).toMatch(/^已超时 \d+ 分钟未报价$/);
  expect((await measure(page, `#sm-request-${overdue.request.id}-overdue`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await expect(card.innerText()).resolves.toContain(overdue.household.address);
  await expect(card.innerText()).resolves.toContain('今天要');
  await expect(page.locator(`#sm-request-${overdue.request.id}-waiting`).innerText()).resolves.toMatch(/分钟/);
  await screenshot(page, 'm8-staff-medicine-overdue');

  // 超时 shows only the overdue ones.
  await page.locator('#sm-filter-overdue').click();
  await card.waitFor();
  for (const id of await page.locator('.sm-card').evaluateAll((els) => els.map((e) => e.id))) {
    await expect(page.locator(`#${id}`).getAttribute('class')).resolves.toContain('sm-card--overdue');
  }
  await page.locator('#sm-filter-all').click();
  await card.waitFor();

  // 转给其他药房: the sheet lists the other pharmacies.
  expect((await measure(page, `#sm-request-${overdue.request.id}-move`)).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await page.locator(`#sm-request-${overdue.request.id}-move`).click();
  await page.locator('#sm-move-sheet').waitFor();
  await screenshot(page, 'm9-staff-medicine-move');
  await page.locator(`#sm-move-to-${other.id}`).click();
  await page.locator(`#sm-request-${overdue.request.id}-pharmacy`).getByText('康复药房（东门店）').waitFor();
  await expect(card.getAttribute('class')).resolves.not.toContain('sm-card--overdue');
  const moved = await api<MedicineRequestView>('GET', `/medicine-requests/${overdue.request.id}`, staff);
  expect(moved).toMatchObject({ state: 'SUBMITTED', overdue: false, pharmacy: { id: other.id } });

  // 代居民登记: find the household, fill the form for it.
  await page.locator('#sm-proxy').click();
  await page.locator('#sm-proxy-sheet').waitFor();
  await page.locator('#sm-room input').fill('909');
  await page.locator('#sm-search').click();
  await page.locator(`#sm-household-${overdue.household.id}`).click();
  await page.locator('#med-proxy').getByText(`代登记：${overdue.household.address}`).waitFor();
  await page.locator('#med-item-0-name input').fill('复方丹参滴丸');
  await page.locator('#med-urgency-1').click(); // 慢性病续药
  await button(page, '提交代登记').click();
  await page.locator('#medicine-state').getByText('等药房报价').waitFor();
  await page.locator('.proxy-note', { hasText: '代登记' }).waitFor();
  await screenshot(page, 'm10-staff-proxy-medicine');

  const list = await api<MedicineRequestView[]>('GET', '/staff/medicine-requests', staff);
  const proxied = list.find((r) => r.items.some((i) => i.name === '复方丹参滴丸'));
  expect(proxied).toMatchObject({ householdId: overdue.household.id, urgency: 'chronic', placedBy: { proxy: true } });

  await page.context().close();
}, 180_000);
