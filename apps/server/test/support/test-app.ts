import type { DevUserKey, LoginResponse } from '@linli/shared-types';
import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { FakeClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/config';
import { RoleAssignment } from '../../src/modules/community/entities/role-assignment.entity';
import { User } from '../../src/modules/community/entities/user.entity';

export type TestDb = 'sqlite' | 'mysql';

/** Which database this jest project runs the e2e suite on (set by its setup file). */
export function testDb(): TestDb {
  const db = process.env.LINLI_TEST_DB ?? 'sqlite';
  if (db !== 'sqlite' && db !== 'mysql') throw new Error(`LINLI_TEST_DB must be sqlite or mysql, not ${db}`);
  return db;
}

export const MYSQL_TEST_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** A fresh, empty database of the kind under test: its URL and how to throw it away. */
async function freshDatabase(db: TestDb): Promise<{ url: string; drop: () => Promise<void> }> {
  if (db === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
    return { url: `sqlite:${join(dir, 'linli.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `linli_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  const base = new URL(MYSQL_TEST_URL);
  const admin = await createConnection({
    host: base.hostname,
    port: Number(base.port || 3306),
    user: decodeURIComponent(base.username),
    password: decodeURIComponent(base.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(MYSQL_TEST_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await createConnection({
        host: base.hostname,
        port: Number(base.port || 3306),
        user: decodeURIComponent(base.username),
        password: decodeURIComponent(base.password),
      });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** One booted app on a real database, spoken to over real HTTP. */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly clock: FakeClock,
    readonly db: DataSource,
    private readonly drop: () => Promise<void>,
  ) {}

  /**
   * Boots the real app (migrations, demo seed) on a fresh database of the project's kind. The
   * tests rely on the demo (its community, its users, the dev login), so DEMO=1 is set unless
   * the test asks for production (where DEMO is refused) or says otherwise; the living demo
   * (DEMO_LIVE) stays off unless a test asks for it: the suite counts on the bare seed.
   */
  static async boot(env: Record<string, string> = {}): Promise<TestApp> {
    const database = await freshDatabase(testDb());
    const config = loadConfig({
      ...(env.NODE_ENV === 'production' ? {} : { DEMO: '1', DEMO_LIVE: '0' }),
      NODE_ENV: 'test',
      JWT_SECRET: 'e2e-secret-e2e-secret',
      LOG_LEVEL: 'silent',
      H5_DIR: '',
      LOGIN_RATE_LIMIT: '1000',
      EXPIRY_SWEEP_SECONDS: '0',
      ...env,
      DATABASE_URL: database.url,
    });
    const clock = new FakeClock(new Date());
    const app = await createApp(config, { clock });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    return new TestApp(app, `http://127.0.0.1:${address.port}`, clock, app.get(DataSource), database.drop);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.drop();
  }

  /** An anonymous client. */
  get http(): request.Agent {
    return request(this.url) as unknown as request.Agent;
  }

  /** A client that sends this token. */
  as(token: string): Client {
    return new Client(this.url, token);
  }

  async login(user: DevUserKey): Promise<Client> {
    const res = await this.http.post('/api/auth/dev').send({ user }).expect(200);
    return this.as((res.body as LoginResponse).token);
  }

  async newResident(nickname = '新居民'): Promise<Client> {
    const res = await this.http.post('/api/auth/dev').send({ newResident: true, nickname }).expect(200);
    return this.as((res.body as LoginResponse).token);
  }

  /** A client logged in as this user (a token signed like the server's own). */
  async tokenFor(userId: number): Promise<Client> {
    return this.as(await this.app.get(JwtService).signAsync({ sub: userId }));
  }

  /**
   * Factory: `count` residents, each in a household of its own that has no member yet
   * (or all in `householdId` when given), logged in. Written straight to the database.
   */
  async residents(count: number, householdId?: number): Promise<Client[]> {
    const free = householdId
      ? Array.from({ length: count }, () => ({ id: householdId }))
      : ((await this.db.query(
          `SELECT h.id AS id FROM households h WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id LIMIT ${count}`,
        )) as { id: number }[]);
    if (free.length < count) throw new Error(`only ${free.length} free households`);
    const [community] = (await this.db.query('SELECT id FROM communities ORDER BY id LIMIT 1')) as { id: number }[];
    const clients: Client[] = [];
    for (const h of free) {
      const inserted = await this.db
        .getRepository(User)
        .save({ nickname: `居民${h.id}`, householdId: Number(h.id), openid: null, devKey: null, phone: null, createdAt: new Date() });
      await this.db.getRepository(RoleAssignment).insert({ userId: inserted.id, communityId: Number(community?.id), role: 'resident' });
      clients.push(await this.tokenFor(inserted.id));
    }
    return clients;
  }

  /** Rows of a table (to check that a refused command wrote nothing). */
  async count(table: string): Promise<number> {
    const rows = (await this.db.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number | string }[];
    return Number(rows[0]?.n ?? 0);
  }
}

/** Requests with a bearer token; mutating ones carry a fresh Idempotency-Key unless one is given. */
export class Client {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  get(path: string): request.Test {
    return request(this.url).get(path).set('Authorization', `Bearer ${this.token}`);
  }

  post(path: string, body?: object, key: string = randomUUID()): request.Test {
    const r = request(this.url).post(path).set('Authorization', `Bearer ${this.token}`).set('Idempotency-Key', key);
    return body === undefined ? r : r.send(body);
  }

  /** A multipart POST: one file in field `file`, and text fields. */
  upload(path: string, file: Buffer, filename: string, fields: Record<string, string> = {}, key: string = randomUUID()): request.Test {
    let r = request(this.url).post(path).set('Authorization', `Bearer ${this.token}`).set('Idempotency-Key', key);
    for (const [name, value] of Object.entries(fields)) r = r.field(name, value);
    return r.attach('file', file, filename);
  }

  put(path: string, body: object, key: string = randomUUID()): request.Test {
    return request(this.url).put(path).set('Authorization', `Bearer ${this.token}`).set('Idempotency-Key', key).send(body);
  }

  delete(path: string, key: string = randomUUID()): request.Test {
    return request(this.url).delete(path).set('Authorization', `Bearer ${this.token}`).set('Idempotency-Key', key);
  }

  patch(path: string, body: object, key: string = randomUUID()): request.Test {
    return request(this.url).patch(path).set('Authorization', `Bearer ${this.token}`).set('Idempotency-Key', key).send(body);
  }
}
