import {
  HOUSEHOLD_SHEET_COLUMNS,
  type BuildingView,
  type FileView,
  type MeResponse,
  type Page,
  type ParcelView,
  type SupplierView,
} from '@linli/shared-types';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import request from 'supertest';
import { IdempotencySweep } from '../src/common/idempotency/idempotency-sweep';
import { Parcel } from '../src/modules/parcels/entities/parcel.entity';
import { LABELS_PER_PAGE } from '../src/modules/parcels/labels';
import { type Client, TestApp } from './support/test-app';

const MB = 1024 * 1024;

function png(): Buffer {
  const image = new PNG({ width: 4, height: 4 });
  image.data.fill(200);
  return PNG.sync.write(image);
}

/** An inline script like the one Taro's h5 index.html carries (it sizes the root font). */
const SIZING_SCRIPT = 'document.documentElement.style.fontSize = "20px";';

/** A JSON text nested `depth` levels deep: {"key":[[[…]]]}. */
function deepJson(key: string, depth: number): string {
  return `{"${key}":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** What the server said to a request whose body was still on its way, and whether it then hung up. */
interface StalledAnswer {
  status: number;
  body: { code?: string; message?: string };
  /** The server closed the connection instead of reading the rest of the body. */
  hungUp: boolean;
}

const BOUNDARY = 'linli-hostile-boundary';

/** The start of a multipart body: `bytes` bytes of a file in field `file`, its end not sent. */
function fileStart(bytes: number): Buffer {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), Buffer.alloc(bytes, 7)]);
}

/** Whole text fields f0, f1 … of `size` bytes each. */
function fieldParts(count: number, size: number): Buffer {
  const parts = Array.from(
    { length: count },
    (_, i) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n${'x'.repeat(size)}\r\n`,
  );
  return Buffer.from(parts.join(''));
}

/**
 * Starts a multipart upload that announces `announced` bytes, sends `first` and then waits: the
 * server has to answer without the rest (or the test fails after 5 s).
 */
