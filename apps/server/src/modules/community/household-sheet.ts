import {
  HOUSEHOLD_SHEET_COLUMNS,
  HOUSEHOLD_TAG_LABELS,
  HOUSEHOLD_TAGS,
  PHONE_PATTERN,
  parseHouseholdTag,
  withPlaceSuffix,
  type HouseholdTag,
  type ImportRowError,
} from '@linli/shared-types';

/** One household as read from a sheet row, checked and normalised. */
export interface SheetHousehold {
  row: number;
  building: string;
  unit: string;
  room: string;
  headcount: number;
  contactName: string | null;
  contactPhone: string | null;
  tags: HouseholdTag[];
  zone: string | null;
}

type Column = (typeof HOUSEHOLD_SHEET_COLUMNS)[number];
const REQUIRED: Column[] = ['楼栋', '单元', '房号'];
const ROOM_PATTERN = /^[0-9A-Za-z-]{1,10}$/;

/** Text of an Excel cell value as exceljs gives it (string, number, rich text, formula…). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}

/**
 * Reads the rows of a household sheet (the first row holds the headers). Every problem is
 * reported with its Excel row number, in Chinese; a sheet with any error imports nothing.
 */
export function parseHouseholdSheet(rows: unknown[][]): { households: SheetHousehold[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const header = (rows[0] ?? []).map(cellText);
  const index = new Map<Column, number>();
  for (const column of HOUSEHOLD_SHEET_COLUMNS) {
    const at = header.indexOf(column);
    if (at >= 0) index.set(column, at);
  }
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return {
      households: [],
      errors: [{ row: 1, message: `表头缺少「${missing.join('」「')}」列。表头应为：${HOUSEHOLD_SHEET_COLUMNS.join('、')}` }],
    };
  }
  const households: SheetHousehold[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((cells, i) => {
    const rowNumber = i + 2;
    const get = (c: Column): string => {
      const at = index.get(c);
      return at === undefined ? '' : cellText(cells[at]);
    };
    if (HOUSEHOLD_SHEET_COLUMNS.every((c) => get(c) === '')) return;
    const rowErrors: ImportRowError[] = [];
    const fail = (column: Column, message: string): void => {
      rowErrors.push({ row: rowNumber, column, message });
    };
    const building = withPlaceSuffix(get('楼栋'), '栋');
    const unit = withPlaceSuffix(get('单元'), '单元');
    const room = get('房号');
    if (building === '') fail('楼栋', '请填写楼栋，例如 3栋');
    else if (building.length > 40) fail('楼栋', '楼栋名称太长');
    if (unit === '') fail('单元', '请填写单元，例如 1单元');
    else if (unit.length > 20) fail('单元', '单元名称太长');
    if (!ROOM_PATTERN.test(room)) fail('房号', room === '' ? '请填写房号，例如 1203' : `房号“${room}”不对，只能是数字或字母`);
    const headcountText = get('人数');
    const headcount = headcountText === '' ? 1 : Number(headcountText);
    if (!Number.isInteger(headcount) || headcount < 1 || headcount > 30) fail('人数', `人数“${headcountText}”不对，请填 1 到 30 的整数`);
    const contactName = get('联系人');
    if (contactName.length > 20) fail('联系人', '联系人姓名最多 20 个字');
    const contactPhone = get('联系电话').replace(/[\s-]/g, '');
    if (contactPhone !== '' && !PHONE_PATTERN.test(contactPhone)) fail('联系电话', `手机号“${get('联系电话')}”不对，请填 11 位手机号`);
    const tags: HouseholdTag[] = [];
    for (const word of get('标签')
      .split(/[、,，;；\s]+/)
      .filter(Boolean)) {
      const tag = parseHouseholdTag(word);
      if (tag) tags.push(tag);
      else fail('标签', `不认识的标签“${word}”，可用：${HOUSEHOLD_TAGS.map((t) => HOUSEHOLD_TAG_LABELS[t]).join('、')}`);
    }
    const zone = get('封控片区');
    if (zone.length > 40) fail('封控片区', '片区名称太长');
    const door = `${building}|${unit}|${room}`;
    const first = seen.get(door);
    if (rowErrors.length === 0 && first !== undefined) {
      fail('房号', `与第 ${first} 行是同一户（${building}${unit}${room}），请删去一行`);
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    seen.set(door, rowNumber);
    households.push({
      row: rowNumber,
      building,
      unit,
      room,
      headcount,
      contactName: contactName || null,
      contactPhone: contactPhone || null,
      tags: [...new Set(tags)].sort(),
      zone: zone || null,
    });
  });
  if (households.length === 0 && errors.length === 0) errors.push({ row: 2, message: '表格里没有住户数据' });
  return { households, errors };
}
