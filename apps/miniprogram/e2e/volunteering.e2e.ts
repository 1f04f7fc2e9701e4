/**
 * Volunteering beyond the plain door scan, in the h5 build served by the real server, in
 * headless Chromium on a phone-sized screen: contactless delivery with a photo that the resident
 * confirms, a door scan made without network and sent when it returns, a resident signing up for
 * a recruitment post, and a volunteer grabbing an unassigned parcel. Staff set the scene through
 * the API; the volunteer's and the resident's steps are what they see and tap.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import { PNG } from 'pngjs';
import type {
  HouseholdView,
  OrderQrView,
  OrderView,
  Page as ResultPage,
  ParcelTaskView,
  ParcelView,
  VolunteerPostView,
} from '@linli/shared-types';
import {
  api,
  base,
  button,
  measure,
  MIN_BUTTON_PX,
  MIN_FONT_PX,
  deliveryScene,
  type DeliveryScene,
  loggedInPhone,
  packedOrder,
  screenshot,
  useServerAndBrowser,
  windowParcels,
  type WindowSetup,
} from './support';

useServerAndBrowser();

/** Volunteers carry things in one hand: their main buttons are bigger than the app's 44 px. */
const VOLUNTEER_BUTTON_PX = 56;

/** A small real PNG: a brown box (the parcel) on a grey floor. */
function parcelPhoto(): Buffer {
  const png = new PNG({ width: 96, height: 72 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (png.width * y + x) << 2;
      const box = x > 24 && x < 72 && y > 20 && y < 60;
      png.data[i] = box ? 150 : 200;
      png.data[i + 1] = box ? 100 : 200;
      png.data[i + 2] = box ? 50 : 200;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** A window named `title` selling one package of eggs, for `packedOrder`. */
function eggWindow(title: string): WindowSetup {
  return {
    supplier: { name: `${title}供应商`, contactName: '李师傅' },
    item: { kind: 'package', name: `${title}套餐`, contents: [{ name: '鸡蛋', quantity: '10个' }], priceFen: 2500, limitPerHousehold: 2 },
    window: { title, mode: 'fcfs', paymentMode: 'cod' },
    hours: 4,
    stock: 10,
  };
}

/** The parcel in the volunteer's hands: assigned by staff, accepted, its label scanned. */
async function pickedUp(s: DeliveryScene, parcel: ParcelView): Promise<void> {
  await api('POST', `/staff/parcels/${parcel.id}/assign`, s.staff, { volunteerId: s.volunteer.me.user.id });
  await api('POST', `/volunteer/tasks/${parcel.id}/accept`, s.volunteer.token);
  const task = await api<ParcelTaskView>('POST', '/volunteer/scan/pickup', s.volunteer.token, { code: parcel.labelToken });
  expect(task.state).toBe('PICKED_UP');
}

/** Contactless through the API: the photo uploaded (multipart), then the parcel left at the door. */
async function leftAtDoor(s: DeliveryScene, parcel: ParcelView): Promise<void> {
  const form = new FormData();
  form.append('purpose', 'contactless');
  form.append('file', new Blob([parcelPhoto()], { type: 'image/png' }), 'door.png');
  const res = await fetch(`${base()}/api/files`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.volunteer.token}`, 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` },
    body: form,
  });
  if (!res.ok) throw new Error(`upload → ${res.status}: ${await res.text()}`);
  const file = (await res.json()) as { id: number };
  const task = await api<ParcelTaskView>('POST', `/volunteer/tasks/${parcel.id}/leave`, s.volunteer.token, { photoFileId: file.id });
  expect(task.state).toBe('LEFT_AT_DOOR');
}

