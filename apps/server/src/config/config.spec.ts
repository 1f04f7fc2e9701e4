import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig, parseDatabaseUrl } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite database, port 3000, this machine only, and no demo', () => {
    const c = loadConfig({});
    expect(c.database.type).toBe('sqlite');
    expect(c.database.type === 'sqlite' && c.database.path.endsWith('data/linli.sqlite')).toBe(true);
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.devLogin).toBe(false);
    expect(c.seedDemo).toBe(false);
    expect(c.demoLive).toBe(false);
  });

  it('turns the dev login, the demo seed and the living demo on with DEMO=1 (what npm start sets)', () => {
    const c = loadConfig({ DEMO: '1' });
    expect(c).toMatchObject({ demo: true, devLogin: true, seedDemo: true, demoLive: true, host: '127.0.0.1' });
    expect(loadConfig({ DEMO: '1', DEMO_LIVE: '0' })).toMatchObject({ devLogin: true, seedDemo: true, demoLive: false });
    expect(loadConfig({ DEMO: 'true', WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' }).devLogin).toBe(false);
    // The bare community without the dev login (the benchmark's second instance, a staging copy).
    expect(loadConfig({ SEED_DEMO: '1' })).toMatchObject({ devLogin: false, seedDemo: true, demoLive: false });
    expect(loadConfig({ DEMO: '1', SEED_DEMO: '0' })).toMatchObject({ devLogin: true, seedDemo: false, demoLive: false });
  });

  it('refuses the demo in production, a living demo without its seed, and a flag it cannot read', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(32), DEMO: '1' })).toThrow(/DEMO=1 .*not in production/);
    expect(() => loadConfig({ DEMO: '1', SEED_DEMO: '0', DEMO_LIVE: '1' })).toThrow(/DEMO_LIVE=1 .*needs the demo seed/);
    expect(() => loadConfig({ DEMO: 'please' })).toThrow(/DEMO must be 1 or 0/);
  });

  it('refuses to listen beyond this machine with the public dev secret', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'linli.example.org']) {
      expect(() => loadConfig({ DEMO: '1', HOST: host })).toThrow(
        new RegExp(`HOST=${host} listens beyond this machine, but JWT_SECRET is not set`),
      );
    }
    expect(() => loadConfig({ HOST: '0.0.0.0', JWT_SECRET: 'linli-dev-secret-not-for-production' })).toThrow(ConfigError);
    for (const host of ['127.0.0.1', '127.0.1.1', '::1', '[::1]', 'localhost'])
      expect(loadConfig({ DEMO: '1', HOST: host }).host).toBe(host);
    // With a secret of its own it listens on every interface by default, as a server behind a proxy does.
    expect(loadConfig({ JWT_SECRET: 'a-secret-of-our-own' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DEMO: '1', JWT_SECRET: 'a-secret-of-our-own', HOST: '0.0.0.0' }).devLogin).toBe(true);
  });

  it('logs human-readable lines outside production and JSON in production, unless told', () => {
    expect(loadConfig({}).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(32) }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });

  it('refuses to start in production without a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(ConfigError);
  });

  it('has no dev login in production, nor when WeChat credentials are set', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(32) }).devLogin).toBe(false);
    expect(loadConfig({ DEMO: '1', WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' }).devLogin).toBe(false);
  });

  it('wants both WeChat credentials or neither', () => {
    expect(() => loadConfig({ WECHAT_APPID: 'wx1' })).toThrow(/WECHAT_SECRET/);
  });

  it('rejects a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('keeps idempotent answers 48 hours unless told, and never less than a day', () => {
    expect(loadConfig({}).idempotencyKeepHours).toBe(48);
    expect(loadConfig({ IDEMPOTENCY_KEEP_HOURS: '24' }).idempotencyKeepHours).toBe(24);
    expect(() => loadConfig({ IDEMPOTENCY_KEEP_HOURS: '12' })).toThrow(/IDEMPOTENCY_KEEP_HOURS/);
  });

  it('gives fair-share winners two hours to pay unless told otherwise, and checks the setting', () => {
    expect(loadConfig({}).fairSharePayHours).toBe(2);
    expect(loadConfig({ FAIR_SHARE_PAY_HOURS: '6' }).fairSharePayHours).toBe(6);
    expect(() => loadConfig({ FAIR_SHARE_PAY_HOURS: '0' })).toThrow(/FAIR_SHARE_PAY_HOURS/);
    expect(() => loadConfig({ FAIR_SHARE_PAY_HOURS: '1.5' })).toThrow(/FAIR_SHARE_PAY_HOURS/);
  });

  it('reminds patient trips at 19:00 the evening before unless told, and checks the time', () => {
    expect(loadConfig({}).transportReminderTime).toBe('19:00');
    expect(loadConfig({ TRANSPORT_REMINDER_TIME: '18:30' }).transportReminderTime).toBe('18:30');
    expect(() => loadConfig({ TRANSPORT_REMINDER_TIME: '24:00' })).toThrow(/TRANSPORT_REMINDER_TIME/);
    expect(() => loadConfig({ TRANSPORT_REMINDER_TIME: '7pm' })).toThrow(/TRANSPORT_REMINDER_TIME/);
  });

  it('strips the trailing slash of the WeChat API base', () => {
    expect(loadConfig({ WECHAT_API_BASE: 'http://127.0.0.1:9999/' }).wechat.apiBase).toBe('http://127.0.0.1:9999');
  });
});

