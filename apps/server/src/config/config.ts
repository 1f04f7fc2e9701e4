import { DEFAULT_QUOTE_MINUTES, TRANSPORT_REMINDER_TIME } from '@linli/shared-types';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSubscribeTemplates, SubscribeTemplatesError, type SubscribeTemplates } from './subscribe-templates';

/** Which database the server talks to: the embedded SQLite file, or MySQL/MariaDB. */
export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'mysql'; url: string };

export type NodeEnv = 'development' | 'test' | 'production';

export type LogFormat = 'pretty' | 'json';

/** Everything the server reads from the environment, parsed and checked once at boot. */
export interface AppConfig {
  env: NodeEnv;
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Connections in the MySQL pool. */
  dbPoolSize: number;
  jwtSecret: string;
  /** How long a login lasts. */
  jwtTtlSeconds: number;
  wechat: { appId: string | null; secret: string | null; apiBase: string };
  /**
   * The token of WeChat's message push (消息推送, plaintext mode) set in the mini-program's
   * console (WECHAT_PUSH_TOKEN); null: the push endpoint refuses everything.
   */
  wechatPushToken: string | null;
  /**
   * This server as the internet reaches it (PUBLIC_BASE_URL, https in production): WeChat's
   * media check fetches contest pictures from signed links under it. Null: pictures are not
   * machine-checked and entries wait for staff.
   */
  publicBaseUrl: string | null;
  /**
   * Subscribe-message templates per message kind (WECHAT_SUBSCRIBE_TEMPLATES or its _FILE); null
   * without them, or without WeChat credentials: then messages stay in the app's list only.
   */
  subscribeTemplates: SubscribeTemplates | null;
  /** Which version of the mini-program a subscribe message opens (WECHAT_SUBSCRIBE_STATE): formal, or trial/developer while testing. */
  subscribeState: 'formal' | 'trial' | 'developer';
  /** WeChat Pay API v3 merchant settings; null when the community takes no WeChat payments. */
  wechatPay: WechatPayConfig | null;
  /** DEMO=1 (what `npm start` sets): the dev login and the demo data. Never in production. */
  demo: boolean;
  /** The dev login exists only with DEMO=1 and without WeChat credentials. */
  devLogin: boolean;
  /** Seed the demo community on first start (SEED_DEMO, by default as DEMO). */
  seedDemo: boolean;
  /**
   * The living demo (DEMO_LIVE, by default as DEMO when the demo is seeded): on first start, a
   * community in the middle of a lockdown — open windows, orders and parcels in every state,
   * volunteers on duty, medicine requests — made through the real services, relative to now.
   */
  demoLive: boolean;
  /** Households in the demo seed: a few hundred to try it, 22,000 for the ordering benchmark. */
  seedHouseholds: number;
  /** The h5 build served at `/`; null serves the API only. */
  h5Dir: string | null;
  logLevel: string;
  /** Log lines: human-readable (pino-pretty) outside production, JSON in production (LOG_FORMAT). */
  logFormat: LogFormat;
  /** Login attempts per minute per client address. */
  loginRateLimit: number;
  /** How long an unpaid WeChat Pay order holds its stock. */
  paymentTimeoutMinutes: number;
  /**
   * How long the winners of a fair-share draw in a WeChat Pay window have to pay: they learn of
   * the win when told, not while watching the screen, so they get hours, not the minutes of a
   * first-come order. Units not paid for in time go to the second round.
   */
  fairSharePayHours: number;
  /** How often each instance looks for unpaid orders past their time (0 = never, tests run it by hand). */
  expirySweepSeconds: number;
  /** An assigned parcel not accepted within this many minutes goes back to the pool. */
  acceptTimeoutMinutes: number;
  /** "HH:mm" (Asia/Shanghai): the evening before a patient trip, its household and driver are reminded from this time on. */
  transportReminderTime: string;
  /** An accepted parcel not picked up within this many minutes: its volunteer is reminded once. */
  pickupRemindMinutes: number;
  /** …and within this many, it returns and is offered to the next volunteer (a miss). */
  pickupReturnMinutes: number;
  /** A medicine request not quoted in this time is escalated to staff: normal and chronic, and 今天要. */
  quoteMinutes: { normal: number; today: number };
  /** How long the answer to an Idempotency-Key is kept for a retry (24 hours at least). */
  idempotencyKeepHours: number;
  /** How long a one-time sign-in code from the operator's CLI works (time to hand it over). */
  signInCodeHours: number;
}

