import type { DevUsersResponse, LoginResponse, MeResponse } from '@linli/shared-types';
import { FakeWechat } from './support/fake-wechat';
import { TestApp } from './support/test-app';

/**
 * Production mode: WeChat login through our real code2Session client against a local fake of
 * WeChat's server; no dev login; health and API docs.
 */
describe('login in production mode', () => {
  let t: TestApp;
  const wechat = new FakeWechat('wx-linli-test', 'app-secret');

  beforeAll(async () => {
    const base = await wechat.start();
    t = await TestApp.boot({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-long-production-secret-for-tests',
      WECHAT_APPID: wechat.appId,
      WECHAT_SECRET: wechat.secret,
      WECHAT_API_BASE: base,
      LOGIN_RATE_LIMIT: '20',
    });
  });
  afterAll(async () => {
    await t.close();
    await wechat.stop();
  });

  it('a WeChat code logs in; the same WeChat user gets the same account next time', async () => {
    const first = await t.http
      .post('/api/auth/wechat')
      .send({ code: wechat.issueCode('openid-aunt-wang') })
      .expect(200);
    const login = first.body as LoginResponse;
    expect(login.token).toEqual(expect.any(String));
    expect(login.me).toMatchObject({ roles: [], household: null });
    expect(JSON.stringify(login)).not.toContain('sk-openid');
    const me = (await t.as(login.token).get('/api/me').expect(200)).body as MeResponse;
    expect(me.user.id).toBe(login.me.user.id);

    const second = (
      await t.http
        .post('/api/auth/wechat')
        .send({ code: wechat.issueCode('openid-aunt-wang') })
        .expect(200)
    ).body as LoginResponse;
    expect(second.me.user.id).toBe(login.me.user.id);
  });

  it('a used, unknown or expired code is refused with a clear message', async () => {
    const code = wechat.issueCode('openid-li');
    await t.http.post('/api/auth/wechat').send({ code }).expect(200);
    const reused = await t.http.post('/api/auth/wechat').send({ code }).expect(401);
    expect(reused.body).toEqual({
      code: 'WECHAT_LOGIN_FAILED',
      message: '微信登录失败，请重新打开小程序再试',
      details: { errcode: 40163 },
    });
    const unknown = await t.http.post('/api/auth/wechat').send({ code: 'made-up' }).expect(401);
    expect(unknown.body.details).toEqual({ errcode: 40029 });
    const stale = wechat.issueCode('openid-zhao');
    wechat.skewMs = 6 * 60 * 1000;
    try {
      expect((await t.http.post('/api/auth/wechat').send({ code: stale }).expect(401)).body.details).toEqual({ errcode: 40029 });
    } finally {
      wechat.skewMs = 0;
    }
    const empty = await t.http.post('/api/auth/wechat').send({}).expect(400);
    expect(empty.body.details.fields.code).toBeDefined();
  });

  it('a user WeChat flags as high-risk cannot log in', async () => {
    wechat.flag('openid-bot');
    const res = await t.http
      .post('/api/auth/wechat')
      .send({ code: wechat.issueCode('openid-bot') })
      .expect(401);
    expect(res.body.details).toEqual({ errcode: 40226 });
  });

  it('WeChat being busy is a 503 asking to try later, not a login failure', async () => {
    wechat.busy = true;
    try {
      const res = await t.http
        .post('/api/auth/wechat')
        .send({ code: wechat.issueCode('openid-chen') })
        .expect(503);
      expect(res.body).toMatchObject({ code: 'WECHAT_UNAVAILABLE', message: '微信服务繁忙，请稍后再试' });
    } finally {
      wechat.busy = false;
    }
  });

  it('has no dev login and no demo data in production', async () => {
    const users = (await t.http.get('/api/auth/dev-users').expect(200)).body as DevUsersResponse;
    expect(users).toEqual({ enabled: false, users: [] });
    const res = await t.http.post('/api/auth/dev').send({ user: 'staff' }).expect(404);
    expect(res.body).toMatchObject({ code: 'DEV_LOGIN_DISABLED', message: '这台服务器没有开启演示登录，请用微信或登录码登录' });
    expect(await t.count('communities')).toBe(0);
  });

  it('reports health with a database check, and serves the API docs', async () => {
    const health = await t.http.get('/api/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    const docs = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths as object)).toEqual(
      expect.arrayContaining(['/api/me', '/api/bindings', '/api/staff/households/import']),
    );
  });

  it('an unknown API path is a 404 with a code', async () => {
    const res = await t.http.get('/api/nothing-here').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('rate-limits logins from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await t.http.post('/api/auth/wechat').send({ code: 'made-up' })).status);
    expect(statuses).toContain(429);
    const limited = await t.http.post('/api/auth/wechat').send({ code: 'made-up' }).expect(429);
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' });
  });
});
