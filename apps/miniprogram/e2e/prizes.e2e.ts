/**
 * Prizes (issue 16), in the h5 build served by the real server, in headless Chromium on a
 * phone-sized screen: 王秀兰 wins a quiz; staff open its answers, award the top place a prize
 * (a catalog item or free text), press again without a second parcel, and find the parcel on the
 * delivery board; 王秀兰 sees her prize on 「我的奖品」 and is told in her messages.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { AttemptView, StaffQuizView } from '@linli/shared-types';
import { api, button, devLogin, HOUR_MS, loggedInPhone, measure, MIN_FONT_PX, screenshot, sqlite, useServerAndBrowser } from './support';

useServerAndBrowser();

it('staff award a quiz winner a prize once; it becomes a parcel on the board; the winner sees it', async () => {
  const [office, wang] = (await Promise.all([devLogin('staff'), devLogin('resident')])).map((l) => l.token) as [string, string];
  const now = Date.now();
  await api('POST', '/staff/quiz-questions', office, {
    kind: 'single',
    text: '出门要戴口罩吗？',
    options: ['要', '不要'],
    correct: [0],
    explanation: '要戴',
  });
  const quiz = await api<StaffQuizView>('POST', '/staff/quizzes', office, {
    title: '防疫知识竞答',
    intro: '第一名送大米',
    questionCount: 1,
    timeLimitSeconds: 60,
    attemptsAllowed: 1,
    opensAt: new Date(now - HOUR_MS).toISOString(),
    closesAt: new Date(now + 24 * HOUR_MS).toISOString(),
  });
  const attempt = await api<AttemptView>('POST', `/quizzes/${quiz.id}/attempts`, wang);
  const [row] = sqlite<{ paper: string }>('SELECT paper FROM quiz_attempts WHERE id = ?', attempt.id);
  const paper = JSON.parse(String(row?.paper)) as { correct: number[] }[];
  await api('POST', `/quiz-attempts/${attempt.id}/submit`, wang, { answers: [{ position: 0, chosen: paper[0]?.correct }] });

  // Staff: the quiz's answers → 给前几名发奖品.
  const staff = await loggedInPhone('staff');
  await staff.locator('#entry-staff-quizzes').click();
  await staff.locator('[id^="staff-quiz-"]', { hasText: '防疫知识竞答' }).first().click();
  await staff.locator('#quiz-prizes').click();
  await staff.locator('#prizes-title').getByText('防疫知识竞答').waitFor();
  const first = staff.locator('#prizes-winner-1');
  await first.getByText('第 1 名').waitFor();
  await first.getByText('1栋1单元1**').waitFor();
  await first.getByText('1/1 分', { exact: false }).waitFor();
  expect((await measure(staff, '#prizes-winner-1')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  // Without a prize written: told what to write, nothing sent.
  await staff.locator('#prizes-award').click();
  await staff.getByText('请写上奖品，例如：大米 10斤').waitFor();
  await staff.locator('#prizes-prize input').fill('大米 10斤');
  await staff.locator('#prizes-award').click();
  await staff.getByText('给还没领奖的 1 户各送一份「大米 10斤」', { exact: false }).waitFor();
  await screenshot(staff, '170-prizes-confirm');
  await button(staff, '发放').click();
  await staff.locator('#prizes-awarded-1').getByText('大米 10斤').waitFor();
  await first.getByText('已发放').waitFor();
  await staff.locator('#prizes-award').getByText('这些名次都已发放').waitFor();
  await screenshot(staff, '171-prizes-awarded');

  // The parcel on the delivery board, in the prize's batch.
  await staff.locator('#prizes-parcels').click();
  await staff.locator('#parcel-batch').waitFor();
  await staff.getByText('奖品：大米 10斤').waitFor();
  await expect(staff.locator('[id^="parcel-"][id$="-timeline"]').count()).resolves.toBe(1);
  await screenshot(staff, '172-prizes-parcel-board');
  await staff.context().close();

  // 王秀兰: told, and her prize on 「我的奖品」 with its delivery state.
  const resident = await loggedInPhone('resident');
  await resident.locator('#entry-prizes').click();
  const card = resident.locator('[id^="prize-"]', { hasText: '大米 10斤' }).first();
  await card.getByText('知识竞答「防疫知识竞答」第 1 名').waitFor();
  await card.getByText('待派送').waitFor();
  // On its way: the code the volunteer scans at the door.
  await card.locator('[id$="-door-code-open"]').click();
  await resident.locator('[id$="-door-code-overlay"]').getByText('奖品送上门时请出示此码').waitFor();
  expect((await measure(resident, '.prize-card__title')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(resident, '173-my-prizes');
  const messages = await api<{ items: { kind: string; title: string }[] }>('GET', '/messages', wang);
  expect(messages.items.filter((m) => m.kind === 'prize.awarded').map((m) => m.title)).toEqual(['恭喜您获奖']);
  await resident.context().close();
});
