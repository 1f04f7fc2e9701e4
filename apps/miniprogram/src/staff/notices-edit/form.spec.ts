import { describe, expect, it } from '@jest/globals';
import type { StaffNoticeView } from '@linli/shared-types';
import { changes, emptyForm, formOf, validate } from './form';

const NOW = Date.parse('2022-04-25T08:00:00+08:00');
const HOUR = 3600 * 1000;

describe('the notice form', () => {
  it('says what is missing, in Chinese, under each field', () => {
    const { errors, body } = validate(emptyForm(), NOW);
    expect(body).toBeNull();
    expect(errors).toEqual({ category: '请选择通知的类别', title: '标题要 2 到 60 个字', body: '正文要 2 到 5000 个字' });
  });

  it('wants the end after the publish time, and not in the past', () => {
    const form = { ...emptyForm(), category: 'testing' as const, title: '核酸检测', body: '南门广场' };
    const at = (ms: number) => new Date(ms).toISOString();
    expect(validate({ ...form, publishAt: at(NOW + 2 * HOUR), expiresAt: at(NOW + HOUR) }, NOW).errors.expiresAt).toBe(
      '结束时间要晚于发布时间',
    );
    expect(validate({ ...form, expiresAt: at(NOW - HOUR), publishAt: at(NOW - 2 * HOUR) }, NOW).errors.expiresAt).toBe(
      '结束时间已经过去了，请选一个以后的时间',
    );
    const { body } = validate({ ...form, title: '  核酸检测 ', expiresAt: at(NOW + HOUR) }, NOW);
    expect(body).toMatchObject({ category: 'testing', title: '核酸检测', publishAt: null, buildingIds: [], zones: [] });
  });

  it('an edit sends only what changed', () => {
    const notice: StaffNoticeView = {
      id: 7,
      category: 'lockdown',
      title: '1栋解封',
      body: '今晚8点起',
      pictures: [{ id: 3, url: '/api/files/3/content?t=x' }],
      buildingIds: [1],
      zones: [],
      audience: '1栋',
      pinned: false,
      urgent: true,
      publishAt: '2022-04-25T00:00:00.000Z',
      expiresAt: null,
      createdAt: '2022-04-25T00:00:00.000Z',
      editedAt: null,
      read: true,
      status: 'PUBLISHED',
      withdrawnAt: null,
      readHouseholds: 0,
      reachedHouseholds: 24,
    };
    const same = validate(formOf(notice), NOW).body;
    expect(same && changes(notice, same)).toEqual({});
    const edited = validate({ ...formOf(notice), title: '1栋今晚解封', buildingIds: [1, 2] }, NOW).body;
    expect(edited && changes(notice, edited)).toEqual({ title: '1栋今晚解封', buildingIds: [1, 2] });
  });
});
