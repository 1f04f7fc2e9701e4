/**
 * A new resident binds to their household and a community worker approves it, in the h5
 * build of the mini-program, served by the real server, in headless Chromium on a phone-sized
 * screen. Assertions are about what a person sees on the screen.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { HouseholdView, LoginResponse, Page as ResultPage } from '@linli/shared-types';

const REPO = resolve(__dirname, '..', '..', '..');
const SERVER_MAIN = process.env.LINLI_SERVER_MAIN ?? join(REPO, 'apps', 'server', 'dist', 'main.js');
const H5_DIR = join(REPO, 'apps', 'miniprogram', 'dist', 'h5');
const SCREENSHOTS = join(__dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Body text at least 17 CSS px, buttons at least 44 CSS px tall: many residents are elderly. */
const MIN_FONT_PX = 17;
const MIN_BUTTON_PX = 44;

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

let server: ChildProcess | undefined;
let serverOutput = '';
let dataDir = '';
let base = '';
let browser: Browser | undefined;

async function waitForHealth(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) {
      throw new Error(`the server exited with code ${server.exitCode}:\n${serverOutput.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000} s:\n${serverOutput.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(method === 'GET' ? {} : { 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function phoneContext(): Promise<BrowserContext> {
  if (!browser) throw new Error('browser not started');
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // let Taro's page slide and toasts settle
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The button a person would tap, by its words. */
function button(scope: Page | Locator, text: string): Locator {
  return scope.locator('.nut-button', { hasText: exactly(text) });
}

/** Computed font size and height (CSS px) of the element matching `selector`. */
async function measure(page: Page, selector: string): Promise<{ fontSize: number; height: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => ({
      fontSize: parseFloat(getComputedStyle(el).fontSize),
      height: el.getBoundingClientRect().height,
    }));
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [SERVER_MAIN], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dataDir, 'linli.sqlite')}`,
      NODE_ENV: 'test',
      JWT_SECRET: 'e2e-secret',
      H5_DIR,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    serverOutput = (serverOutput + chunk.toString()).slice(-20000);
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  await waitForHealth(60000);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 90000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  }
  server?.stdout?.destroy();
  server?.stderr?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('a new resident asks to bind to their household, staff approve, the resident sees it', async () => {
  // A door that exists in the demo community, as staff see it.
  const staffLogin = await api<LoginResponse>('POST', '/auth/dev', undefined, { user: 'staff' });
  const someHouseholds = await api<ResultPage<HouseholdView>>('GET', '/staff/households?pageSize=1', staffLogin.token);
  const household = someHouseholds.items[0];
  if (!household) throw new Error('the demo seed has no household');
  const name = '赵桂芳';
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

  // The resident: a new account without a household.
  const residentContext = await phoneContext();
  const resident = await residentContext.newPage();
  await resident.goto(`${base}/`);
  await resident.getByText('演示登录').waitFor();
  const loginButton = await measure(resident, '#dev-login-new-resident');
  expect(loginButton.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  expect(loginButton.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(resident, '01-login');

  await resident.locator('#dev-login-new-resident').click();
  await resident.getByText('您还没有绑定住户').waitFor();
  await screenshot(resident, '02-me-without-household');

  await button(resident, '绑定我的住户').click();
  await resident.locator('#bind-submit').waitFor();
  // Pressing 提交 with nothing filled in explains what is missing, in place.
  await resident.locator('#bind-submit').click();
  await resident.getByText('请选择楼栋').waitFor();
  await resident.getByText('请填写正确的11位手机号').waitFor();
  await screenshot(resident, '03-bind-missing-fields');

  await resident.locator('.choice', { hasText: exactly(household.building) }).click();
  await resident.locator('.choice', { hasText: exactly(household.unit) }).click();
  await resident.locator('#bind-room input').fill(household.room);
  await resident.locator('#bind-name input').fill(name);
  await resident.locator('#bind-phone input').fill('1380013');
  await resident.locator('#bind-submit').click();
  await resident.getByText('请填写正确的11位手机号').waitFor();
  await resident.locator('#bind-phone input').fill(phone);
  await expect(resident.getByText('请填写正确的11位手机号').count()).resolves.toBe(0);
  await screenshot(resident, '04-bind-filled');

  await resident.locator('#bind-submit').click();
  const status = resident.locator('#binding-status');
  await status.getByText('等待社区审核').waitFor();
  await expect(status.innerText()).resolves.toContain(household.address);
  const statusText = await measure(resident, '#binding-status .label-value');
  expect(statusText.fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  await screenshot(resident, '05-binding-pending');

  // A community worker, on another phone, approves the request.
  const staffContext = await phoneContext();
  const staff = await staffContext.newPage();
  await staff.goto(`${base}/`);
  await staff.locator('#dev-login-staff').click();
  await staff.getByText('绑定审核', { exact: true }).click();
  const card = staff.locator('.card', { hasText: name });
  await card.waitFor();
  await expect(card.innerText()).resolves.toContain(household.address);
  await screenshot(staff, '06-staff-pending-request');
  await button(card, '通过').click();
  await card.waitFor({ state: 'detached' });
  await staff.getByText('没有待审核的申请').waitFor();
  await screenshot(staff, '07-staff-approved');

  // Back on the resident's phone: 「我的」 now shows the household.
  await resident.reload();
  const card2 = resident.locator('#household-card');
  await card2.getByText(household.address).waitFor();
  await expect(card2.innerText()).resolves.toContain(`${household.headcount} 人`);
  await expect(resident.getByText('等待社区审核').count()).resolves.toBe(0);
  await screenshot(resident, '08-resident-bound');

  await staffContext.close();
  await residentContext.close();
});