it('a volunteer leaves a parcel at the door with a photo, and the resident confirms it from the photo', async () => {
  const s = await deliveryScene();
  const { parcel } = await packedOrder(s, eggWindow('无接触配送批次'));
  await pickedUp(s, parcel);

  // The volunteer's phone: the picked-up task offers 无接触.
  const vol = await loggedInPhone('volunteer');
  await vol.locator('#entry-volunteer').click();
  await vol.locator(`#task-${parcel.id}-state`).getByText('配送中').waitFor();
  const leave = vol.locator(`#task-${parcel.id}-leave`);
  await expect(leave.innerText()).resolves.toBe('无接触：放门口拍照');
  expect((await measure(vol, `#task-${parcel.id}-leave`)).height).toBeGreaterThanOrEqual(VOLUNTEER_BUTTON_PX);
  await screenshot(vol, '71-volunteer-contactless-task');

  // Something that is not a photo is refused, in words.
  const wrongChooser = vol.waitForEvent('filechooser');
  await leave.click();
  await (await wrongChooser).setFiles({ name: 'door.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
  const notice = vol.locator('#vol-notice');
  await notice.getByText('没有放成功').waitFor();
  await expect(notice.innerText()).resolves.toContain('请上传照片');
  await vol.locator(`#task-${parcel.id}-state`).getByText('配送中').waitFor();

  // The camera (the browser's file chooser): a photo of the parcel at the door.
  const chooser = vol.waitForEvent('filechooser');
  await leave.click();
  await (await chooser).setFiles({ name: 'door.png', mimeType: 'image/png', buffer: parcelPhoto() });
  await notice.getByText('已放门口').waitFor();
  await vol.locator(`#done-${parcel.id}`).getByText('已放门口，待确认').waitFor();
  await expect(vol.locator(`#task-${parcel.id}`).count()).resolves.toBe(0);
  await screenshot(vol, '72-volunteer-left-at-door');

  // 王秀兰: the order shows the photo and asks her to confirm.
  const res = await loggedInPhone('resident');
  await res.locator('#entry-orders').click();
  const orderCard = res.locator('.card:visible', { hasText: '无接触配送批次' });
  await orderCard.waitFor();
  await orderCard.click();
  const card = res.locator('#order-contactless');
  await card.getByText('志愿者已把物资放在您家门口').waitFor();
  const photo = res.locator('#order-contactless-photo img');
  await photo.waitFor();
  // The photo itself loads (through its short-lived link, without the session's token).
  await res.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('#order-contactless-photo img');
    return img !== null && img.complete && img.naturalWidth === 96;
  });
  expect((await measure(res, '.contactless__title')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect((await measure(res, '#order-parcel-received')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  expect((await measure(res, '#order-parcel-missing')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await screenshot(res, '73-resident-contactless-photo');

  await button(res, '我已收到').click();
  await res.locator('#order-state').getByText('已送达').waitFor();
  await res.locator('#order-rating').waitFor();
  await expect(res.locator('#order-contactless').count()).resolves.toBe(0);
  await screenshot(res, '74-resident-contactless-received');

  await res.context().close();
  await vol.context().close();
});

it('a door scan made without network waits on the phone and is sent when the network is back', async () => {
  const s = await deliveryScene();
  const { order, parcel } = await packedOrder(s, eggWindow('地下室配送批次'));
  await pickedUp(s, parcel);
  const qr = await api<OrderQrView>('GET', `/orders/${order.id}/qr`, s.resident.token);

  const vol = await loggedInPhone('volunteer');
  await vol.locator('#entry-volunteer').click();
  await vol.locator(`#task-${parcel.id}-state`).getByText('配送中').waitFor();

  // In the stairwell: no network. The resident's code is scanned (typed) all the same.
  await vol.context().setOffline(true);
  await vol.locator(`#task-${parcel.id}-deliver`).click();
  await vol.locator('#code-input input').fill(qr.token);
  await vol.locator('#code-submit').click();
  const banner = vol.locator('#scan-queue-text');
  await banner.waitFor({ timeout: 30000 });
  await expect(banner.innerText()).resolves.toBe('有 1 条扫码还没上传，联网后会自动补传');
  await vol.locator(`#task-${parcel.id}-queued`).waitFor();
  expect((await measure(vol, '#scan-queue-text')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(vol, '75-volunteer-scan-queued');

  // The queue survives a reload of the page (it is in storage, with its own key and time).
  const stored = await vol.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.includes('scanQueue'))));
  expect(stored).toContain(qr.token.slice(0, 20));

  // Back online: the scan goes up by itself and the parcel counts as delivered, at the time of the scan.
  const onlineAt = Date.now();
  await vol.context().setOffline(false);
  await vol.locator(`#done-${parcel.id}`).getByText('已送达').waitFor({ timeout: 30000 });
  await expect(vol.locator('#scan-queue').count()).resolves.toBe(0);
  await vol.locator('#vol-notice').getByText('扫码已补传').waitFor();
  await screenshot(vol, '76-volunteer-scan-replayed');

  const parcels = await windowParcels(s.staff, order.windowId);
  expect(parcels.find((p) => p.id === parcel.id)?.state).toBe('DELIVERED');
  const delivered = await api<OrderView>('GET', `/orders/${order.id}`, s.resident.token);
  expect(Date.parse(delivered.parcel?.deliveredAt ?? '')).toBeLessThan(onlineAt);
  await vol.context().close();
});

it('a resident signs up for a recruitment post and waits for the community to decide', async () => {
  const s = await deliveryScene();
  const post = await api<VolunteerPostView>('POST', '/staff/volunteer-posts', s.staff, {
    squad: 'delivery',
    title: '楼栋送货志愿者',
    requirements: '身体健康，能爬楼梯',
    shift: '每天 8:00–12:00',
    slots: 6,
  });

  const res = await loggedInPhone('resident');
  await res.locator('#entry-volunteer-posts').click();
  const card = res.locator(`#post-${post.id}`);
  await card.waitFor();
  const text = await card.innerText();
  expect(text).toContain('配送组');
  expect(text).toContain('楼栋送货志愿者');
  expect(text).toContain('身体健康，能爬楼梯');
  expect(text).toContain('每天 8:00–12:00');
  await expect(res.locator(`#post-${post.id}-count`).innerText()).resolves.toBe('0 / 6 人');
  expect((await measure(res, `#post-${post.id} .label-value__value`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect((await measure(res, `#post-${post.id}-signup-button`)).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await screenshot(res, '77-resident-volunteer-posts');

  // 我要报名: the phone may stay empty (the household's), a note about what she can do.
  await button(card, '我要报名').click();
  const sheet = res.locator('#signup-sheet');
  await sheet.waitFor();
  await expect(sheet.innerText()).resolves.toContain('不填就用您家登记的电话');
  await res.locator('#signup-note textarea').fill('退休前是司机，有驾照');
  await screenshot(res, '78-resident-signup-form');
  await button(sheet, '提交报名').click();
  await res.locator(`#post-${post.id}-signup`).getByText('等待社区审核', { exact: false }).waitFor();
  await expect(sheet.count()).resolves.toBe(0);
  await button(card, '撤回报名').waitFor();
  await screenshot(res, '79-resident-signed-up');

  const signups = await api<{ userId: number; status: string; note: string | null; phone: string | null }[]>(
    'GET',
    `/staff/volunteer-posts/${post.id}/signups`,
    s.staff,
  );
  const mine = signups.find((x) => x.userId === s.resident.me.user.id);
  expect(mine?.status).toBe('PENDING');
  expect(mine?.note).toBe('退休前是司机，有驾照');
  await res.context().close();
});

it('a volunteer grabs an unassigned parcel from the pool; one taken meanwhile is explained', async () => {
  const s = await deliveryScene();
  // Two READY parcels in 王秀兰's building: hers, and a neighbour's ordered by staff.
  const { items } = await api<ResultPage<HouseholdView>>(
    'GET',
    `/staff/households?buildingId=${s.household.buildingId}&pageSize=5`,
    s.staff,
  );
  const neighbour = items.find((h) => h.id !== s.household.id);
  if (!neighbour) throw new Error('no neighbour household');
  const { parcel, parcels } = await packedOrder(s, eggWindow('抢单批次'), neighbour.id);
  const other = parcels.find((p) => p.householdId === neighbour.id);
  if (!other) throw new Error(`no parcel for the neighbour: ${JSON.stringify(parcels)}`);
  expect([parcel.state, other.state]).toEqual(['READY', 'READY']);

  const vol = await loggedInPhone('volunteer');
  await vol.locator('#entry-volunteer-pool').click();
  const card = vol.locator(`#pool-${parcel.id}`);
  await card.waitFor();
  await vol.locator(`#pool-${other.id}`).waitFor();
  await expect(card.innerText()).resolves.toContain(`${parcel.building} ${parcel.unit} ${parcel.room}`);
  await expect(vol.locator('.task-group__title').first().innerText()).resolves.toContain(parcel.building);
  expect((await measure(vol, `#pool-${parcel.id} .task__door`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect((await measure(vol, `#pool-${parcel.id}-grab`)).height).toBeGreaterThanOrEqual(VOLUNTEER_BUTTON_PX);
  await screenshot(vol, '80-volunteer-pool');

  // 我来送: it is mine, accepted, and leaves the pool.
  await button(card, '我来送').click();
  await vol.locator('#pool-notice').getByText('已接下').waitFor();
  await expect(card.count()).resolves.toBe(0);
  const tasks = await api<ParcelTaskView[]>('GET', '/volunteer/tasks', s.volunteer.token);
  expect(tasks.find((t) => t.id === parcel.id)?.state).toBe('ACCEPTED');
  await screenshot(vol, '81-volunteer-grabbed');

  // Meanwhile the neighbour's parcel went to someone (staff assigned it): 我来送 is refused, said, and the list refreshed.
  await api('POST', `/staff/parcels/${other.id}/assign`, s.staff, { volunteerId: s.volunteer.me.user.id });
  await button(vol.locator(`#pool-${other.id}`), '我来送').click();
  const refusal = vol.locator('#pool-notice');
  await refusal.getByText('没有接到').waitFor();
  await expect(refusal.innerText()).resolves.toContain('这个包裹已经由别的志愿者负责了');
  await vol.locator(`#pool-${other.id}`).waitFor({ state: 'detached' });
  await screenshot(vol, '82-volunteer-pool-taken');
  await vol.context().close();
});

it('a squad leader sees the squad on duty or resting, and the hours served', async () => {
  const s = await deliveryScene();
  const id = s.volunteer.me.user.id;
  await api('PUT', `/staff/volunteers/${id}`, s.staff, {
    buildingIds: [s.household.buildingId],
    capacity: 20,
    squad: 'delivery',
    leader: true,
  });
  // One shift: on duty, then off again.
  await api('PUT', '/volunteer/duty', s.volunteer.token, { onDuty: true });
  await api('PUT', '/volunteer/duty', s.volunteer.token, { onDuty: false });

  const vol = await loggedInPhone('volunteer');
  await vol.locator('#entry-volunteer-squad').click();
  await vol.locator('#squad-name').getByText('配送组').waitFor();
  await vol.locator('#squad-card').getByText('组长').waitFor();
  const member = vol.locator(`#member-${id}`);
  const memberText = await member.innerText();
  expect(memberText).toContain('李志强（组长）');
  expect(memberText).toContain('休息');
  expect(memberText).toMatch(/本周 \d+ 小时 \d+ 分钟/);
  await expect(vol.locator('#shift-total').innerText()).resolves.toMatch(/^累计服务 \d+ 小时 \d+ 分钟$/);
  await vol.locator('#shift-ledger .shift').first().waitFor();
  expect((await measure(vol, `#member-${id} .member__name`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect((await measure(vol, '#shift-ledger .shift__time')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(vol, '83-volunteer-squad');
  await vol.context().close();
});

it('a resident says a contactless parcel is not at the door, after a second question', async () => {
  const s = await deliveryScene();
  const { order, parcel } = await packedOrder(s, eggWindow('门口没有批次'));
  await pickedUp(s, parcel);
  await leftAtDoor(s, parcel);

  const res = await loggedInPhone('resident');
  await res.goto(`${base()}/#/pages/order/index?id=${order.id}`);
  await res.locator('#order-contactless').waitFor();
  await button(res, '门口没有').click();
  const dialog = res.locator('.nut-dialog:visible');
  await dialog.getByText('门口没有物资？').waitFor();
  await screenshot(res, '84-resident-not-at-door-question');
  await button(res, '确实没有').click();
  await res.locator('#order-parcel-failed').getByText('这次没有送到').waitFor();
  await expect(res.locator('#order-contactless').count()).resolves.toBe(0);
  await screenshot(res, '85-resident-not-at-door');

  const parcels = await windowParcels(s.staff, order.windowId);
  const after = parcels.find((p) => p.id === parcel.id);
  expect(after?.state).toBe('FAILED');
  expect(after?.failureReason).toBe('not-received');
  await res.context().close();
});
