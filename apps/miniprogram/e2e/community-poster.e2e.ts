/**
 * Two communities on one server: the operator sets up a second one from the command line, its
 * staff sign in with the printed code and add a building with doors; a newcomer opens the app
 * from that community's poster link, binds to a door there, and is approved by its staff. A
 * newcomer without the poster is asked to choose the community and finds it by name.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { BindingRequestView, LoginResponse, MeResponse, StaffBuildingView } from '@linli/shared-types';
import { api, base, button, devLogin, exactly, operatorCli, phoneContext, screenshot, useServerAndBrowser } from './support';

useServerAndBrowser();

interface Second {
  id: number;
  staffToken: string;
}

let second: Second;

beforeAll(async () => {
  const phone = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const made = await operatorCli(
    'community:create',
    '--name',
    '翡翠湾',
    '--district',
    '蜀山区',
    '--address',
    '翡翠路 8 号',
    '--staff-name',
    '周敏',
    '--staff-phone',
    phone,
  );
  if (made.exitCode !== 0 || !made.code) throw new Error(`community:create failed:\n${made.stdout}\n${made.stderr}`);
  const login = await api<LoginResponse>('POST', '/auth/code', undefined, { code: made.code });
  const me = await api<MeResponse>('GET', '/me', login.token);
  if (!me.community) throw new Error('the new staff member has no community');
  const building = await api<StaffBuildingView>('POST', '/staff/buildings', login.token, { name: 'A座', units: ['1单元'] });
  await api('POST', `/staff/buildings/${building.id}/households`, login.token, { unit: '1单元', rooms: ['101', '102'] });
  second = { id: me.community.id, staffToken: login.token };
}, 60_000);

it('a newcomer opens the app from the poster of 翡翠湾, binds to a door there, and its staff approve', async () => {
  const context = await phoneContext();
  const page = await context.newPage();
  // The h5 build takes the poster's community from the address (WeChat gives it as the scene).
  await page.goto(`${base()}/?community=${second.id}`);
  await page.locator('#dev-login-new-resident').click();
  await page.getByText('您还没有绑定住户').waitFor();
  // Acting in 翡翠湾: it did not ask which community.
  await expect(page.locator('#community-none').count()).resolves.toBe(0);
  await screenshot(page, 'poster-01-me');

  await button(page, '绑定我的住户').click();
  await page.locator('#bind-submit').waitFor();
  // Only 翡翠湾's building is offered, none of 滨湖和园's.
  await page.locator('.choice', { hasText: exactly('A座') }).waitFor();
  await expect(page.locator('.choice', { hasText: exactly('1栋') }).count()).resolves.toBe(0);
  await page.locator('.choice', { hasText: exactly('A座') }).click();
  await page.locator('.choice', { hasText: exactly('1单元') }).click();
  await page.locator('#bind-room input').fill('102');
  await page.locator('#bind-name input').fill('孙玉梅');
  await page.locator('#bind-phone input').fill(`135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
  await page.locator('#bind-submit').click();
  await page.locator('#binding-status').getByText('等待社区审核').waitFor();
  await screenshot(page, 'poster-02-pending');

  // 滨湖和园's staff never see it; 翡翠湾's approve it.
  const staffA = await devLogin('staff');
  const queueA = await api<BindingRequestView[]>('GET', '/staff/bindings?state=PENDING', staffA.token);
  expect(queueA.some((b) => b.name === '孙玉梅')).toBe(false);
  const queueB = await api<BindingRequestView[]>('GET', '/staff/bindings?state=PENDING', second.staffToken);
  const request = queueB.find((b) => b.name === '孙玉梅');
  if (!request) throw new Error('翡翠湾 staff do not see the request');
  await api('POST', `/staff/bindings/${request.id}/approve`, second.staffToken);

  await page.reload();
  const card = page.locator('#household-card');
  await card.getByText('A座').first().waitFor();
  await expect(card.innerText()).resolves.toContain('102');
  await screenshot(page, 'poster-03-bound');
  await context.close();
});

it('a newcomer without the poster is asked for the community and finds it by name', async () => {
  const context = await phoneContext();
  const page = await context.newPage();
  await page.goto(`${base()}/`);
  await page.locator('#dev-login-new-resident').click();
  await page.locator('#community-none').getByText('您住在哪个社区？').waitFor();
  await screenshot(page, 'poster-04-choose');
  await page.locator('#community-choose').click();
  await page.locator('#community-q input').fill('翡翠');
  await page.locator('#community-search').click();
  await page.locator(`#community-${second.id}`).getByText('翡翠湾').waitFor();
  await page.locator(`#community-${second.id}`).click();
  await page.getByText('您还没有绑定住户').waitFor();
  await button(page, '绑定我的住户').click();
  await page.locator('.choice', { hasText: exactly('A座') }).waitFor();
  await expect(page.locator('.choice', { hasText: exactly('1栋') }).count()).resolves.toBe(0);
  await context.close();
});