export interface WechatPayConfig {
  mchid: string;
  /** Serial number of the merchant API certificate. */
  serial: string;
  /** Merchant private key, PEM. */
  privateKey: string;
  /** The 32-character APIv3 key that encrypts notifications. */
  apiV3Key: string;
  /**
   * The keys WeChat Pay signs its notifications and answers with, each by the id it names in
   * `Wechatpay-Serial`: a WeChat Pay public key (PUB_KEY_ID_…) or a platform certificate (its
   * serial). Several while WeChat rotates them, or while a merchant migrates from certificates.
   */
  platformKeys: PlatformKey[];
  apiBase: string;
  /** Where WeChat Pay posts notifications: https://<host>/api/payments/wechat/notify */
  notifyUrl: string;
}

export interface PlatformKey {
  /** PUB_KEY_ID_… or the platform certificate's serial. */
  serial: string;
  /** PEM: a public key or an X.509 certificate. */
  publicKey: string;
}

export class ConfigError extends Error {}

/** A PEM given inline, or read from the file named by NAME_FILE. */
function pem(env: NodeJS.ProcessEnv, name: string): string | null {
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError(`${name}_FILE: cannot read ${file}`);
    }
  }
  return env[name] ? (env[name] as string).replace(/\\n/g, '\n') : null;
}

/**
 * WECHATPAY_PLATFORM_PUBLIC_KEY holds one or more PEMs (keys or certificates, one after the
 * other); WECHATPAY_PLATFORM_SERIAL their ids, comma-separated, in the same order.
 */
function loadPlatformKeys(pems: string, serials: string): PlatformKey[] {
  const blocks = pems.match(/-----BEGIN [A-Z0-9 ]+-----[\s\S]+?-----END [A-Z0-9 ]+-----/g) ?? [];
  const ids = serials
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (blocks.length === 0) throw new ConfigError('WECHATPAY_PLATFORM_PUBLIC_KEY holds no PEM key or certificate');
  if (blocks.length !== ids.length) {
    throw new ConfigError(
      `WECHATPAY_PLATFORM_PUBLIC_KEY holds ${blocks.length} key(s) but WECHATPAY_PLATFORM_SERIAL names ${ids.length}: one id per key, comma-separated, in the same order`,
    );
  }
  if (new Set(ids).size !== ids.length) throw new ConfigError('WECHATPAY_PLATFORM_SERIAL names a key twice');
  return blocks.map((publicKey, i) => {
    const serial = ids[i] as string;
    try {
      createPublicKey(publicKey);
    } catch {
      throw new ConfigError(`WECHATPAY_PLATFORM_PUBLIC_KEY: the key of ${serial} is not a public key or certificate`);
    }
    return { serial, publicKey };
  });
}

/** WeChat Pay posts notifications to an https URL without a query; over plain http only outside production. */
function checkNotifyUrl(value: string, production: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('WECHATPAY_NOTIFY_URL is not a URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !production)) {
    throw new ConfigError('WECHATPAY_NOTIFY_URL must be an https:// URL in production (payment notifications carry money)');
  }
  if (url.search !== '') throw new ConfigError('WECHATPAY_NOTIFY_URL must carry no query string (WeChat Pay refuses one)');
  return value;
}

function loadWechatPay(env: NodeJS.ProcessEnv, appId: string | null, production: boolean): WechatPayConfig | null {
  const mchid = env.WECHATPAY_MCHID || null;
  if (mchid === null) return null;
  const privateKey = pem(env, 'WECHATPAY_PRIVATE_KEY');
  const platformPublicKey = pem(env, 'WECHATPAY_PLATFORM_PUBLIC_KEY');
  const missing = [
    ['WECHATPAY_SERIAL', env.WECHATPAY_SERIAL],
    ['WECHATPAY_PRIVATE_KEY', privateKey],
    ['WECHATPAY_APIV3_KEY', env.WECHATPAY_APIV3_KEY],
    ['WECHATPAY_PLATFORM_PUBLIC_KEY', platformPublicKey],
    ['WECHATPAY_PLATFORM_SERIAL', env.WECHATPAY_PLATFORM_SERIAL],
    ['WECHATPAY_NOTIFY_URL', env.WECHATPAY_NOTIFY_URL],
  ]
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length > 0) throw new ConfigError(`WECHATPAY_MCHID is set, so these are needed too: ${missing.join(', ')}`);
  if (appId === null) throw new ConfigError('WeChat Pay needs WECHAT_APPID and WECHAT_SECRET');
  if ((env.WECHATPAY_APIV3_KEY ?? '').length !== 32) throw new ConfigError('WECHATPAY_APIV3_KEY must be 32 characters');
  return {
    mchid,
    serial: env.WECHATPAY_SERIAL as string,
    privateKey: privateKey as string,
    apiV3Key: env.WECHATPAY_APIV3_KEY as string,
    platformKeys: loadPlatformKeys(platformPublicKey as string, env.WECHATPAY_PLATFORM_SERIAL as string),
    apiBase: (env.WECHATPAY_API_BASE || 'https://api.mch.weixin.qq.com').replace(/\/+$/, ''),
    notifyUrl: checkNotifyUrl(env.WECHATPAY_NOTIFY_URL as string, production),
  };
}