function stalledUpload(
  url: string,
  path: string,
  headers: Record<string, string>,
  announced: number,
  first = fileStart(64 * 1024),
): Promise<StalledAnswer> {
  return new Promise<StalledAnswer>((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Content-Length': String(announced) },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within 5 s while the upload was still being sent (${path})`));
    }, 5000);
    req.on('error', () => undefined); // the server may hang up on the rest of the body: that is the point
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as StalledAnswer['body'];
        // A server that hangs up closes the socket right after the answer; one that waits for the rest does not.
        const socket = req.socket;
        const wait = setTimeout(() => finish(false), 2000);
        const finish = (hungUp: boolean): void => {
          clearTimeout(wait);
          clearTimeout(timer);
          req.destroy();
          resolve({ status, body, hungUp });
        };
        if (!socket || socket.destroyed) finish(true);
        else socket.once('close', () => finish(true));
      });
    });
    req.write(first);
  });
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
      `<!doctype html><html><head><script>${SIZING_SCRIPT}</script></head><body><div id="app"></div><script src="/js/app.js"></script></body></html>`,
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

    it('a photo over 5 MB is 413 PHOTO_TOO_LARGE and stores nothing', async () => {
      const before = await t.count('files');
      const res = await resident.upload('/api/files', Buffer.alloc(5 * MB + 1, 1), 'big.png', { purpose: 'prescription' }).expect(413);
      expect(res.body).toEqual({ code: 'PHOTO_TOO_LARGE', message: '照片太大，请上传 5MB 以内的照片' });
      expect(await t.count('files')).toBe(before);
    });

    it('an import over 10 MB is 413 FILE_TOO_LARGE and imports nothing', async () => {
      const before = await t.count('households');
      const res = await staff.upload('/api/staff/households/import', Buffer.alloc(10 * MB + 1, 1), '住户.xlsx').expect(413);
      expect(res.body).toEqual({ code: 'FILE_TOO_LARGE', message: '文件太大，请上传 10MB 以内的文件' });
      expect(await t.count('households')).toBe(before);
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

  describe('nested DTOs are objects of their class (16)', () => {
    const item = { name: '布洛芬缓释胶囊', spec: '0.3g×20粒', quantity: 1, brand: 'any', prescription: false };

    it('an array, null or a string inside the items of a medicine request is 400 and stores nothing', async () => {
      const before = await t.count('medicine_requests');
      for (const items of [[[item]], [null], ['布洛芬'], [item, [item]]]) {
        const res = await resident.post('/api/medicine-requests', { items, urgency: 'normal' });
        expect([JSON.stringify(items), res.status, res.body.code]).toEqual([JSON.stringify(items), 400, 'VALIDATION_FAILED']);
      }
      expect(await t.count('medicine_requests')).toBe(before);
      expect(await t.count('medicine_items')).toBe(0);
    });

    it('an array inside the contents of an item is 400, not an empty line', async () => {
      const supplier = (await staff.post('/api/staff/suppliers', { name: '嵌套检查超市' }).expect(201)).body as SupplierView;
      const before = await t.count('items');
      for (const contents of [[[{ name: '大米', quantity: '10斤' }]], [null], [7]]) {
        const res = await staff.post('/api/staff/items', {
          kind: 'package',
          name: '米面油套餐',
          contents,
          priceFen: 8800,
          limitPerHousehold: 1,
          supplierId: supplier.id,
        });
        expect([JSON.stringify(contents), res.status, res.body.code]).toEqual([JSON.stringify(contents), 400, 'VALIDATION_FAILED']);
      }
      expect(await t.count('items')).toBe(before);
    });

    it('the lines of an order and of a fair-share registration, and the items of a quote, must be objects too', async () => {
      const order = await resident.post('/api/orders', { windowId: 1, lines: [[{ itemId: 1, quantity: 1 }]] }).expect(400);
      expect(order.body.code).toBe('VALIDATION_FAILED');
      const register = await resident.put('/api/windows/1/registration', { lines: [[{ itemId: 1, quantity: 1 }]] });
      expect([register.status, register.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const pharmacist = await t.login('pharmacist');
      const quote = await pharmacist.post('/api/pharmacy/requests/1/quote', {
        items: [[{ itemId: 1, status: 'in_stock', unitPriceFen: 100 }]],
      });
      expect([quote.status, quote.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('numbers in range, ids that exist (17)', () => {
    async function item(): Promise<number> {
      const supplier = (await staff.post('/api/staff/suppliers', { name: '范围检查超市' }).expect(201)).body as SupplierView;
      const created = await staff
        .post('/api/staff/items', {
          kind: 'essential',
          name: '鸡蛋',
          contents: [],
          priceFen: 1500,
          limitPerHousehold: 2,
          supplierId: supplier.id,
        })
        .expect(201);
      return (created.body as { id: number }).id;
    }

    function windowBody(itemId: number, extra: Record<string, unknown>): Record<string, unknown> {
      const now = t.clock.now().getTime();
      return {
        title: '范围检查',
        mode: 'fcfs',
        paymentMode: 'cod',
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 3_600_000).toISOString(),
        deliveryDate: new Date(now + 86_400_000).toISOString().slice(0, 10),
        items: [{ itemId, stock: 10 }],
        ...extra,
      };
    }

    it('caps, prices and ids beyond a 32-bit integer are 400 with the field named, and open no window', async () => {
      const itemId = await item();
      const before = await t.count('windows');
      for (const [field, extra] of [
        ['maxOrders', { maxOrders: 2147483648 }],
        ['maxOrdersPerBuilding', { maxOrdersPerBuilding: 2147483648 }],
        ['items.0.priceFen', { items: [{ itemId, stock: 10, priceFen: 2147483648 }] }],
        ['items.0.itemId', { items: [{ itemId: 2147483648, stock: 10 }] }],
        ['buildingIds', { buildingIds: [-1e308] }],
        ['buildingIds', { buildingIds: [0] }],
      ] as const) {
        const res = await staff.post('/api/staff/windows', windowBody(itemId, extra));
        expect([field, res.status, res.body.code]).toEqual([field, 400, 'VALIDATION_FAILED']);
        expect(Object.keys((res.body.details as { fields: Record<string, string> }).fields)).toContain(field);
      }
      expect(await t.count('windows')).toBe(before);
    });

    it('a window for a building that is not in the community is 404 BUILDING_NOT_FOUND', async () => {
      const itemId = await item();
      const before = await t.count('windows');
      const res = await staff.post('/api/staff/windows', windowBody(itemId, { buildingIds: [buildings[0]?.id, 987654] })).expect(404);
      expect(res.body).toMatchObject({ code: 'BUILDING_NOT_FOUND', message: '没有这个楼栋' });
      expect(await t.count('windows')).toBe(before);
      await staff.post('/api/staff/windows', windowBody(itemId, { buildingIds: [buildings[0]?.id] })).expect(201);
    });

    describe('a volunteer’s coverage', () => {
      let volunteerId: number;
      const profile = async (): Promise<{ buildings: string; capacity: number; leader: unknown }> =>
        (
          (await t.db.query('SELECT buildings, capacity, leader FROM volunteer_profiles WHERE user_id = ?', [volunteerId])) as {
            buildings: string;
            capacity: number;
            leader: unknown;
          }[]
        )[0] ?? { buildings: '', capacity: 0, leader: null };

      beforeAll(async () => {
        const volunteer = await t.login('volunteer');
        volunteerId = ((await volunteer.get('/api/me').expect(200)).body as MeResponse).user.id;
        await staff.put(`/api/staff/volunteers/${volunteerId}`, { buildingIds: [buildings[1]?.id], capacity: 12 }).expect(200);
      });

      it('refuses a building id out of range, a capacity out of range and a null leader with 400, changing nothing', async () => {
        const kept = await profile();
        for (const body of [
          { buildingIds: [-1e308], capacity: 10 },
          { buildingIds: [2147483648], capacity: 10 },
          { buildingIds: [buildings[0]?.id], capacity: 1e308 },
          { buildingIds: [buildings[0]?.id], capacity: 10, leader: null },
          { buildingIds: [[buildings[0]?.id]], capacity: 10 },
        ]) {
          const res = await staff.put(`/api/staff/volunteers/${volunteerId}`, body);
          expect([JSON.stringify(body), res.status, res.body.code]).toEqual([JSON.stringify(body), 400, 'VALIDATION_FAILED']);
        }
        expect(await profile()).toEqual(kept);
      });

      it('refuses a building not in the community with 404 BUILDING_NOT_FOUND, changing nothing', async () => {
        const kept = await profile();
        const res = await staff
          .put(`/api/staff/volunteers/${volunteerId}`, { buildingIds: [buildings[0]?.id, 987654], capacity: 10 })
          .expect(404);
        expect(res.body.code).toBe('BUILDING_NOT_FOUND');
        expect(await profile()).toEqual(kept);
      });
    });

    it('a household’s building that does not exist is 404, an absurd one 400', async () => {
      const body = { unit: '1单元', room: '909', headcount: 1, tags: [] };
      expect((await staff.post('/api/staff/households', { ...body, buildingId: 987654 }).expect(404)).body.code).toBe('BUILDING_NOT_FOUND');
      expect((await staff.post('/api/staff/households', { ...body, buildingId: 1e308 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('uploads ask for the token before they read the body (20)', () => {
    it('an unauthenticated 200 MB photo upload is 401 while it is still being sent, and the server hangs up', async () => {
      const before = await t.count('files');
      const answer = await stalledUpload(t.url, '/api/files', {}, 200 * MB);
      expect(answer).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' }, hungUp: true });
      expect(await t.count('files')).toBe(before);
    });

    it('an unauthenticated import is 401 before its body is read; a resident’s is 403', async () => {
      const anonymous = await stalledUpload(t.url, '/api/staff/households/import', {}, 200 * MB);
      expect(anonymous).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' }, hungUp: true });
      const notStaff = await stalledUpload(t.url, '/api/staff/households/import', { Authorization: `Bearer ${resident.token}` }, 200 * MB);
      expect(notStaff).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' }, hungUp: true });
    });

    it('a photo too large is refused as soon as it passes 5 MB, not after the whole body', async () => {
      const auth = { Authorization: `Bearer ${resident.token}`, 'Idempotency-Key': 'hostile-stalled-photo' };
      const answer = await stalledUpload(t.url, '/api/files', auth, 200 * MB, fileStart(6 * MB));
      expect(answer).toMatchObject({ status: 413, body: { code: 'PHOTO_TOO_LARGE' }, hungUp: true });
    });

    it('a form of 40 fields of 1 MB each is 413 FORM_TOO_LARGE at its first field, and stores nothing', async () => {
      const before = await t.count('files');
      const auth = { Authorization: `Bearer ${resident.token}`, 'Idempotency-Key': 'hostile-forty-fields' };
      const answer = await stalledUpload(t.url, '/api/files', auth, 41 * MB, fieldParts(3, 1_000_000));
      expect(answer).toMatchObject({
        status: 413,
        body: { code: 'FORM_TOO_LARGE', message: '上传的表单内容太多，请只选一张照片或一个文件后重试' },
        hungUp: true,
      });
      expect(await t.count('files')).toBe(before);
    });

    it('a form of many short fields, or of two files, is refused too', async () => {
      let many = resident.upload('/api/files', png(), 'a.png', { purpose: 'prescription' });
      for (let i = 0; i < 40; i++) many = many.field(`f${i}`, 'x');
      expect((await many.expect(413)).body.code).toBe('FORM_TOO_LARGE');
      const two = resident.upload('/api/files', png(), 'a.png', { purpose: 'prescription' }).attach('file', png(), 'b.png');
      expect((await two.expect(413)).body.code).toBe('FORM_TOO_LARGE');
    });

    it('an upload within the limits still works', async () => {
      await resident.upload('/api/files', png(), 'ok.png', { purpose: 'prescription' }).expect(201);
      const sheet = new ExcelJS.Workbook();
      sheet.addWorksheet('住户').addRow([...HOUSEHOLD_SHEET_COLUMNS]);
      const res = await staff.upload('/api/staff/households/import', Buffer.from(await sheet.xlsx.writeBuffer()), '住户.xlsx');
      expect([201, 422]).toContain(res.status);
    });
  });

  describe('what accumulates or is cut off (23)', () => {
    it('answers carry no X-Powered-By, and nosniff, on the API, errors, photos and the app', async () => {
      const photo = (await resident.upload('/api/files', png(), 'nosniff.png', { purpose: 'prescription' }).expect(201)).body as FileView;
      const link = new URL(photo.url, t.url);
      const answers: [string, request.Response][] = [
        ['api', await request(t.url).get('/api/health')],
        ['error', await rawJson('/api/auth/dev', '{')],
        ['photo', await resident.get(`/api/files/${photo.id}`).expect(200)],
        ['photo link', await request(t.url).get(`${link.pathname}${link.search}`).expect(200)],
        ['app', await request(t.url).get('/').expect(200)],
      ];
      for (const [what, res] of answers) {
        expect([what, res.headers['x-powered-by']]).toEqual([what, undefined]);
        expect([what, res.headers['x-content-type-options']]).toEqual([what, 'nosniff']);
        expect([what, res.headers['x-frame-options']]).toEqual([what, 'SAMEORIGIN']);
      }
      expect(answers[3]?.[1].headers['content-type']).toBe('image/png');
    });

    it('the app is served under a Content-Security-Policy that allows what the h5 build needs and no inline script but its own', async () => {
      const csp = String((await request(t.url).get('/').expect(200)).headers['content-security-policy']);
      const directives = new Map(csp.split(';').map((d) => [d.trim().split(' ')[0], d.trim().split(' ').slice(1)] as const));
      const sizing = `'sha256-${createHash('sha256').update(SIZING_SCRIPT).digest('base64')}'`;
      expect(directives.get('script-src')).toEqual(["'self'", sizing]);
      expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
      expect(directives.get('connect-src')).toEqual(["'self'", 'blob:']);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.has('upgrade-insecure-requests')).toBe(false);
    });

    describe('a community with more than 5,000 parcels', () => {
      let open: number;

      beforeAll(async () => {
        const households = (await t.db.query('SELECT id, building_id FROM households ORDER BY id')) as {
          id: number;
          building_id: number;
        }[];
        const [community] = (await t.db.query('SELECT id FROM communities ORDER BY id LIMIT 1')) as { id: number }[];
        const now = t.clock.now();
        const rows = Array.from({ length: 5013 }, (_, i) => {
          const h = households[i % households.length] as { id: number; building_id: number };
          return {
            communityId: Number(community?.id),
            batch: `bulk:${Math.floor(i / households.length)}`,
            householdId: Number(h.id),
            buildingId: Number(h.building_id),
            deliveryDate: '2022-04-25',
            contents: '米面油套餐 ×1',
            // Straight to the table, as a factory: the nullable columns are left out.
            state: i < 3 ? ('DELIVERED' as const) : ('READY' as const),
            createdAt: now,
            updatedAt: now,
          };
        });
        for (let i = 0; i < rows.length; i += 500) await t.db.getRepository(Parcel).insert(rows.slice(i, i + 500));
        open = Number(
          ((await t.db.query("SELECT COUNT(*) AS n FROM parcels WHERE state NOT IN ('DELIVERED', 'RETURNED')")) as { n: number }[])[0]?.n,
        );
        expect(open).toBeGreaterThan(5000);
      });

      it('the staff parcel list comes a page at a time, with the total, to the last parcel', async () => {
        const total = await t.count('parcels');
        const first = (await staff.get('/api/staff/parcels?pageSize=200').expect(200)).body as Page<ParcelView>;
        expect(first).toMatchObject({ total, page: 1, pageSize: 200 });
        expect(first.items).toHaveLength(200);
        const lastPage = Math.ceil(total / 200);
        const last = (await staff.get(`/api/staff/parcels?pageSize=200&page=${lastPage}`).expect(200)).body as Page<ParcelView>;
        expect(last.items).toHaveLength(total - (lastPage - 1) * 200);
        expect(new Set([...first.items, ...last.items].map((p) => p.id)).size).toBe(first.items.length + last.items.length);
        const byDefault = (await staff.get('/api/staff/parcels?batch=bulk:1').expect(200)).body as Page<ParcelView>;
        expect(byDefault).toMatchObject({ total: 288, page: 1, pageSize: 50 });
        for (const query of ['pageSize=201', 'pageSize=0', 'page=0', 'page=1e308']) {
          expect((await staff.get(`/api/staff/parcels?${query}`).expect(400)).body.code).toBe('VALIDATION_FAILED');
        }
      });

      it('labels are printed for every parcel not yet delivered, not the first 5,000', async () => {
        const res = await staff
          .get('/api/staff/parcels/labels.pdf')
          .buffer(true)
          .parse((r, done) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        // Sent with its length: the app's progress bar shows the percentage from it.
        expect(Number(res.headers['content-length'])).toBe((res.body as Buffer).length);
        const pages = (res.body as Buffer).toString('latin1').match(/\/Type \/Page\b/g)?.length;
        expect(pages).toBe(Math.ceil(open / LABELS_PER_PAGE));
      });
    });

    it('idempotent answers are kept 48 hours, then swept; a younger one stays', async () => {
      const records = async (key: string): Promise<number> =>
        Number(((await t.db.query('SELECT COUNT(*) AS n FROM idempotency_records WHERE idem_key = ?', [key])) as { n: number }[])[0]?.n);
      await staff.post('/api/staff/suppliers', { name: '旧请求超市' }, 'sweep-old-key-1').expect(201);
      t.clock.advance(47 * 3600 * 1000);
      await staff.post('/api/staff/suppliers', { name: '新请求超市' }, 'sweep-new-key-1').expect(201);
      const sweep = t.app.get(IdempotencySweep);
      await sweep.runOnce();
      expect(await records('sweep-old-key-1')).toBe(1);
      t.clock.advance(2 * 3600 * 1000);
      expect(await sweep.runOnce()).toBeGreaterThanOrEqual(1);
      expect(await records('sweep-old-key-1')).toBe(0);
      expect(await records('sweep-new-key-1')).toBe(1);
    });
  });
});
