/**
 * 活动参与统计 (issue 16), in the h5 build served by the real server, in headless Chromium on a
 * phone-sized screen: staff open it from 「我的」 and see that nothing happened yet; after
 * sign-ups, an entry, votes and a quiz attempt they see the day-by-day chart drawn on its canvas
 * (F2) and the figures per building, and switch between 7, 14 and 30 days.
 *
 * Everything counted is done through the real API (the server's clock is the real one here): an
 * entry made through it is then moved 20 days back in the database, for the 30-day view.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { AttemptView, ContestView, LoginResponse, MyContestEntryView, StaffClassView, StaffQuizView } from '@linli/shared-types';
import type { Page } from 'playwright-core';
import {
  HOUR_MS,
  api,
  base,
  devLogin,
  loggedInPhone,
  measure,
  MIN_FONT_PX,
  paperPhoto,
  screenshot,
  sqlite,
  uploadPhoto,
  useServerAndBrowser,
} from './support';

useServerAndBrowser();

const DAY_MS = 24 * HOUR_MS;

/** How many pixels of the chart's canvas are not blank (transparent or white). */
function inkedPixels(page: Page): Promise<number> {
  return page.locator('#participation-chart').evaluate((el) => {
    const canvas = el instanceof HTMLCanvasElement ? el : el.querySelector('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || canvas.width === 0 || canvas.height === 0) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      const white = (data[i] ?? 0) > 245 && (data[i + 1] ?? 0) > 245 && (data[i + 2] ?? 0) > 245;
      if ((data[i + 3] ?? 0) > 0 && !white) inked += 1;
    }
    return inked;
  });
}

async function waitForInk(page: Page, atLeast: number): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const inked = await inkedPixels(page);
    if (inked >= atLeast || Date.now() > deadline) return inked;
    await page.waitForTimeout(200);
  }
}

