import type { BuildingView } from '@linli/shared-types';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { type Client, TestApp } from './support/test-app';

/** A JSON text nested `depth` levels deep: {"key":[[[…]]]}. */
function deepJson(key: string, depth: number): string {
  return `{"${key}":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/**
 * Issue 12: bad input gets a clear 4xx. Malformed, oversized, deeply nested or out-of-range input,
 * on any route, is refused with a stable code and a Chinese message, and changes nothing. The app
 * serves an h5 build at `/` here, as it does in production.
 */
describe('hostile input', () => {
  let t: TestApp;
  let staff: Client;
  let resident: Client;
  let h5Dir: string;
  let buildings: BuildingView[];

  beforeAll(async () => {
    h5Dir = mkdtempSync(join(tmpdir(), 'linli-h5-'));
    writeFileSync(
      join(h5Dir, 'index.html'),
      '<!doctype html><html><body><div id="app"></div><script src="/js/app.js"></script></body></html>',
    );
    t = await TestApp.boot({ H5_DIR: h5Dir });
    staff = await t.login('staff');
    [resident] = (await t.residents(1)) as [Client];
    buildings = (await staff.get('/api/community/buildings').expect(200)).body as BuildingView[];
  });
  afterAll(async () => {
    await t.close();
    rmSync(h5Dir, { recursive: true, force: true });
  });

  const rawJson = (path: string, text: string, by?: Client): request.Test => {
    const r = request(t.url).post(path).set('Content-Type', 'application/json');
    return (
      by ? r.set('Authorization', `Bearer ${by.token}`).set('Idempotency-Key', `hostile-${Math.random().toString(36).slice(2)}`) : r
    ).send(text);
  };

  describe('bodies that are not JSON objects (14)', () => {
    it('malformed JSON is 400 BODY_NOT_JSON, on a public route and on a staff command, and writes nothing', async () => {
      const login = await rawJson('/api/auth/dev', '{"user":').expect(400);
      expect(login.body).toEqual({ code: 'BODY_NOT_JSON', message: '提交的内容格式不对，请刷新页面后重试' });
      const before = await t.count('suppliers');
      const records = await t.count('idempotency_records');
      expect((await rawJson('/api/staff/suppliers', '{"name": "合家福', staff).expect(400)).body.code).toBe('BODY_NOT_JSON');
      expect(await t.count('suppliers')).toBe(before);
      expect(await t.count('idempotency_records')).toBe(records);
    });

    it('a null, string, number or array JSON root is 400 BODY_NOT_JSON', async () => {
      for (const root of ['null', '"staff"', '42', 'true', '[]', '[{"user":"staff"}]']) {
        const res = await rawJson('/api/auth/dev', root);
        expect([root, res.status, res.body.code]).toEqual([root, 400, 'BODY_NOT_JSON']);
      }
    });

    it('a JSON body over 100 kB is 413 BODY_TOO_LARGE', async () => {
      const res = await rawJson('/api/staff/suppliers', JSON.stringify({ name: '超市', contactName: 'x'.repeat(200_000) }), staff).expect(
        413,
      );
      expect(res.body).toEqual({ code: 'BODY_TOO_LARGE', message: '提交的内容太大了，请删减后再试' });
    });

    it('an unknown API route is still 404 NOT_FOUND, and a page of the app is still the app', async () => {
      expect((await request(t.url).get('/api/nothing-here').expect(404)).body.code).toBe('NOT_FOUND');
      expect((await request(t.url).get('/').expect(200)).text).toContain('<div id="app">');
    });
  });

  describe('bodies nested too deep (15)', () => {
    it('a body thousands of levels deep is 400 BODY_TOO_DEEP on the public login', async () => {
      const text = deepJson('user', 8000);
      expect(text.length).toBeGreaterThan(15_000);
      const res = await rawJson('/api/auth/dev', text).expect(400);
      expect(res.body).toEqual({ code: 'BODY_TOO_DEEP', message: '提交的内容层次太多，请刷新页面后重试' });
    });

    it('objects nested deep in a staff command are 400 BODY_TOO_DEEP and write nothing', async () => {
      const before = await t.count('suppliers');
      const text = `{"name":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`;
      expect((await rawJson('/api/staff/suppliers', text, staff).expect(400)).body.code).toBe('BODY_TOO_DEEP');
      expect(await t.count('suppliers')).toBe(before);
    });

    it('a form body nested deep is refused the same way', async () => {
      const res = await request(t.url)
        .post('/api/auth/dev')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(`user${'[a]'.repeat(20)}=staff`)
        .expect(400);
      expect(res.body.code).toBe('BODY_TOO_DEEP');
    });

    it('the deepest body a DTO needs still passes', async () => {
      await staff.post('/api/staff/suppliers', { name: '深度检查超市' }).expect(201);
    });
  });

});
