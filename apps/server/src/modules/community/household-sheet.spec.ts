import { HOUSEHOLD_SHEET_COLUMNS } from '@linli/shared-types';
import { cellText, parseHouseholdSheet } from './household-sheet';

const header = [...HOUSEHOLD_SHEET_COLUMNS];

describe('parseHouseholdSheet', () => {
  it('reads good rows, adding 栋 and 单元 to bare numbers and tags by their Chinese labels', () => {
    const { households, errors } = parseHouseholdSheet([
      header,
      [3, 2, 1203, 2, '王秀兰', 13955110101, '独居老人、透析患者', 'A区'],
      ['5栋', '1单元', '101', '', '', '', '', ''],
    ]);
    expect(errors).toEqual([]);
    expect(households).toEqual([
      {
        row: 2,
        building: '3栋',
        unit: '2单元',
        room: '1203',
        headcount: 2,
        contactName: '王秀兰',
        contactPhone: '13955110101',
        tags: ['dialysis', 'elderly-alone'],
        zone: 'A区',
      },
      { row: 3, building: '5栋', unit: '1单元', room: '101', headcount: 1, contactName: null, contactPhone: null, tags: [], zone: null },
    ]);
  });

  it('reports each bad cell with its Excel row and column, in Chinese', () => {
    const { households, errors } = parseHouseholdSheet([
      header,
      ['1栋', '1单元', '101', 2, '李', '1380000', '', ''],
      ['1栋', '1单元', '', 'abc', '', '', '会飞', ''],
    ]);
    expect(households).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: '联系电话', message: expect.stringContaining('1380000') },
      { row: 3, column: '房号', message: '请填写房号，例如 1203' },
      { row: 3, column: '人数', message: expect.stringContaining('abc') },
      { row: 3, column: '标签', message: expect.stringContaining('会飞') },
    ]);
  });

  it('refuses the same door twice and names the first row', () => {
    const { errors } = parseHouseholdSheet([header, ['1栋', '1单元', '101'], ['1', '1', '101']]);
    expect(errors).toEqual([{ row: 3, column: '房号', message: expect.stringContaining('第 2 行') }]);
  });

  it('explains a sheet without the required headers, and an empty sheet', () => {
    expect(parseHouseholdSheet([['姓名', '电话']]).errors[0]?.message).toContain('楼栋');
    expect(parseHouseholdSheet([header, ['', '', '']]).errors).toEqual([{ row: 2, message: '表格里没有住户数据' }]);
  });

  it('reads rich text and formula cells', () => {
    expect(cellText({ richText: [{ text: '3' }, { text: '栋' }] })).toBe('3栋');
    expect(cellText({ formula: 'A1', result: 12 })).toBe('12');
  });
});
