import type { ErrorBody, LoginResponse, MeResponse } from '@linli/shared-types';
import { createHash } from 'node:crypto';
import { CommandTestFactory } from 'nest-commander-testing';
import { CliModule } from '../src/cli/cli.module';
import { CliOutput } from '../src/cli/cli-output';
import { loadConfig, type AppConfig } from '../src/config/config';
import { FakeWechat } from './support/fake-wechat';
import { TestApp } from './support/test-app';

/** Records what a command prints, in place of stdout and stderr. */
class RecordedOutput extends CliOutput {
  readonly out: string[] = [];
  readonly err: string[] = [];
  override print(text: string): void {
    this.out.push(text);
  }
  override fail(text: string): void {
    this.err.push(text);
  }
}

interface CliRun {
  out: string;
  err: string;
  exitCode: number;
  /** The sign-in code it printed (grouped), if any. */
  code: string | null;
}

/**
 * The operator's first run on an empty production database: no demo, no dev login. The CLI's
 * commands run in this process on the server's own configuration and database (each one its
 * own application context, as each `npm run linli` is), and what they print is checked, then
 * used over HTTP the way the person handed the code would.
 */
describe('operator CLI and sign-in codes (production, empty database)', () => {
  let t: TestApp;
  let config: AppConfig;
  const wechat = new FakeWechat('wx-linli-operator', 'app-secret');

  async function cli(...args: string[]): Promise<CliRun> {
    const output = new RecordedOutput();
    const command = await CommandTestFactory.createTestingCommand(
      { imports: [CliModule.forRoot(config, t.clock)] },
      {
        // A bug in a command (not a refusal) fails the test instead of being printed.
        serviceErrorHandler: (error) => {
          throw error;
        },
      },
    )
      .overrideProvider(CliOutput)
      .useValue(output)
      .setLogger(false as never)
      .compile();
    await CommandTestFactory.run(command, args);
    const out = output.out.join('\n');
    return {
      out,
      err: output.err.join('\n'),
      exitCode: output.err.length > 0 ? 1 : 0,
      code: /登录码：([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(out)?.[1] ?? null,
    };
  }

  const signIn = (code: string, wechatCode?: string) =>
    t.http.post('/api/auth/code').send(wechatCode === undefined ? { code } : { code, wechatCode });

  const counts = async () => ({
    communities: await t.count('communities'),
    users: await t.count('users'),
    roles: await t.count('role_assignments'),
    codes: await t.count('sign_in_codes'),
    audit: await t.count('audit_logs'),
  });

  beforeAll(async () => {
    const base = await wechat.start();
    t = await TestApp.boot({
      NODE_ENV: 'production',
      SEED_DEMO: '0',
      JWT_SECRET: 'a-long-production-secret-for-tests',
      WECHAT_APPID: wechat.appId,
      WECHAT_SECRET: wechat.secret,
      WECHAT_API_BASE: base,
    });
    const o = t.db.options;
    const url = o.type === 'mysql' ? (o.url as string) : `sqlite:${o.database as string}`;
    config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-long-production-secret-for-tests',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
    });
  });
  afterAll(async () => {
    await t.close();
    await wechat.stop();
  });

  it('starts empty: no community, no demo users, no dev login', async () => {
    expect(await t.count('communities')).toBe(0);
    expect(await t.count('users')).toBe(0);
    const res = await t.http.post('/api/auth/dev').send({ user: 'staff' }).expect(404);
    expect(res.body).toMatchObject({ code: 'DEV_LOGIN_DISABLED' });
    expect((await cli('community:list')).out).toContain('还没有社区');
  });

  it('community:create makes the community and its first staff, whose code signs in once', async () => {
    const run = await cli(
      'community:create',
      '--name',
      '滨湖和园',
      '--district',
      '包河区',
      '--address',
      '合肥市包河区紫云路 88 号',
      '--staff-name',
      '陈晓燕',
      '--staff-phone',
      '13800000001',
    );
    expect(run.exitCode).toBe(0);
    expect(run.out).toContain('已创建社区「滨湖和园」');
    expect(run.out).toContain('用登录码登录');
    expect(run.code).not.toBeNull();
    const code = run.code as string;

    // Stored as its SHA-256 only.
    const stored = (await t.db.query('SELECT code_hash AS h FROM sign_in_codes')) as { h: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.h).toBe(createHash('sha256').update(code.replace('-', '')).digest('hex'));
    expect(JSON.stringify(await t.db.query('SELECT * FROM sign_in_codes'))).not.toContain(code.replace('-', ''));

    const login = (await signIn(code).expect(200)).body as LoginResponse;
    expect(login.me).toMatchObject({
      user: { nickname: '陈晓燕', phone: '13800000001' },
      community: { name: '滨湖和园' },
      roles: ['staff'],
    });
    const staff = t.as(login.token);
    const me = (await staff.get('/api/me').expect(200)).body as MeResponse;
    expect(me).toMatchObject({ community: { name: '滨湖和园' }, roles: ['staff'] });
    // A staff route of that community answers.
    await staff.get('/api/staff/households').expect(200);

    const again = await signIn(code).expect(400);
    expect(again.body).toMatchObject({ code: 'SIGN_IN_CODE_INVALID', message: '登录码不对或已用过，请向社区工作人员要一个新的' });

    const audit = (await t.db.query(
      'SELECT action, actor_kind AS kind, actor_user_id AS userId, community_id AS communityId FROM audit_logs ORDER BY id',
    )) as { action: string; kind: string; userId: number | null; communityId: number }[];
    expect(audit.map((a) => [a.action, a.kind, a.userId])).toEqual([
      ['community.create', 'operator', null],
      ['staff.add', 'operator', null],
    ]);
    expect(Number(audit[0]?.communityId)).toBe(me.community?.id);
  });

  it('refuses a duplicate community and bad input, readably and without writing anything', async () => {
    const before = await counts();
    const dup = await cli('community:create', '--name', '滨湖和园', '--staff-name', '王五', '--staff-phone', '13800000009');
    expect(dup.exitCode).toBe(1);
    expect(dup.err).toContain('COMMUNITY_NAME_TAKEN');
    expect(dup.err).toContain('已经有同名的社区了');

    const noName = await cli('community:create', '--staff-name', '王五', '--staff-phone', '13800000009');
    expect(noName.exitCode).toBe(1);
    expect(noName.err).toContain('VALIDATION_FAILED');
    expect(noName.err).toContain('--name：请用 --name 给出社区名称');

    const badPhone = await cli('community:create', '--name', '西湖苑', '--staff-name', '王五', '--staff-phone', '1380000');
    expect(badPhone.exitCode).toBe(1);
    expect(badPhone.err).toContain('--staff-phone：请填写正确的 11 位手机号');
    expect(badPhone.code).toBeNull();

    const badAdd = await cli('staff:add', '--community', '没有这个社区', '--name', '王五', '--phone', '13800000009');
    expect(badAdd.err).toContain('COMMUNITY_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('staff:add makes a supervisor with a code of their own; the same phone twice is refused', async () => {
    const run = await cli('staff:add', '--community', '滨湖和园', '--name', '刘建国', '--phone', '13800000002', '--supervisor');
    expect(run.exitCode).toBe(0);
    const login = (await signIn(run.code as string).expect(200)).body as LoginResponse;
    expect(login.me.roles.sort()).toEqual(['staff', 'supervisor']);
    expect(login.me.community?.name).toBe('滨湖和园');

    const id = String(login.me.community?.id);
    const before = await counts();
    const twice = await cli('staff:add', '--community', id, '--name', '刘建国', '--phone', '13800000002');
    expect(twice.exitCode).toBe(1);
    expect(twice.err).toContain('STAFF_EXISTS');
    expect(await counts()).toEqual(before);
  });

  it('staff:reset gives a lost staff account a fresh code and voids the unused old one', async () => {
    const added = await cli('staff:add', '--community', '滨湖和园', '--name', '赵敏', '--phone', '13800000003');
    const reset = await cli('staff:reset', '--phone', '13800000003');
    expect(reset.exitCode).toBe(0);
    expect(reset.out).toContain('之前没用过的登录码已作废');
    expect(reset.code).not.toBe(added.code);

    const old = await signIn(added.code as string).expect(400);
    expect(old.body).toMatchObject({ code: 'SIGN_IN_CODE_INVALID' });
    const login = (await signIn(reset.code as string).expect(200)).body as LoginResponse;
    expect(login.me).toMatchObject({ user: { nickname: '赵敏' }, roles: ['staff'] });

    const unknown = await cli('staff:reset', '--phone', '13900000000');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.err).toContain('STAFF_NOT_FOUND');
    const audit = (await t.db.query("SELECT actor_kind AS kind FROM audit_logs WHERE action = 'staff.reset'")) as { kind: string }[];
    expect(audit).toEqual([{ kind: 'operator' }]);
  });

  it('community:list lists every community with its households and staff', async () => {
    await cli('community:create', '--name', '西湖苑', '--district', '蜀山区', '--staff-name', '孙丽', '--staff-phone', '13800000005');
    const list = await cli('community:list');
    expect(list.exitCode).toBe(0);
    const rows = list.out.split('\n').map((line) => line.split('\t'));
    expect(rows[0]).toEqual(['编号', '名称', '区', '住户', '工作人员']);
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual([
      ['滨湖和园', '包河区', '0', '3'],
      ['西湖苑', '蜀山区', '0', '1'],
    ]);
  });

  it('staff of one community added to another keep one account; staff:reset then asks which community', async () => {
    const first = (await t.db.query("SELECT id FROM users WHERE phone = '13800000001'")) as { id: number }[];
    const added = await cli('staff:add', '--community', '西湖苑', '--name', '陈晓燕', '--phone', '13800000001');
    expect(added.exitCode).toBe(0);
    expect(added.out).toContain(`账号编号 ${first[0]?.id}`);
    expect((await t.db.query("SELECT id FROM users WHERE phone = '13800000001'")) as unknown[]).toHaveLength(1);

    const before = await counts();
    const ambiguous = await cli('staff:reset', '--phone', '13800000001');
    expect(ambiguous.exitCode).toBe(1);
    expect(ambiguous.err).toContain('请用 --community 说明是哪个社区');
    expect(await counts()).toEqual(before);

    const reset = await cli('staff:reset', '--phone', '13800000001', '--community', '西湖苑');
    const login = (await signIn(reset.code as string).expect(200)).body as LoginResponse;
    expect(login.me).toMatchObject({ user: { id: Number(first[0]?.id) }, community: { name: '西湖苑' }, roles: ['staff'] });
    expect(login.me.communities.map((c) => c.name).sort()).toEqual(['滨湖和园', '西湖苑'].sort());
  });

  it('of two redemptions of one code at once, exactly one signs in', async () => {
    const run = await cli('staff:add', '--community', '西湖苑', '--name', '周强', '--phone', '13800000006');
    const answers = await Promise.all(Array.from({ length: 4 }, () => signIn(run.code as string)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400, 400]);
    for (const a of answers.filter((x) => x.status === 400)) expect((a.body as ErrorBody).code).toBe('SIGN_IN_CODE_INVALID');
  });

  it('a wrong, malformed or missing code is refused and uses nothing', async () => {
    const run = await cli('staff:add', '--community', '西湖苑', '--name', '吴芳', '--phone', '13800000007');
    const unused = async () =>
      Number(((await t.db.query('SELECT COUNT(*) AS n FROM sign_in_codes WHERE used_at IS NULL')) as { n: number }[])[0]?.n);
    const before = await unused();
    expect((await signIn('ABCDE-FGHJK').expect(400)).body).toMatchObject({ code: 'SIGN_IN_CODE_INVALID' });
    expect((await signIn('not a code').expect(400)).body).toMatchObject({ code: 'SIGN_IN_CODE_INVALID' });
    expect((await t.http.post('/api/auth/code').send({}).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await t.http.post('/api/auth/code').send({ code: 12345 }).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await unused()).toBe(before);
    // Typed in lower case with spaces, the right code still works.
    const typed = (run.code as string).toLowerCase().replace('-', ' ');
    await signIn(typed).expect(200);
  });

  it('in WeChat, the code gives its account that WeChat: plain WeChat login finds it next time', async () => {
    // The person first tried WeChat login: an empty account holds their WeChat.
    const shell = (
      await t.http
        .post('/api/auth/wechat')
        .send({ code: wechat.issueCode('openid-wu') })
        .expect(200)
    ).body as LoginResponse;
    expect(shell.me.roles).toEqual([]);

    const run = await cli('staff:add', '--community', '西湖苑', '--name', '郑伟', '--phone', '13800000008');
    const login = (await signIn(run.code as string, wechat.issueCode('openid-wu')).expect(200)).body as LoginResponse;
    expect(login.me).toMatchObject({ user: { nickname: '郑伟' }, roles: ['staff'] });

    const next = (
      await t.http
        .post('/api/auth/wechat')
        .send({ code: wechat.issueCode('openid-wu') })
        .expect(200)
    ).body as LoginResponse;
    expect(next.me.user.id).toBe(login.me.user.id);
    expect(next.me.roles).toEqual(['staff']);
  });

  it('refuses to take a WeChat from another account with roles, and leaves the code unused', async () => {
    const run = await cli('staff:add', '--community', '西湖苑', '--name', '钱进', '--phone', '13800000010');
    // openid-wu now belongs to 郑伟, a staff account.
    const refused = await signIn(run.code as string, wechat.issueCode('openid-wu')).expect(409);
    expect(refused.body).toMatchObject({ code: 'WECHAT_BOUND_ELSEWHERE' });
    const login = (await signIn(run.code as string).expect(200)).body as LoginResponse;
    expect(login.me.user.nickname).toBe('钱进');
  });

  it('a code expires after SIGN_IN_CODE_HOURS (72 by default)', async () => {
    const run = await cli('staff:reset', '--phone', '13800000010');
    t.clock.advance(73 * 3600_000);
    try {
      const res = await signIn(run.code as string).expect(400);
      expect(res.body).toMatchObject({ code: 'SIGN_IN_CODE_EXPIRED', message: '登录码已过期，请向社区工作人员要一个新的' });
    } finally {
      t.clock.advance(-73 * 3600_000);
    }
  });
});