/** Public (it is in this repository): a server using it must not be reachable from other machines. */
export const DEV_JWT_SECRET = 'linli-dev-secret-not-for-production';

/** 127.0.0.1 (and the rest of 127/8), ::1 and localhost reach no other machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** An on/off variable: 1/true/yes or 0/false/no (unset or empty: the fallback). */
function parseFlag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  const v = value.trim().toLowerCase();
  if (v === '1' || v === 'true' || v === 'yes') return true;
  if (v === '0' || v === 'false' || v === 'no') return false;
  throw new ConfigError(`${name} must be 1 or 0 (true or false), not "${value}"`);
}

/** The repository root: apps/server/{src,dist}/config → ../../../.. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

function parseEnv(value: string | undefined): NodeEnv {
  const v = value ?? 'development';
  if (v === 'development' || v === 'test' || v === 'production') return v;
  throw new ConfigError(`NODE_ENV must be development, test or production, not "${v}"`);
}

function parseInteger(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(`${name} must be a whole number, not "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, not ${n}`);
  return n;
}

/** A time of day "HH:mm" (00:00–23:59). */
function parseClockTime(name: string, value: string | undefined, fallback: string): string {
  if (value === undefined || value === '') return fallback;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw new ConfigError(`${name} must be a time like 19:00, not "${value}"`);
  return value;
}

