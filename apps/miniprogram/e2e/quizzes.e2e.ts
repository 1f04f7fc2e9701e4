/**
 * Quizzes (issue 16), in the h5 build served by the real server, in headless Chromium on a
 * phone-sized screen: 王秀兰 opens 知识竞答 from 「我的」, reads the late rule, starts, answers two
 * questions with big buttons while the server's clock counts down, leaves the third and lets the
 * time run out: the app submits by itself, and she sees her score, the right answers and the
 * explanations, then the leaderboard with her place and masked doors. 李志强 took it first.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { AttemptView, StaffQuizView } from '@linli/shared-types';
import { api, button, devLogin, loggedInPhone, measure, MIN_BUTTON_PX, screenshot, useServerAndBrowser } from './support';

useServerAndBrowser();

const RIGHT = ['勤洗手', '戴口罩', '常通风'];

it('a resident takes a quiz against the clock, sees the result with explanations and the leaderboard', async () => {
  const staff = (await devLogin('staff')).token;
  for (const [n, right] of RIGHT.entries()) {
    await api('POST', '/staff/quiz-questions', staff, {
      kind: 'single',
      text: `第${n + 1}题：下面哪一项是正确的防护做法？`,
      options: [right, '聚集聊天', '串门走亲戚'],
      correct: [0],
      explanation: `${right}能减少病毒传播`,
      tags: ['防疫知识'],
    });
  }
  const now = Date.now();
  const quiz = await api<StaffQuizView>('POST', '/staff/quizzes', staff, {
    title: '防疫知识竞答',
    intro: '前三名送大米一袋',
    questionCount: 3,
    timeLimitSeconds: 30,
    attemptsAllowed: 1,
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 3_600_000).toISOString(),
  });

  // 李志强 (2栋) takes it first through the API: one right answer.
  const li = (await devLogin('volunteer')).token;
  const his = await api<AttemptView>('POST', `/quizzes/${quiz.id}/attempts`, li);
  const first = his.questions[0];
  const pick = first ? first.options.findIndex((o) => RIGHT.includes(o)) : 0;
  await api('POST', `/quiz-attempts/${his.id}/submit`, li, { answers: [{ position: 0, chosen: [pick] }] });

  const wang = await loggedInPhone('resident');
  await wang.locator('#entry-quizzes').click();
  await wang.locator(`#quiz-${quiz.id}`).click();
  await wang.locator('#quiz-title').getByText('防疫知识竞答').waitFor();
  await wang.locator('#quiz-facts').getByText('共 3 道题 · 限时 30秒').waitFor();
  await wang.locator('#quiz-late-rule').getByText('超时后的作答不计分', { exact: false }).waitFor();
  await wang.locator('#board-1').getByText('2栋', { exact: false }).waitFor();
  await screenshot(wang, '171-quiz-intro');

  await button(wang, '开始答题').click();
  await wang
    .locator('#quiz-countdown')
    .getByText(/剩余 0:[0-3]\d/)
    .waitFor();
  await wang.locator('#quiz-progress').getByText('第 1 题 / 共 3 题', { exact: false }).waitFor();
  expect((await measure(wang, '#quiz-option-0')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  expect((await measure(wang, '#quiz-option-0')).fontSize).toBeGreaterThanOrEqual(17);
  // Nothing on the screen gives the answer away before submitting.
  await expect(wang.locator('.quiz-explanation').count()).resolves.toBe(0);
  for (const n of [0, 1]) {
    await wang
      .locator('#quiz-progress')
      .getByText(`第 ${n + 1} 题`, { exact: false })
      .waitFor();
    await wang.locator('[id^="quiz-option-"]', { hasText: /勤洗手|戴口罩|常通风/ }).click(); // the draw's order is random
    if (n === 0) await screenshot(wang, '172-quiz-question');
    await button(wang, '下一题').click();
  }
  await wang.locator('#quiz-progress').getByText('第 3 题', { exact: false }).waitFor();
  // She leaves the last one: at 0:00 the app hands the paper in by itself.
  await wang.locator('#quiz-score').getByText('2/3 分').waitFor({ timeout: 45_000 });
  await wang.locator('#quiz-time-taken').getByText('答对 2 题', { exact: false }).waitFor();
  await wang.locator('#review-0').getByText('答对了', { exact: false }).waitFor();
  await wang.locator('#review-2').getByText('未作答', { exact: false }).waitFor();
  await wang.locator('#review-2-explanation').getByText('能减少病毒传播', { exact: false }).waitFor();
  await wang
    .locator('#review-2')
    .getByText(/^(勤洗手|戴口罩|常通风)（正确答案）$/)
    .waitFor();
  await screenshot(wang, '173-quiz-result');

  await button(wang, '查看排行榜').click();
  await wang.locator('#board-my-rank').getByText('我排第 1 名').waitFor();
  await wang.locator('#board-1').getByText('1栋1单元1**（我）').waitFor();
  await wang.locator('#board-2').getByText('1/3 分', { exact: false }).waitFor();
  await expect(wang.locator('#leaderboard').getByText('王秀兰').count()).resolves.toBe(0);
  await expect(wang.locator('#leaderboard').getByText('李志强').count()).resolves.toBe(0);
  await wang.locator('#quiz-cannot-start').getByText('您的答题次数已经用完了').waitFor();
  await wang.locator('#quiz-best').getByText('2/3 分', { exact: false }).waitFor();
  await screenshot(wang, '174-quiz-leaderboard');
  await wang.context().close();
});

it('staff add a question to the bank on the screen and see who took the quiz', async () => {
  const staff = await loggedInPhone('staff');
  await staff.locator('#entry-staff-quizzes').click();
  await staff.getByText('防疫知识竞答').waitFor();
  await staff.getByText('2 人参加，共 2 次').waitFor();
  await staff.locator('[id^="staff-quiz-"]', { hasText: '防疫知识竞答' }).first().click();
  await staff.locator('#quiz-attempts-list').getByText('王秀兰', { exact: false }).waitFor();
  await staff.locator('#quiz-attempts-list').getByText('2/3 分', { exact: false }).waitFor();
  await screenshot(staff, '175-staff-quiz');
  await staff.goBack();

  await button(staff, '题库').click();
  await button(staff, '新增题目').click();
  await staff.locator('#question-kind-1').click(); // 多选题
  await staff.locator('#question-text textarea').fill('发热时应该怎么做？');
  await staff.locator('#question-option-0 input').fill('测体温');
  await staff.locator('#question-option-1 input').fill('告诉社区');
  await staff.locator('#question-option-2 input').fill('自己去药店');
  await staff.locator('#question-correct-0').click();
  await staff.locator('#question-correct-1').click();
  await staff.locator('#question-explanation textarea').fill('发热先测体温并告诉社区，由社区安排就医。');
  await staff.locator('#question-tag-1').click(); // 急救
  await screenshot(staff, '176-question-edit');
  await staff.locator('#question-save').click();
  await staff.locator('.card[id^="question-"]', { hasText: '发热时应该怎么做？' }).first().waitFor();
  await staff.getByText('正确答案：测体温、告诉社区').waitFor();
  await staff.context().close();
});
