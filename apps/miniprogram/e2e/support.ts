/**
 * What the end-to-end tests share: the built server on a fresh SQLite file serving the h5
 * build, headless Chromium on a phone-sized screen, and helpers that look at the screen the
 * way a person does. Each test file calls `useServerAndBrowser()` once at the top.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type {
  CreateItemRequest,
  CreateSupplierRequest,
  CreateWindowRequest,
  DispatchResult,
  FileView,
  ItemView,
  LoginResponse,
  MeResponse,
  OrderView,
  Page as Paged,
  ParcelView,
  WindowView,
} from '@linli/shared-types';

const REPO = resolve(__dirname, '..', '..', '..');
const SERVER_MAIN = process.env.LINLI_SERVER_MAIN ?? join(REPO, 'apps', 'server', 'dist', 'main.js');
const SERVER_CLI = join(REPO, 'apps', 'server', 'dist', 'cli.js');
const H5_DIR = join(REPO, 'apps', 'miniprogram', 'dist', 'h5');
const SCREENSHOTS = join(__dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Body text at least 17 CSS px, buttons at least 44 CSS px tall: many residents are elderly. */
export const MIN_FONT_PX = 17;
export const MIN_BUTTON_PX = 44;

export function exactly(text: string): RegExp {
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
let baseUrl = '';
let browser: Browser | undefined;

/** The server's origin, e.g. http://127.0.0.1:41234 (set once beforeAll has run). */
export function base(): string {
  return baseUrl;
}

async function waitForHealth(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) {
      throw new Error(`the server exited with code ${server.exitCode}:\n${serverOutput.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
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

/** A call to the API as a script would make it (to set the scene, not to test the app). */
export async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/api${path}`, {
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

/** A small real PNG: a white sheet with dark lines (a prescription, or a receipt). */
export function paperPhoto(width = 120, height = 160): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (width * y + x) << 2;
      const line = y % 16 === 0 && x > 10 && x < width - 10;
      const v = line ? 40 : 245;
      png.data[i] = v;
      png.data[i + 1] = v;
      png.data[i + 2] = v;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** A photo uploaded through the API as a script would (multipart), for the given purpose. */
export async function uploadPhoto(token: string, purpose: string, png: Buffer): Promise<FileView> {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', new Blob([png], { type: 'image/png' }), `${purpose}.png`);
  const res = await fetch(`${baseUrl}/api/files`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` },
    body: form,
  });
  if (!res.ok) throw new Error(`upload → ${res.status}: ${await res.text()}`);
  return (await res.json()) as FileView;
}

/** A new phone: its own storage (so its own login), 390×844, Chinese. */
export async function phoneContext(): Promise<BrowserContext> {
  if (!browser) throw new Error('browser not started');
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
}

/** A demo user's login through the API, as a script makes it (POST /auth/dev). */
export function devLogin(user: string): Promise<LoginResponse> {
  return api<LoginResponse>('POST', '/auth/dev', undefined, { user });
}

/**
 * A new phone logged in as a demo user (`#dev-login-<user>`), on 「我的」. Close it with
 * `page.context().close()`.
 */
export async function loggedInPhone(user: string): Promise<Page> {
  const context = await phoneContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.locator(`#dev-login-${user}`).click();
  // 「我的」 is shown once the login is through: a goto before that would race its reLaunch.
  await page.locator('#logout').waitFor();
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // let Taro's page slide and toasts settle
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The button a person would tap, by its words. */
export function button(scope: Page | Locator, text: string): Locator {
  return scope.locator('.nut-button', { hasText: exactly(text) });
}

/** Computed font size and height (CSS px) of the element matching `selector`. */
export async function measure(page: Page, selector: string): Promise<{ fontSize: number; height: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => ({
      fontSize: parseFloat(getComputedStyle(el).fontSize),
      height: el.getBoundingClientRect().height,
    }));
}

async function start(env: Record<string, string>): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [SERVER_MAIN], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dataDir, 'linli.sqlite')}`,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      JWT_SECRET: 'e2e-secret',
      H5_DIR,
      // The tests log in as the demo users and set their own scene on the bare demo seed.
      DEMO: '1',
      DEMO_LIVE: '0',
      ...env,
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
}

async function stop(): Promise<void> {
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
}

/**
 * The operator's CLI (`npm run linli -- …`) on the test server's database, as its own process:
 * what it printed, its exit code, and the sign-in code in it, if any.
 */
export function operatorCli(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number; code: string | null }> {
  return new Promise((resolveRun, reject) => {
    const cli = spawn(process.execPath, [SERVER_CLI, ...args], {
      cwd: REPO,
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${join(dataDir, 'linli.sqlite')}`,
        NODE_ENV: 'test',
        JWT_SECRET: 'e2e-secret',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    cli.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    cli.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    cli.on('error', reject);
    cli.on('close', (exitCode) =>
      resolveRun({ stdout, stderr, exitCode: exitCode ?? -1, code: /登录码：([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(stdout)?.[1] ?? null }),
    );
  });
}

/**
 * A statement on the test server's SQLite database, for a scene no browser or API can set up
 * (what WeChat's answer leaves behind when the test server has no WeChat to talk to): the rows
 * it returns, or the run's changes.
 */
export function sqlite<T = unknown>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dataDir, 'linli.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const statement = db.prepare(sql);
    return statement.reader ? (statement.all(...params) as T[]) : (statement.run(...params), []);
  } finally {
    db.close();
  }
}

/**
 * Starts the server and Chromium before the file's tests and stops both after them; `env`
 * adds to (or overrides) the server's environment, e.g. `{ DEMO_LIVE: '1' }` for the living demo.
 */
export function useServerAndBrowser(env: Record<string, string> = {}): void {
  beforeAll(() => start(env), 90000);
  afterAll(stop);
}

export const HOUR_MS = 60 * 60 * 1000;

/** 'YYYY-MM-DD' of a time, in Asia/Shanghai. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 10);
}

/**
 * What a test orders from, set up through the API as staff (the demo seed has none): a
 * supplier, one item, and a window that opened a minute ago, closes in `hours` and delivers
 * tomorrow.
 */
export async function openWindowViaApi(
  token: string,
  setup: {
    supplier: CreateSupplierRequest;
    item: Omit<CreateItemRequest, 'supplierId'>;
    window: Pick<CreateWindowRequest, 'title' | 'mode' | 'paymentMode'>;
    hours: number;
    stock: number;
  },
): Promise<{ item: ItemView; win: WindowView }> {
  const supplier = await api<{ id: number }>('POST', '/staff/suppliers', token, setup.supplier);
  const item = await api<ItemView>('POST', '/staff/items', token, { ...setup.item, supplierId: supplier.id });
  const now = Date.now();
  const request: CreateWindowRequest = {
    ...setup.window,
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + setup.hours * HOUR_MS).toISOString(),
    deliveryDate: shanghaiDate(now + 24 * HOUR_MS),
    items: [{ itemId: item.id, stock: setup.stock }],
  };
  const win = await api<WindowView>('POST', '/staff/windows', token, request);
  return { item, win };
}