/**
 * DATABASE_URL: unset → SQLite at ./data/linli.sqlite (relative to the repository);
 * `sqlite:<path>` → that SQLite file; `mysql://user:pass@host:port/db` → MySQL/MariaDB.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (url === undefined || url === '') return { type: 'sqlite', path: resolve(REPO_ROOT, 'data', 'linli.sqlite') };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new ConfigError('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/linli.sqlite');
    return { type: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) {
    let parsed: URL;
    try {
      parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
    } catch {
      throw new ConfigError('DATABASE_URL is not a valid mysql:// URL');
    }
    if (parsed.pathname.length <= 1) throw new ConfigError('DATABASE_URL must name a database: mysql://user@host:3306/linli');
    return { type: 'mysql', url: parsed.toString() };
  }
  throw new ConfigError('DATABASE_URL must start with mysql:// or sqlite:');
}

/** Reads and checks the configuration; throws ConfigError with a readable reason. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = parseEnv(env.NODE_ENV);
  const production = nodeEnv === 'production';
  const jwtSecret = env.JWT_SECRET ?? '';
  if (production && jwtSecret.length < 16) {
    throw new ConfigError('JWT_SECRET must be set (16 characters or more) in production');
  }
  const appId = env.WECHAT_APPID || null;
  const secret = env.WECHAT_SECRET || null;
  if ((appId === null) !== (secret === null)) throw new ConfigError('Set both WECHAT_APPID and WECHAT_SECRET, or neither');
  const apiBase = (env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(apiBase)) throw new ConfigError('WECHAT_API_BASE must be an http(s) URL');
  const h5 = env.H5_DIR ?? resolve(REPO_ROOT, 'apps', 'miniprogram', 'dist', 'h5');
  const demo = parseFlag('DEMO', env.DEMO, false);
  if (demo && production) {
    throw new ConfigError('DEMO=1 turns on the dev login (anyone signs in as anyone) and the demo data: not in production; unset DEMO');
  }
  // Without JWT_SECRET the server signs logins with the public dev secret: then it listens on
  // this machine only, unless told otherwise — and told otherwise, it refuses.
  const devSecret = jwtSecret === '' || jwtSecret === DEV_JWT_SECRET;
  const host = env.HOST || (devSecret ? '127.0.0.1' : '0.0.0.0');
  if (devSecret && !isLoopbackHost(host)) {
    throw new ConfigError(
      `HOST=${host} listens beyond this machine, but JWT_SECRET is not set: logins would be signed with the public dev secret, so anyone could forge one. Set JWT_SECRET (16 characters or more), or listen on HOST=127.0.0.1`,
    );
  }
  const seedDemo = parseFlag('SEED_DEMO', env.SEED_DEMO, demo);
  const demoLive = parseFlag('DEMO_LIVE', env.DEMO_LIVE, demo && seedDemo);
  if (demoLive && !seedDemo)
    throw new ConfigError('DEMO_LIVE=1 lives in the demo community: it needs the demo seed (DEMO=1, or SEED_DEMO=1)');
  const logFormat = env.LOG_FORMAT || (production ? 'json' : 'pretty');
  if (logFormat !== 'pretty' && logFormat !== 'json') throw new ConfigError(`LOG_FORMAT must be pretty or json, not "${logFormat}"`);
  return {
    env: nodeEnv,
    port: parseInteger('PORT', env.PORT, 3000, 0, 65535),
    host,
    database: parseDatabaseUrl(env.DATABASE_URL),
    dbPoolSize: parseInteger('DB_POOL_SIZE', env.DB_POOL_SIZE, 20, 1, 1000),
    jwtSecret: jwtSecret || DEV_JWT_SECRET,
    jwtTtlSeconds: parseInteger('JWT_TTL_SECONDS', env.JWT_TTL_SECONDS, 7 * 24 * 3600, 60, 90 * 24 * 3600),
    wechat: { appId, secret, apiBase },
    wechatPushToken: env.WECHAT_PUSH_TOKEN || null,
    publicBaseUrl: publicBaseUrl(env.PUBLIC_BASE_URL, production),
    subscribeTemplates: subscribeTemplates(env, appId),
    subscribeState: subscribeState(env.WECHAT_SUBSCRIBE_STATE),
    wechatPay: loadWechatPay(env, appId, production),
    demo,
    devLogin: demo && appId === null,
    seedDemo,
    demoLive,
    seedHouseholds: parseInteger('SEED_HOUSEHOLDS', env.SEED_HOUSEHOLDS, 288, 1, 200_000),
    h5Dir: h5 === '' ? null : resolve(h5),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    logFormat,
    loginRateLimit: parseInteger('LOGIN_RATE_LIMIT', env.LOGIN_RATE_LIMIT, 30, 1, 100000),
    paymentTimeoutMinutes: parseInteger('PAYMENT_TIMEOUT_MINUTES', env.PAYMENT_TIMEOUT_MINUTES, 15, 1, 24 * 60),
    fairSharePayHours: parseInteger('FAIR_SHARE_PAY_HOURS', env.FAIR_SHARE_PAY_HOURS, 2, 1, 72),
    expirySweepSeconds: parseInteger('EXPIRY_SWEEP_SECONDS', env.EXPIRY_SWEEP_SECONDS, 30, 0, 3600),
    acceptTimeoutMinutes: parseInteger('ACCEPT_TIMEOUT_MINUTES', env.ACCEPT_TIMEOUT_MINUTES, 20, 1, 24 * 60),
    transportReminderTime: parseClockTime('TRANSPORT_REMINDER_TIME', env.TRANSPORT_REMINDER_TIME, TRANSPORT_REMINDER_TIME),
    pickupRemindMinutes: parseInteger('PICKUP_REMIND_MINUTES', env.PICKUP_REMIND_MINUTES, 30, 1, 24 * 60),
    pickupReturnMinutes: parseInteger('PICKUP_RETURN_MINUTES', env.PICKUP_RETURN_MINUTES, 60, 1, 24 * 60),
    quoteMinutes: {
      normal: parseInteger('MEDICINE_QUOTE_MINUTES', env.MEDICINE_QUOTE_MINUTES, DEFAULT_QUOTE_MINUTES.normal, 1, 24 * 60),
      today: parseInteger('MEDICINE_QUOTE_MINUTES_TODAY', env.MEDICINE_QUOTE_MINUTES_TODAY, DEFAULT_QUOTE_MINUTES.today, 1, 24 * 60),
    },
    // A phone replays scans and commands queued offline: a day is the least a retry may come after.
    idempotencyKeepHours: parseInteger('IDEMPOTENCY_KEEP_HOURS', env.IDEMPOTENCY_KEEP_HOURS, 48, 24, 90 * 24),
    signInCodeHours: parseInteger('SIGN_IN_CODE_HOURS', env.SIGN_IN_CODE_HOURS, 72, 1, 30 * 24),
  };
}

function publicBaseUrl(value: string | undefined, production: boolean): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('PUBLIC_BASE_URL is not a URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !production)) {
    throw new ConfigError('PUBLIC_BASE_URL must be an https:// URL in production (WeChat fetches pictures only over https)');
  }
  return value.replace(/\/+$/, '');
}

function subscribeState(value: string | undefined): AppConfig['subscribeState'] {
  const v = value || 'formal';
  if (v === 'formal' || v === 'trial' || v === 'developer') return v;
  throw new ConfigError(`WECHAT_SUBSCRIBE_STATE must be formal, trial or developer, not "${v}"`);
}

function subscribeTemplates(env: NodeJS.ProcessEnv, appId: string | null): SubscribeTemplates | null {
  let templates: SubscribeTemplates | null;
  try {
    templates = loadSubscribeTemplates(env);
  } catch (error) {
    if (error instanceof SubscribeTemplatesError) throw new ConfigError(error.message);
    throw error;
  }
  if (templates !== null && appId === null) {
    throw new ConfigError('WECHAT_SUBSCRIBE_TEMPLATES needs WECHAT_APPID and WECHAT_SECRET (subscribe messages are sent with them)');
  }
  return templates;
}

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
