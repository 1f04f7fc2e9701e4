import type { FamilyBindingView, LoginResponse, MessagesPage, OrderView } from '@linli/shared-types';
import {
  api,
  base,
  deliveryScene,
  paperPhoto,
  packedOrder,
  phoneContext,
  screenshot,
  sqlite,
  uploadPhoto,
  useServerAndBrowser,
} from './support';

useServerAndBrowser();

/**
 * Proxy for every flow (issue 18), at the door: 王秀兰's daughter, bound as 家属 and approved by
 * staff, opens 我代办的家庭 → 订单与包裹, confirms the parcel the volunteer left at her mother's
 * door (代确认收到) and rates it (代评价); her mother is told each time.
 */
it('a 家属 confirms a contactless parcel for the household and rates it', async () => {
  const s = await deliveryScene();
  const daughter = await api<LoginResponse>('POST', '/auth/dev', undefined, { newResident: true, nickname: '王芳' });
  const [door] = sqlite<{ unit: string; room: string }>('SELECT unit, room FROM households WHERE id = ?', s.household.id);
  const binding = await api<FamilyBindingView>('POST', '/me/family-bindings', daughter.token, {
    buildingId: s.household.buildingId,
    unit: door?.unit,
    room: door?.room,
    relation: '女儿',
    name: '王芳',
    phone: '13900001111',
  });
  await api('POST', `/staff/family-bindings/${binding.id}/approve`, s.staff);

  // Her mother's order, packed; the volunteer leaves it at the door with a photo.
  const { parcel } = await packedOrder(s, {
    supplier: { name: '合家福超市' },
    item: { kind: 'package', name: '蔬菜包', contents: [{ name: '青菜', quantity: '2斤' }], priceFen: 3000, limitPerHousehold: 2 },
    window: { title: '今日蔬菜', mode: 'fcfs', paymentMode: 'cod' },
    hours: 2,
    stock: 10,
  });
  await api('POST', `/staff/parcels/${parcel.id}/assign`, s.staff, { volunteerId: s.volunteer.me.user.id });
  await api('POST', `/volunteer/tasks/${parcel.id}/accept`, s.volunteer.token);
  await api('POST', '/volunteer/scan/pickup', s.volunteer.token, { code: parcel.labelToken });
  const photo = await uploadPhoto(s.volunteer.token, 'contactless', paperPhoto());
  await api('POST', `/volunteer/tasks/${parcel.id}/leave`, s.volunteer.token, { photoFileId: photo.id });

  // Her phone, logged in as she would be after logging in.
  const context = await phoneContext();
  const session = JSON.stringify({ token: daughter.token, expiresAt: daughter.expiresAt, me: daughter.me });
  await context.addInitScript((value) => {
    if (!localStorage.getItem('linli.session')) localStorage.setItem('linli.session', JSON.stringify({ data: value }));
  }, session);
  const page = await context.newPage();
  await page.goto(`${base()}/#/care/family/index`);
  await page.locator(`#family-household-${s.household.id}-deliveries`).click();
  await page.locator('#proxy-deliveries-head').getByText('件事可以代办', { exact: false }).waitFor();
  const card = page.locator(`#proxy-parcel-${parcel.id}`);
  await card.getByText('蔬菜包', { exact: false }).first().waitFor();
  await card.locator(`#proxy-parcel-${parcel.id}-photo`).waitFor();
  await screenshot(page, '200-proxy-deliveries-confirm');
  await page.locator(`#proxy-parcel-${parcel.id}-received`).click();

  // Confirmed: it moves to the parcels to rate.
  await page.locator(`#proxy-parcel-${parcel.id}-rate`).waitFor();
  await page.locator(`#proxy-parcel-${parcel.id}-star-5`).click();
  await screenshot(page, '201-proxy-deliveries-rate');
  await page.locator(`#proxy-parcel-${parcel.id}-rate`).click();
  // Rated: it leaves the page.
  await card.waitFor({ state: 'detached' });

  const [row] = sqlite<{ state: string }>('SELECT state FROM parcels WHERE id = ?', parcel.id);
  expect(row?.state).toBe('DELIVERED');
  const [rating] = sqlite<{ stars: number; by: number; as: string }>(
    'SELECT stars, rated_by_user_id AS "by", rated_as AS "as" FROM parcel_ratings WHERE parcel_id = ?',
    parcel.id,
  );
  expect(rating).toEqual({ stars: 5, by: daughter.me.user.id, as: 'family' });
  const told = (await api<MessagesPage>('GET', '/messages?pageSize=50', s.resident.token)).items.map((m) => m.body);
  expect(told).toEqual(
    expect.arrayContaining([
      '您的女儿 王芳 已为您确认收到门口的包裹。如果不认识此人，请联系社区',
      '您的女儿 王芳 已为您评价了这次配送（5 星）。如果不认识此人，请联系社区',
    ]),
  );
  // The household sees the rating on its own order's parcel.
  const [source] = sqlite<{ id: number }>(
    "SELECT source_id AS id FROM parcel_sources WHERE parcel_id = ? AND source_type = 'order'",
    parcel.id,
  );
  const order = await api<OrderView>('GET', `/orders/${source?.id}`, s.resident.token);
  expect(order.parcel?.rating).toEqual({ stars: 5, comment: null });
  await context.close();
});