it('staff see nothing yet, then the day-by-day chart drawn and the figures per building, for 7, 14 and 30 days', async () => {
  const staff = await loggedInPhone('staff');
  await staff.locator('#entry-staff-activities-stats').click();
  await staff.locator('#stats-empty').waitFor();
  await staff.locator('#total-votes').getByText('0').waitFor();
  await screenshot(staff, '160-activities-stats-empty');

  const buildings = sqlite<{ id: number; name: string }>("SELECT id, name FROM buildings WHERE name IN ('1栋', '2栋') ORDER BY name");
  const [one, two] = buildings as [(typeof buildings)[0], (typeof buildings)[0]];
  const [office, wang, li] = (await Promise.all([devLogin('staff'), devLogin('resident'), devLogin('volunteer')])).map(
    (l: LoginResponse) => l.token,
  ) as [string, string, string];
  const now = Date.now();
  const iso = (ms: number): string => new Date(ms).toISOString();

  // A class of one seat: 王秀兰 (1栋) takes it, 李志强 (2栋) waits.
  const yoga = await api<StaffClassView>('POST', '/staff/classes', office, {
    kind: 'yoga',
    title: '居家瑜伽',
    teacher: '李老师',
    startsAt: iso(now + 2 * HOUR_MS),
    minutes: 45,
    capacity: 1,
    liveUrl: 'https://meeting.tencent.com/dm/abc123',
  });
  await api('POST', `/classes/${yoga.id}/signup`, wang, {});
  await api('POST', `/classes/${yoga.id}/signup`, li, { waitlist: true });

  // A photo contest: both enter; 王秀兰 votes for 李志强's entry; hers is moved 20 days back.
  const contest = await api<ContestView>('POST', '/staff/contests', office, {
    kind: 'photo',
    title: '春天的小区',
    rules: '一户一件作品',
    entryStartsAt: iso(now - 30 * DAY_MS),
    entryEndsAt: iso(now + DAY_MS),
    voteStartsAt: iso(now - 30 * DAY_MS),
    voteEndsAt: iso(now + 2 * DAY_MS),
    entriesPerHousehold: 1,
    votesPerDay: 3,
    mode: 'vote',
    autoApprove: false,
  });
  const enter = async (token: string): Promise<MyContestEntryView> => {
    const picture = await uploadPhoto(token, 'contest', paperPhoto());
    const entry = await api<MyContestEntryView>('POST', `/contests/${contest.id}/entries`, token, {
      title: '阳台的花',
      caption: '开了',
      pictureIds: [picture.id],
    });
    await api('POST', `/staff/contest-entries/${entry.id}/approve`, office);
    return entry;
  };
  const old = await enter(wang);
  const liEntry = await enter(li);
  await api('POST', `/contest-entries/${liEntry.id}/vote`, wang);
  sqlite(
    'UPDATE contest_entries SET created_at = ? WHERE id = ?',
    iso(now - 20 * DAY_MS)
      .replace('T', ' ')
      .replace('Z', ''),
    old.id,
  );

  // A quiz 李志强 takes.
  await api('POST', '/staff/quiz-questions', office, {
    kind: 'single',
    text: '出门要戴口罩吗？',
    options: ['要', '不要'],
    correct: [0],
    explanation: '要戴',
  });
  const quiz = await api<StaffQuizView>('POST', '/staff/quizzes', office, {
    title: '防疫知识竞答',
    intro: '',
    questionCount: 1,
    timeLimitSeconds: 60,
    attemptsAllowed: 1,
    opensAt: iso(now - HOUR_MS),
    closesAt: iso(now + DAY_MS),
  });
  await api<AttemptView>('POST', `/quizzes/${quiz.id}/attempts`, li);

  await staff.goto(`${base()}/#/staff/activities-stats/index`);
  await staff.locator('#stats-chart').waitFor();
  // A drawn line chart with its legend and axes: thousands of inked pixels on a 2x screen.
  expect(await waitForInk(staff, 2000)).toBeGreaterThanOrEqual(2000);
  const box = await staff.locator('#participation-chart').boundingBox();
  expect(box?.width).toBeGreaterThan(300);
  expect(box?.height).toBeGreaterThan(200);

  // Totals and per building over 14 days (the default).
  await staff.locator('#total-signups').getByText('2', { exact: true }).waitFor();
  await staff.locator('#total-entries').getByText('1', { exact: true }).waitFor();
  await staff.locator('#total-votes').getByText('1', { exact: true }).waitFor();
  await staff.locator('#total-attempts').getByText('1', { exact: true }).waitFor();
  const cell = (b: { id: number }, kind: string) => staff.locator(`#building-${b.id}-${kind}`);
  await expect(cell(one, 'signups').textContent()).resolves.toBe('1');
  await expect(cell(one, 'votes').textContent()).resolves.toBe('1');
  await expect(cell(one, 'entries').textContent()).resolves.toBe('0');
  await expect(cell(two, 'signups').textContent()).resolves.toBe('1');
  await expect(cell(two, 'entries').textContent()).resolves.toBe('1');
  await expect(cell(two, 'attempts').textContent()).resolves.toBe('1');
  await expect(staff.locator(`#building-${one.id}`).textContent()).resolves.toContain('1栋');
  expect((await measure(staff, `#building-${one.id}-votes`)).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(staff, '161-activities-stats-14');

  // 30 days: the old entry too; the chart is drawn again.
  await staff.locator('#stats-days-30').click();
  await staff.locator('#total-entries').getByText('2', { exact: true }).waitFor();
  await expect(cell(one, 'entries').textContent()).resolves.toBe('1');
  expect(await waitForInk(staff, 2000)).toBeGreaterThanOrEqual(2000);
  await screenshot(staff, '162-activities-stats-30');

  // 7 days: the old entry is gone again.
  await staff.locator('#stats-days-7').click();
  await staff.locator('#total-entries').getByText('1', { exact: true }).waitFor();
  await expect(cell(one, 'entries').textContent()).resolves.toBe('0');
  await staff.context().close();
});