describe('parseDatabaseUrl', () => {
  it('reads mysql and mariadb URLs', () => {
    expect(parseDatabaseUrl('mysql://root@127.0.0.1:3306/test')).toEqual({ type: 'mysql', url: 'mysql://root@127.0.0.1:3306/test' });
    expect(parseDatabaseUrl('mariadb://root@127.0.0.1:3306/test').type).toBe('mysql');
  });

  it('reads a sqlite path', () => {
    expect(parseDatabaseUrl('sqlite:/tmp/x.sqlite')).toEqual({ type: 'sqlite', path: '/tmp/x.sqlite' });
    expect(parseDatabaseUrl('sqlite:///tmp/x.sqlite')).toEqual({ type: 'sqlite', path: '/tmp/x.sqlite' });
  });

  it('refuses a URL without a database or with another scheme', () => {
    expect(() => parseDatabaseUrl('mysql://root@127.0.0.1:3306')).toThrow(/database/);
    expect(() => parseDatabaseUrl('postgres://x/y')).toThrow(/mysql/);
  });
});

describe('WeChat Pay settings', () => {
  const base = { WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' };
  const publicPem = (): string =>
    generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const [keyA, keyB] = [publicPem(), publicPem()];
  const pay = {
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_SERIAL: 'SERIAL',
    WECHATPAY_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
    WECHATPAY_APIV3_KEY: 'k'.repeat(32),
    WECHATPAY_PLATFORM_PUBLIC_KEY: keyA,
    WECHATPAY_PLATFORM_SERIAL: 'PUB_KEY_ID_1',
    WECHATPAY_NOTIFY_URL: 'https://linli.example.org/api/payments/wechat/notify',
  };

  it('are off without a merchant id', () => {
    expect(loadConfig(base).wechatPay).toBeNull();
  });

  it('are read in full, with escaped newlines of a one-line PEM restored', () => {
    const c = loadConfig({ ...base, ...pay }).wechatPay;
    expect(c).toMatchObject({ mchid: '1900000109', apiBase: 'https://api.mch.weixin.qq.com' });
    expect(c?.privateKey).toBe('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----');
  });

  it('name what is missing, and need the mini-program credentials and a 32-character APIv3 key', () => {
    expect(() => loadConfig({ ...base, WECHATPAY_MCHID: '1' })).toThrow(/WECHATPAY_SERIAL.*WECHATPAY_NOTIFY_URL/);
    expect(() => loadConfig({ ...pay })).toThrow(/WECHAT_APPID/);
    expect(() => loadConfig({ ...base, ...pay, WECHATPAY_APIV3_KEY: 'short' })).toThrow(/32/);
  });

  it('take several platform keys (WeChat rotates them): the PEMs one after another, their ids comma-separated in that order', () => {
    const c = loadConfig({
      ...base,
      ...pay,
      WECHATPAY_PLATFORM_PUBLIC_KEY: keyA + keyB,
      WECHATPAY_PLATFORM_SERIAL: 'PUB_KEY_ID_1, CERT_SERIAL_2',
    });
    expect(c.wechatPay?.platformKeys).toEqual([
      { serial: 'PUB_KEY_ID_1', publicKey: keyA.trim() },
      { serial: 'CERT_SERIAL_2', publicKey: keyB.trim() },
    ]);
    expect(() => loadConfig({ ...base, ...pay, WECHATPAY_PLATFORM_PUBLIC_KEY: keyA + keyB })).toThrow(/2 key\(s\).*names 1/);
    expect(() => loadConfig({ ...base, ...pay, WECHATPAY_PLATFORM_PUBLIC_KEY: keyA + keyB, WECHATPAY_PLATFORM_SERIAL: 'A,A' })).toThrow(
      /twice/,
    );
    expect(() => loadConfig({ ...base, ...pay, WECHATPAY_PLATFORM_PUBLIC_KEY: 'pem' })).toThrow(/no PEM/);
    const broken = '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----';
    expect(() => loadConfig({ ...base, ...pay, WECHATPAY_PLATFORM_PUBLIC_KEY: broken })).toThrow(/PUB_KEY_ID_1 is not a public key/);
  });

  it('refuse a notify URL that is not https in production, or that carries a query', () => {
    const production = { ...base, ...pay, NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(32) };
    expect(loadConfig(production).wechatPay?.notifyUrl).toBe('https://linli.example.org/api/payments/wechat/notify');
    expect(() => loadConfig({ ...production, WECHATPAY_NOTIFY_URL: 'http://linli.example.org/api/payments/wechat/notify' })).toThrow(
      /WECHATPAY_NOTIFY_URL must be an https/,
    );
    expect(() => loadConfig({ ...production, WECHATPAY_NOTIFY_URL: 'linli.example.org/notify' })).toThrow(/not a URL/);
    expect(() => loadConfig({ ...production, WECHATPAY_NOTIFY_URL: 'https://linli.example.org/notify?x=1' })).toThrow(/query/);
    // Outside production a local http address is fine (tests, a developer's machine).
    expect(
      loadConfig({ ...base, ...pay, WECHATPAY_NOTIFY_URL: 'http://127.0.0.1:3000/api/payments/wechat/notify' }).wechatPay,
    ).not.toBeNull();
  });
});
