import { HOUSEHOLD_SHEET_COLUMNS, type BuildingView, type HouseholdView, type ImportResult, type Page } from '@linli/shared-types';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type Client, TestApp } from './support/test-app';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('住户');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

/** Binary bodies (xlsx) as a Buffer. */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Staff keep the household register: search, edit, import from and export to Excel. */
describe('households (staff)', () => {
  let t: TestApp;
  let staff: Client;
  let buildings: BuildingView[];

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    buildings = (await staff.get('/api/community/buildings').expect(200)).body as BuildingView[];
  });
  afterAll(async () => {
    await t.close();
  });

  const importFile = (file: Buffer, key: string = randomUUID()): request.Test =>
    request(t.url)
      .post('/api/staff/households/import')
      .set('Authorization', `Bearer ${staff.token}`)
      .set('Idempotency-Key', key)
      .attach('file', file, '住户.xlsx');

  it('lists the demo community by building, room and tag, a page at a time', async () => {
    const all = (await staff.get('/api/staff/households?pageSize=10').expect(200)).body as Page<HouseholdView>;
    expect(all.total).toBe(288);
    expect(all.items).toHaveLength(10);
    expect(all.items[0]?.address).toBe('滨湖和园 1栋1单元101');

    const b3 = buildings.find((b) => b.name === '3栋') as BuildingView;
    const inB3 = (await staff.get(`/api/staff/households?buildingId=${b3.id}&pageSize=200`).expect(200)).body as Page<HouseholdView>;
    expect(inB3.total).toBe(24);
    expect(inB3.items.every((h) => h.building === '3栋')).toBe(true);

    const room = (await staff.get(`/api/staff/households?buildingId=${b3.id}&room=502`).expect(200)).body as Page<HouseholdView>;
    expect(room.items.map((h) => `${h.unit}${h.room}`)).toEqual(['1单元502', '2单元502']);

    const alone = (await staff.get('/api/staff/households?tag=elderly-alone&pageSize=200').expect(200)).body as Page<HouseholdView>;
    expect(alone.total).toBeGreaterThan(0);
    expect(alone.items.every((h) => h.tags.includes('elderly-alone') && h.headcount === 1)).toBe(true);

    const bad = await staff.get('/api/staff/households?tag=rich').expect(400);
    expect(bad.body.details.fields.tag).toBe('没有这个标签');
  });

  it('searches by contact name or phone, with LIKE wildcards taken literally', async () => {
    const first = ((await staff.get('/api/staff/households?pageSize=1').expect(200)).body as Page<HouseholdView>).items[0] as HouseholdView;
    const byPhone = (await staff.get(`/api/staff/households?q=${first.contactPhone}`).expect(200)).body as Page<HouseholdView>;
    expect(byPhone.items.map((h) => h.id)).toContain(first.id);
    const wildcard = (await staff.get('/api/staff/households?q=%25').expect(200)).body as Page<HouseholdView>;
    expect(wildcard.total).toBe(0);
  });

  it('creates and edits a household; the same door twice is refused', async () => {
    const b1 = buildings[0] as BuildingView;
    const body = {
      buildingId: b1.id,
      unit: '1单元',
      room: '1801',
      headcount: 2,
      tags: ['empty-nest'],
      contactName: '吴玉兰',
      contactPhone: '13700001801',
    };
    const created = (await staff.post('/api/staff/households', body).expect(201)).body as HouseholdView;
    expect(created).toMatchObject({ address: '滨湖和园 1栋1单元1801', tags: ['empty-nest'], headcount: 2 });
    const dup = await staff.post('/api/staff/households', body).expect(409);
    expect(dup.body).toMatchObject({ code: 'HOUSEHOLD_EXISTS', message: '这户已经登记过了' });
    const edited = (
      await staff.patch(`/api/staff/households/${created.id}`, { ...body, headcount: 1, tags: ['elderly-alone', 'dialysis'] }).expect(200)
    ).body as HouseholdView;
    expect(edited).toMatchObject({ headcount: 1, tags: ['dialysis', 'elderly-alone'] });
    const badPhone = await staff.patch(`/api/staff/households/${created.id}`, { ...body, contactPhone: '123' }).expect(400);
    expect(badPhone.body.details.fields.contactPhone).toBe('请填写正确的 11 位手机号');
    const noBuilding = await staff.post('/api/staff/households', { ...body, buildingId: 99999 }).expect(404);
    expect(noBuilding.body.code).toBe('BUILDING_NOT_FOUND');
  });

  it('a volunteer or a resident cannot touch the register', async () => {
    const volunteer = await t.login('volunteer');
    await volunteer.get('/api/staff/households').expect(403);
    await volunteer.post('/api/staff/households', { buildingId: 1, unit: '1单元', room: '1', headcount: 1, tags: [] }).expect(403);
    const resident = await t.login('resident');
    const denied = await request(t.url)
      .post('/api/staff/households/import')
      .set('Authorization', `Bearer ${resident.token}`)
      .attach('file', await xlsx([[...HOUSEHOLD_SHEET_COLUMNS]]), 'x.xlsx')
      .expect(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    await resident.get('/api/staff/households/export').expect(403);
  });

  it('an import with a bad row reports each row in Chinese and writes no row at all', async () => {
    const before = await t.count('households');
    const buildingsBefore = await t.count('buildings');
    const file = await xlsx([
      [...HOUSEHOLD_SHEET_COLUMNS],
      ['21栋', '1单元', '101', 3, '钱建国', '13600002101', '', 'D区'],
      ['21栋', '1单元', '102', 2, '孙海燕', '1360000', '独居老人', 'D区'],
      ['21栋', '1单元', '101', 1, '', '', '', ''],
    ]);
    const res = await importFile(file).expect(422);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.message).toContain('没有导入任何数据');
    expect(res.body.details.errors).toEqual([
      { row: 3, column: '联系电话', message: '手机号“1360000”不对，请填 11 位手机号' },
      { row: 4, column: '房号', message: '与第 2 行是同一户（21栋1单元101），请删去一行' },
    ]);
    expect(await t.count('households')).toBe(before);
    expect(await t.count('buildings')).toBe(buildingsBefore);
  });

  it('imports new households and buildings; the same file again changes nothing', async () => {
    const file = await xlsx([
      [...HOUSEHOLD_SHEET_COLUMNS],
      ['22栋', '1单元', '101', 3, '钱建国', '13600002101', '', 'D区'],
      ['22栋', '2单元', '102', 1, '孙海燕', '13600002102', '独居老人、透析患者', 'D区'],
      ['1栋', '1单元', '101', 4, '王秀兰', '13955110101', '空巢老人', 'A区'],
    ]);
    const before = await t.count('households');
    const first = (await importFile(file).expect(201)).body as ImportResult;
    expect(first).toEqual({ created: 2, updated: 1, unchanged: 0 });
    expect(await t.count('households')).toBe(before + 2);
    const again = (await importFile(file).expect(201)).body as ImportResult;
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await t.count('households')).toBe(before + 2);

    const b22 = ((await staff.get('/api/community/buildings').expect(200)).body as BuildingView[]).find((b) => b.name === '22栋');
    expect(b22?.units).toEqual(['1单元', '2单元']);
    const list = (await staff.get(`/api/staff/households?buildingId=${b22?.id}`).expect(200)).body as Page<HouseholdView>;
    expect(list.items.map((h) => [h.room, h.tags])).toEqual([
      ['101', []],
      ['102', ['dialysis', 'elderly-alone']],
    ]);
  });

  it('a retried upload with the same key replays; the same key with another file is refused', async () => {
    const key = randomUUID();
    const one = await xlsx([[...HOUSEHOLD_SHEET_COLUMNS], ['23栋', '1单元', '101', 1, '', '', '', '']]);
    const two = await xlsx([[...HOUSEHOLD_SHEET_COLUMNS], ['23栋', '1单元', '102', 1, '', '', '', '']]);
    const first = (await importFile(one, key).expect(201)).body as ImportResult;
    expect(first).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const retry = await importFile(one, key).expect(201);
    expect(retry.body).toEqual(first);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await importFile(two, key).expect(422)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a file over 10 MB is refused before it is read', async () => {
    const res = await importFile(Buffer.alloc(10 * 1024 * 1024 + 1, 1)).expect(413);
    expect(res.body).toMatchObject({ code: 'FILE_TOO_LARGE', message: '文件太大，请上传 10MB 以内的文件' });
  });

  it('an unreadable file is a clear 400', async () => {
    const res = await importFile(Buffer.from('not a spreadsheet')).expect(400);
    expect(res.body).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', message: '无法读取这个文件，请上传 Excel（.xlsx）文件' });
  });

  it('exports the filtered list to Excel, which imports back unchanged', async () => {
    const b2 = buildings.find((b) => b.name === '2栋') as BuildingView;
    const res = await staff.get(`/api/staff/households/export?buildingId=${b2.id}`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(res.body as Buffer);
    expect(rows[0]).toEqual([...HOUSEHOLD_SHEET_COLUMNS]);
    expect(rows).toHaveLength(25);
    expect(rows.slice(1).every((r) => r[0] === '2栋')).toBe(true);
    const back = (await importFile(res.body as Buffer).expect(201)).body as ImportResult;
    expect(back).toEqual({ created: 0, updated: 0, unchanged: 24 });
  });
});
