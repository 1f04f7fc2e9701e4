/**
 * Issue 19 on the staff's phone: a parcel two volunteers let go (李志强 declines, it goes at once
 * to 赵志愿; he declines too) waits for staff, red on the 配送看板 with 「两次无人接单」 and who
 * let it go; 「指派志愿者」 hands it to one by hand, and it leaves the late list. The scene is set
 * through the API; the staff's steps are what they see and tap.
 *
 * Needs: `npm run build -w @linli/server` (or LINLI_SERVER_MAIN) and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { LoginResponse, ParcelView } from '@linli/shared-types';
import {
  api,
  deliveryScene,
  loggedInPhone,
  measure,
  MIN_BUTTON_PX,
  MIN_FONT_PX,
  packedOrder,
  screenshot,
  sqlite,
  useServerAndBrowser,
  windowParcels,
} from './support';

useServerAndBrowser();

it('a parcel let go twice is red on the board with 两次无人接单, and staff assign it by hand', async () => {
  const s = await deliveryScene();
  const { win, parcel } = await packedOrder(s, {
    supplier: { name: '平价粮油店', contactName: '孙老板' },
    item: { kind: 'package', name: '粮油套餐', contents: [{ name: '大米', quantity: '5斤' }], priceFen: 6600, limitPerHousehold: 1 },
    window: { title: '粮油配送批次', mode: 'fcfs', paymentMode: 'cod' },
    hours: 4,
    stock: 10,
  });
  // A second volunteer covering the same building; both on duty.
  const zhao = await api<LoginResponse>('POST', '/auth/dev', undefined, { newResident: true, nickname: '赵志愿' });
  sqlite("INSERT INTO role_assignments (user_id, community_id, role) VALUES (?, 1, 'volunteer')", zhao.me.user.id);
  await api('PUT', `/staff/volunteers/${zhao.me.user.id}`, s.staff, { buildingIds: [s.household.buildingId], capacity: 20 });
  await api('PUT', '/volunteer/duty', s.volunteer.token, { onDuty: true });
  await api('PUT', '/volunteer/duty', zhao.token, { onDuty: true });

  // Staff give it to 李志强; he declines: it goes at once to 赵志愿, who declines as well.
  await api('POST', `/staff/parcels/${parcel.id}/assign`, s.staff, { volunteerId: s.volunteer.me.user.id });
  await api('POST', `/volunteer/tasks/${parcel.id}/decline`, s.volunteer.token);
  expect((await windowParcels(s.staff, win.id)).find((p) => p.id === parcel.id)).toMatchObject({
    state: 'ASSIGNED',
    volunteerId: zhao.me.user.id,
  });
  await api('POST', `/volunteer/tasks/${parcel.id}/decline`, zhao.token);

  const st = await loggedInPhone('staff');
  await st.locator('#entry-staff-delivery').click();
  const card = st.locator(`#board-late-${parcel.id}`);
  await card.waitFor();
  await expect(st.locator(`#board-late-${parcel.id}-unclaimed`).innerText()).resolves.toBe('两次无人接单');
  await expect(st.locator(`#board-late-${parcel.id}-missed`).innerText()).resolves.toBe('李志强（婉拒）、赵志愿（婉拒）');
  await expect(card.evaluate((el) => getComputedStyle(el).borderTopColor)).resolves.toBe('rgb(217, 84, 76)');
  expect((await measure(st, `#board-late-${parcel.id}-unclaimed`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect((await measure(st, `#board-late-${parcel.id}-missed`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect((await measure(st, `#board-late-${parcel.id}-assign`)).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await screenshot(st, '63-staff-board-unclaimed');

  // 指派志愿者: those who let it go are listed last and marked; staff pick 李志强 anyway.
  await st.locator(`#board-late-${parcel.id}-assign`).click();
  await st.locator('#assign-sheet').waitFor();
  await expect(st.locator(`#assign-volunteer-${s.volunteer.me.user.id}`).innerText()).resolves.toContain('这件没有接过');
  await st.locator(`#assign-volunteer-${s.volunteer.me.user.id}`).click();
  await st.locator('#assign-sheet').waitFor({ state: 'detached' });
  await card.waitFor({ state: 'detached' });
  await st.locator('#board-late-empty').waitFor();
  const after = (await windowParcels(s.staff, win.id)).find((p) => p.id === parcel.id) as ParcelView;
  expect(after).toMatchObject({ state: 'ASSIGNED', volunteerId: s.volunteer.me.user.id });
  await st.context().close();
});