/** What a window set up by `openWindowViaApi` sells: its supplier, one item, the window. */
export type WindowSetup = Parameters<typeof openWindowViaApi>[1];

/**
 * The demo people of a delivery, logged in through the API, with 李志强 (the demo volunteer)
 * covering 王秀兰's (the demo resident's) building.
 */
export interface DeliveryScene {
  staff: string;
  resident: LoginResponse;
  household: NonNullable<MeResponse['household']>;
  volunteer: LoginResponse;
}

export async function deliveryScene(): Promise<DeliveryScene> {
  const staff = (await devLogin('staff')).token;
  const resident = await devLogin('resident');
  const me = await api<MeResponse>('GET', '/me', resident.token);
  if (!me.household) throw new Error('the demo resident has no household');
  const volunteer = await devLogin('volunteer');
  await api('PUT', `/staff/volunteers/${volunteer.me.user.id}`, staff, { buildingIds: [me.household.buildingId], capacity: 20 });
  return { staff, resident, household: me.household, volunteer };
}

/** The window's parcels, as staff list them (GET /api/staff/parcels?batch=window:<id>). */
export async function windowParcels(staff: string, windowId: number): Promise<ParcelView[]> {
  return (await api<Paged<ParcelView>>('GET', `/staff/parcels?batch=${encodeURIComponent(`window:${windowId}`)}&pageSize=200`, staff))
    .items;
}

/** A household's parcel among these. */
export function householdParcel(parcels: ParcelView[], householdId: number): ParcelView {
  const parcel = parcels.find((p) => p.householdId === householdId);
  if (!parcel) throw new Error(`no parcel for household ${householdId}: ${JSON.stringify(parcels)}`);
  return parcel;
}

/**
 * A window opened by staff, 王秀兰's order of one of its item (and, when asked, one staff place
 * for a neighbour's household), the window packed: her order, her (READY) parcel, all its parcels.
 */
export async function packedOrder(
  s: DeliveryScene,
  setup: WindowSetup,
  neighbourId?: number,
): Promise<{ item: ItemView; win: WindowView; order: OrderView; parcel: ParcelView; parcels: ParcelView[] }> {
  const { item, win } = await openWindowViaApi(s.staff, setup);
  const lines = [{ itemId: item.id, quantity: 1 }];
  const order = await api<OrderView>('POST', '/orders', s.resident.token, { windowId: win.id, lines });
  if (neighbourId !== undefined) await api('POST', '/staff/orders', s.staff, { householdId: neighbourId, windowId: win.id, lines });
  await api('POST', `/staff/windows/${win.id}/pack`, s.staff);
  const parcels = await windowParcels(s.staff, win.id);
  return { item, win, order, parcel: householdParcel(parcels, s.household.id), parcels };
}

/**
 * The whole delivery scene through the API: a window with 王秀兰's order, packed; 李志强 covers
 * her building and goes on duty; staff dispatch, and her parcel is his (ASSIGNED).
 */
export async function dispatchedParcelScene(
  setup: WindowSetup,
): Promise<DeliveryScene & { item: ItemView; win: WindowView; order: OrderView; parcel: ParcelView; parcels: ParcelView[] }> {
  const s = await deliveryScene();
  const { item, win, order } = await packedOrder(s, setup);
  await api('PUT', '/volunteer/duty', s.volunteer.token, { onDuty: true });
  const dispatch = await api<DispatchResult>('POST', '/staff/parcels/dispatch', s.staff);
  expect(dispatch.assigned).toBeGreaterThanOrEqual(1);
  const parcels = await windowParcels(s.staff, win.id);
  const parcel = householdParcel(parcels, s.household.id);
  expect(parcel.volunteerId).toBe(s.volunteer.me.user.id);
  return { ...s, item, win, order, parcel, parcels };
}
