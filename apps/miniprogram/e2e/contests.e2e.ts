/**
 * Contests (issue 16), in the h5 build served by the real server, in headless Chromium on a
 * phone-sized screen: staff open a photo contest on the screen; 王秀兰 enters it with a photo
 * and sees it 审核中; her neighbour 李志强 cannot see it yet; staff (told it was not
 * machine-checked: the demo has no WeChat) approve it, and reject 李志强's own entry with a
 * reason he reads; 李志强 votes for 王秀兰's photo; staff publish and 王秀兰 sees the ranking.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { ContestView, MyContestEntryView } from '@linli/shared-types';
import {
  api,
  base,
  button,
  devLogin,
  loggedInPhone,
  measure,
  MIN_BUTTON_PX,
  paperPhoto,
  screenshot,
  uploadPhoto,
  useServerAndBrowser,
} from './support';

useServerAndBrowser();

const TITLE = '春天的小区摄影赛';

it('a resident enters a photo contest and a neighbour votes once staff approve; staff reject with a reason and publish', async () => {
  // Staff open the contest on the screen (entries and votes open now, by default).
  const staff = await loggedInPhone('staff');
  await staff.locator('#entry-staff-contests').click();
  await button(staff, '新建比赛').click();
  await staff.locator('#contest-kind-0').click(); // 摄影
  await staff.locator('#contest-title input').fill(TITLE);
  await staff.locator('#contest-rules textarea').fill('拍下封控中小区的春天，每户一件，每人每天可投 3 票。');
  await screenshot(staff, 'c1-contest-form');
  await staff.locator('#contest-save').click();
  await staff.locator('#review-empty').waitFor();
  const li = await devLogin('volunteer');
  const [contest] = (await api<ContestView[]>('GET', '/contests', li.token)).filter((c) => c.title === TITLE);
  expect(contest).toMatchObject({ kind: 'photo', mode: 'vote', phase: 'voting', votesPerDay: 3 });
  const id = (contest as ContestView).id;

  // 王秀兰 enters with a photo: 审核中.
  const wang = await loggedInPhone('resident');
  await wang.locator('#entry-contests').click();
  await wang.locator(`#contest-${id}`).click();
  await wang.locator('#contest-rules').getByText('拍下封控中小区的春天', { exact: false }).waitFor();
  await wang.locator('#contest-enter').click();
  await wang.locator('#entry-submit').click();
  await wang.getByText('请至少上传一张图片').waitFor();
  await wang.locator('#entry-title input').fill('阳台上的迎春花');
  const chooser = wang.waitForEvent('filechooser');
  await wang.locator('#entry-add-picture').click();
  await (await chooser).setFiles({ name: 'spring.png', mimeType: 'image/png', buffer: paperPhoto() });
  await wang.locator('#entry-picture-0 img').waitFor();
  await wang.locator('#entry-caption textarea').fill('封控第十天，阳台上的迎春花开了。');
  await screenshot(wang, 'c2-contest-entry-form');
  expect((await measure(wang, '#entry-submit')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await wang.locator('#entry-submit').click();
  const mine = wang.locator('[id^="my-entry-"][id$="-state"]');
  await mine.getByText('审核中').waitFor();
  await screenshot(wang, 'c3-contest-mine-checking');
  const entryId = Number(((await mine.first().getAttribute('id')) ?? '').replace(/\D/g, ''));

  // 李志强 (another household) sees nothing yet; he sends an entry of his own by script.
  const liPhone = await loggedInPhone('volunteer');
  await liPhone.goto(`${base()}/#/activities/contest/index?id=${id}`);
  await liPhone.locator('#contest-no-entries').waitFor();
  await expect(liPhone.locator(`#entry-${entryId}`).count()).resolves.toBe(0);
  const file = await uploadPhoto(li.token, 'contest', paperPhoto(60, 60));
  const his = await api<MyContestEntryView>('POST', `/contests/${id}/entries`, li.token, {
    title: '楼道',
    caption: '',
    pictureIds: [file.id],
  });

  // Staff review: not machine-checked (the demo has no WeChat); approve hers, reject his with a reason.
  await staff.reload();
  await staff.locator(`#review-${entryId}-state`).getByText('待审核').waitFor();
  await staff.locator(`#review-${entryId}-machine`).getByText('未经微信内容安全检查', { exact: false }).waitFor();
  await screenshot(staff, 'c4-contest-review');
  await staff.locator(`#review-${entryId}-approve`).click();
  await staff.locator(`#review-${entryId}-state`).getByText('已通过').waitFor();
  await staff.locator(`#review-${his.id}-reject`).click();
  await staff.locator('#dialog-confirm').click();
  await staff.locator('#reject-reason-error').waitFor();
  await staff.locator('#reject-reason textarea').fill('照片与比赛主题无关');
  await staff.locator('#dialog-confirm').click();
  await staff.locator(`#review-${his.id}-state`).getByText('未通过').waitFor();

  // 李志强 reads why, and votes for 王秀兰's photo: once.
  await liPhone.reload();
  await liPhone.locator(`#my-entry-${his.id}-state`).getByText('未通过：照片与比赛主题无关').waitFor();
  await liPhone.locator(`#entry-${entryId}-votes`).getByText('0 票').waitFor();
  await liPhone.locator(`#entry-${entryId}-vote`).click();
  await liPhone.locator(`#entry-${entryId}-votes`).getByText('1 票').waitFor();
  await liPhone.locator(`#entry-${entryId}-vote`).getByText('已投票').waitFor();
  await screenshot(liPhone, 'c5-contest-voted');

  // 王秀兰 cannot vote for her own household's photo: no button.
  await wang.reload();
  await wang.locator(`#entry-${entryId}-votes`).getByText('1 票').waitFor();
  await expect(wang.locator(`#entry-${entryId}-vote`).count()).resolves.toBe(0);
  await wang.locator(`#my-entry-${entryId}-state`).getByText('已通过').waitFor();

  // Staff publish; 王秀兰 sees the ranking.
  await staff.locator('#contest-publish').click();
  await staff.locator('#dialog-confirm').click();
  await staff.locator('#review-rank-1').getByText('阳台上的迎春花', { exact: false }).waitFor();
  await wang.reload();
  await wang.locator('#rank-1').getByText('阳台上的迎春花', { exact: false }).waitFor();
  await screenshot(wang, 'c6-contest-results');
});
