/**
 * Patient transport (issue 18), in the h5 build served by the real server, in headless Chromium
 * on a phone-sized screen: staff register 王秀兰 (dialysis, every day 07:30, 省立医院, with a
 * companion) and a vehicle driven by the demo volunteer, build today's trips and see the trip on
 * the board, then move her on the board to an afternoon trip of the same vehicle (the morning one,
 * left empty, is cancelled; building again undoes nothing); the driver marks 已接上 → 已到医院 →
 * 已送回家 on 「我的接送」; 王秀兰's household got a message for each step and sees the trip on
 * 「家人接送」 with the plate, the driver and the state.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { MessagesPage, TransportDay } from '@linli/shared-types';
import { api, button, devLogin, loggedInPhone, measure, MIN_FONT_PX, screenshot, sqlite, useServerAndBrowser } from './support';

useServerAndBrowser();

it('staff plan a patient trip; the driver marks each step; the family is told', async () => {
  const [wang] = sqlite<{ id: number }>("SELECT h.id FROM households h JOIN users u ON u.household_id = h.id WHERE u.nickname = '王秀兰'");
  const [driver] = sqlite<{ nickname: string }>("SELECT nickname FROM users WHERE dev_key = 'volunteer'");

  const staff = await loggedInPhone('staff');
  await staff.locator('#entry-staff-transport').click();
  await staff.locator('#tr-day-date').waitFor();
  await staff.locator('#tr-go-patients').click();
  await staff.locator('#tr-patients-empty').waitFor();
  await staff.locator('#tr-patient-new').click();
  // Nothing filled in: told what is missing.
  await staff.locator('#tr-patient-save').click();
  await staff.getByText('请先查找并选择病人住的户').waitFor();
  await staff.locator('#tr-find-building-1').click();
  await staff.locator('#tr-find-room input').fill('101');
  await staff.locator('#tr-find-search').click();
  await staff.locator(`#tr-household-${wang?.id}`).click();
  await staff.locator('#tr-patient-door').getByText('1栋1单元101').waitFor();
  await staff.locator('#tr-patient-name input').fill('王秀兰');
  await staff.locator('#tr-patient-hospital input').fill('省立医院');
  for (let d = 0; d < 7; d++) await staff.locator(`#tr-patient-day-${d}`).click();
  await staff.locator('#tr-patient-companion-yes').click();
  await screenshot(staff, '190-transport-patient');
  await staff.locator('#tr-patient-save').click();
  const card = staff.locator('.card[id^="tr-patient-"]', { hasText: '王秀兰' }).first();
  await card.getByText('07:30 接 · 透析 · 省立医院', { exact: false }).waitFor();
  await card.getByText('有陪护（占2座）').waitFor();

  await staff.goBack();
  await staff.locator('#tr-go-vehicles').click();
  await staff.locator('#tr-vehicles-empty').waitFor();
  await staff.locator('#tr-vehicle-new').click();
  await staff.locator('#tr-vehicle-name input').fill('爱心车1号');
  await staff.locator('#tr-vehicle-plate input').fill('皖A12345');
  await staff.locator('[id^="tr-vehicle-driver-"]', { hasText: driver?.nickname ?? '' }).click();
  await staff.locator('#tr-vehicle-save').click();
  await staff
    .locator('.card[id^="tr-vehicle-"]', { hasText: '爱心车1号（皖A12345）' })
    .getByText(`司机：${driver?.nickname}`, { exact: false })
    .waitFor();

  await staff.goBack();
  await staff.locator('#tr-day-date').waitFor();
  await staff.locator('#tr-build').click();
  const trip = staff.locator('[id^="tr-trip-"][id$="-state"]').first();
  await trip.getByText('待出发').waitFor();
  await staff.locator('.card', { hasText: '07:30 省立医院' }).getByText('王秀兰').waitFor();
  await staff.locator('#tr-day-figures').getByText('1 趟车 · 1 位病人').waitFor();
  expect((await measure(staff, '.tr-name')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(staff, '191-transport-day');
  // An afternoon trip by hand, then 王秀兰 moved into it on the board.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const [vehicle] = sqlite<{ id: number }>("SELECT id FROM care_vehicles WHERE name = '爱心车1号'");
  const [patient] = sqlite<{ id: number }>("SELECT id FROM care_patients WHERE name = '王秀兰'");
  const [morning] = sqlite<{ id: number }>("SELECT id FROM care_trips WHERE depart_time = '07:30'");
  const staffToken = (await devLogin('staff')).token;
  const byHand = await api<TransportDay>('POST', '/staff/care-transport/trips', staffToken, {
    date: today,
    vehicleId: vehicle?.id,
    departTime: '14:00',
    hospital: '省立医院',
    patientIds: [],
  });
  const afternoon = byHand.trips.find((x) => x.departTime === '14:00');
  await staff.locator('#tr-day-today').click();
  await staff.locator(`#tr-trip-${afternoon?.id}`).waitFor();
  await staff.locator(`#tr-trip-${morning?.id}-rider-${patient?.id}-move`).click();
  await staff.locator(`#tr-move-to-${afternoon?.id}`).click();
  await staff.locator(`#tr-trip-${afternoon?.id}-rider-${patient?.id}`).getByText('王秀兰').waitFor();
  await staff.locator(`#tr-trip-${morning?.id}-state`).getByText('已取消').waitFor();
  await staff.locator('#tr-day-figures').getByText('1 趟车 · 1 位病人').waitFor();
  await screenshot(staff, '191b-transport-day-moved');
  // Again: nobody is added twice.
  await staff.locator('#tr-build').click();
  await staff.getByText('没有要新安排的病人').waitFor();
  expect(sqlite<{ n: number }>('SELECT COUNT(*) AS n FROM care_trip_riders')[0]?.n).toBe(1);
  await staff.locator(`#tr-trip-${afternoon?.id}-rider-${patient?.id}`).waitFor();
  await staff.context().close();

  const phone = await loggedInPhone('volunteer');
  await phone.locator('#entry-driver-trips').click();
  const mine = phone.locator('[id^="tr-driver-trip-"]', { hasText: '省立医院' }).first();
  await mine.getByText('王秀兰', { exact: false }).waitFor();
  await button(mine, '已接上').click();
  await mine.getByText('已到医院').waitFor();
  await button(mine, '已到医院').click();
  await button(mine, '已送回家').waitFor();
  expect((await measure(phone, '.tr-step .nut-button')).height).toBeGreaterThanOrEqual(48);
  await screenshot(phone, '192-driver-trips');
  await button(mine, '已送回家').click();
  await mine.locator('[id$="-state"]').getByText('已送回家').waitFor();
  await phone.context().close();

  const resident = (await devLogin('resident')).token;
  const told = (await api<MessagesPage>('GET', '/messages?pageSize=50', resident)).items.map((m) => m.body);
  expect(told).toEqual(expect.arrayContaining(['王秀兰已上车，前往省立医院', '王秀兰已到达省立医院', '王秀兰已送回家']));
  expect(told.some((b) => b.includes('07:30 接王秀兰去省立医院'))).toBe(true);
  const family = await loggedInPhone('resident');
  await family.locator('#entry-messages').click();
  await family.getByText('王秀兰已送回家').first().waitFor();
  await screenshot(family, '193-transport-family-told');
  await family.goBack();
  await family.locator('#entry-family-trips').click();
  const tripCard = family.locator(`#family-trip-${afternoon?.id}-${patient?.id}`);
  await tripCard.getByText('14:00', { exact: false }).waitFor();
  await tripCard.getByText('爱心车1号（皖A12345）').waitFor();
  await tripCard.getByText(`司机：${driver?.nickname}`).waitFor();
  await tripCard.locator(`#family-trip-${afternoon?.id}-${patient?.id}-state`).getByText('已送回家').waitFor();
  await tripCard.locator(`#family-trip-${afternoon?.id}-${patient?.id}-call`).waitFor();
  expect((await measure(family, `#family-trip-${afternoon?.id}-${patient?.id}-state`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(family, '194-transport-family-trips');
  await family.context().close();
});
