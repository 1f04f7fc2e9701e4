/**
 * 求助统计 (issue 17), in the h5 build served by the real server, in headless Chromium on a
 * phone-sized screen: the supervisor opens it from 「我的」, switches to 近7天 and sees the big
 * figures, the per-building and daily charts drawn on their canvases (F2), the tables per
 * building, responder and category, and downloads the Excel workbook.
 *
 * The requests are written straight into help_requests (the requests' own screens and service are
 * built elsewhere), minutes before the real clock's now; 近7天 always holds them (today might not,
 * just after midnight in Shanghai).
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { Page } from 'playwright-core';
import { loggedInPhone, measure, MIN_FONT_PX, screenshot, sqlite, useServerAndBrowser } from './support';

useServerAndBrowser();

/** SQLite's datetime text as TypeORM writes it (UTC). */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** How many pixels of a chart's canvas are not blank (transparent or white). */
function inkedPixels(page: Page, id: string): Promise<number> {
  return page.locator(`#${id}`).evaluate((el) => {
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

async function waitForInk(page: Page, id: string, atLeast: number): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const inked = await inkedPixels(page, id);
    if (inked >= atLeast || Date.now() > deadline) return inked;
    await page.waitForTimeout(200);
  }
}

it('the supervisor sees the figures and the charts of the requests, per building, responder and category, and exports them', async () => {
  const [community] = sqlite<{ id: number }>('SELECT id FROM communities ORDER BY id LIMIT 1');
  const buildings = sqlite<{ id: number; name: string }>("SELECT id, name FROM buildings WHERE name IN ('1栋', '2栋') ORDER BY name");
  const [one, two] = buildings as [(typeof buildings)[0], (typeof buildings)[0]];
  const householdOf = (b: { id: number }): number =>
    Number(sqlite<{ id: number }>('SELECT id FROM households WHERE building_id = ? ORDER BY id LIMIT 1', b.id)[0]?.id);
  const user = (key: string): { id: number; nickname: string } => {
    const [u] = sqlite<{ id: number; nickname: string }>('SELECT id, nickname FROM users WHERE dev_key = ?', key);
    if (!u) throw new Error(`no demo ${key}`);
    return u;
  };
  const [volunteer, staff, resident] = [user('volunteer'), user('staff'), user('resident')];

  const now = Date.now();
  const min = (m: number): number => now + m * 60_000;
  const seed = (
    b: { id: number },
    category: string,
    state: string,
    created: number,
    due: number,
    answered: number | null,
    by: { id: number } | null,
    resolved: number | null = null,
  ): void => {
    sqlite(
      `INSERT INTO help_requests (community_id, household_id, building_id, category, urgency, state, text, asked_by, proxy,
         first_response_due, first_response_at, first_responder_id, solution_due, resolved_at, reopen_count, escalation, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'normal', ?, '需要帮助', ?, 0, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
      community?.id,
      householdOf(b),
      b.id,
      category,
      state,
      resident.id,
      stamp(min(created + due)),
      answered === null ? null : stamp(min(created + answered)),
      by?.id ?? null,
      stamp(min(created + 24 * 60)),
      resolved === null ? null : stamp(min(resolved)),
      stamp(min(created)),
      stamp(min(created)),
    );
  };
  // 1栋: answered after 5 (deadline 15) and 15 (deadline 30) by the volunteer — both in time.
  seed(one, 'medical', 'CLOSED', -50, 15, 5, volunteer, -30);
  seed(one, 'supplies', 'TAKEN', -40, 30, 15, volunteer);
  // 2栋: a complaint answered after 25 (deadline 15) by staff — late; a transport request
  // nobody answered, its 10-minute deadline passed: missed and overdue.
  seed(two, 'complaint', 'TAKEN', -30, 15, 25, staff);
  seed(two, 'transport', 'OPEN', -20, 10, null, null);
  // By hand: minutes 5, 15, 25 → median 15, p90 (3rd of 3) 25; 2 of 4 decided in time → 50%;
  // open 3, overdue 1; the one resolved was not reopened → 0%; 1 complaint / 7 days → 0.14.

  const page = await loggedInPhone('supervisor');
  await page.locator('#entry-staff-help-stats').click();
  await page.locator('#help-period-today').waitFor();
  const figure = (id: string) => page.locator(`#help-stats-${id}`).textContent();
  await page.locator('#help-period-7d').click();
  // 1 complaint over 7 days (today alone would show 1).
  await page.locator('#help-stats-complaints').getByText('0.14', { exact: true }).waitFor();
  await expect(figure('requests')).resolves.toBe('4');
  await expect(figure('median')).resolves.toBe('15');
  await expect(figure('p90')).resolves.toBe('25');
  await expect(figure('in-time')).resolves.toBe('50%');
  await expect(figure('open')).resolves.toBe('3');
  await expect(figure('overdue')).resolves.toBe('1');
  await expect(figure('reopen')).resolves.toBe('0%');
  await expect(figure('complaints')).resolves.toBe('0.14');
  await expect(page.locator('#help-stats-summary').textContent()).resolves.toContain('中位首次响应');
  expect((await measure(page, '#help-stats-median')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);

  // The charts drawn: columns per building (minutes and in-time share) and the daily lines.
  for (const chart of ['help-building-chart', 'help-building-share-chart', 'help-daily-chart']) {
    expect(await waitForInk(page, chart, 2000)).toBeGreaterThanOrEqual(2000);
  }
  const box = await page.locator('#help-building-chart').boundingBox();
  expect(box?.width).toBeGreaterThan(300);
  expect(box?.height).toBeGreaterThan(200);

  // Per building: 1栋 median (5 + 15) / 2 = 10, both in time; 2栋 median 25, none in time.
  const cell = (row: string, col: string) => page.locator(`#${row}-${col}`).textContent();
  await expect(page.locator(`#building-${one.id}`).textContent()).resolves.toContain('1栋');
  await expect(cell(`building-${one.id}`, 'median')).resolves.toBe('10');
  await expect(cell(`building-${one.id}`, 'in-time')).resolves.toBe('100%');
  await expect(cell(`building-${two.id}`, 'median')).resolves.toBe('25');
  await expect(cell(`building-${two.id}`, 'in-time')).resolves.toBe('0%');
  await expect(cell(`building-${two.id}`, 'overdue')).resolves.toBe('1');
  // Per responder and category.
  await expect(page.locator(`#responder-${volunteer.id}`).textContent()).resolves.toContain(volunteer.nickname);
  await expect(cell(`responder-${volunteer.id}`, 'requests')).resolves.toBe('2');
  await expect(cell(`responder-${staff.id}`, 'median')).resolves.toBe('25');
  await expect(page.locator('#category-complaint').textContent()).resolves.toContain('投诉');
  await expect(cell('category-transport', 'median')).resolves.toBe('—');
  await screenshot(page, '170-help-stats-7d');

  // The lockdown so far began with the first of them: the same four, complaints over its days.
  await page.locator('#help-period-all').click();
  await page.locator('#help-stats-complaints').getByText('0.14', { exact: true }).waitFor({ state: 'detached' });
  await expect(figure('requests')).resolves.toBe('4');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#help-stats-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  await page.context().close();
});
