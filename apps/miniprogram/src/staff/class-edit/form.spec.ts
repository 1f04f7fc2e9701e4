import { describe, expect, it } from '@jest/globals';
import type { StaffClassView } from '@linli/shared-types';
import { changes, emptyForm, validate } from './form';

const NOW = Date.parse('2026-04-25T08:00:00+08:00');
const later = '2026-04-25T19:30:00+08:00';

describe('class form', () => {
  const filled = {
    ...emptyForm(later),
    kind: 'yoga' as const,
    title: ' 居家瑜伽 ',
    teacher: '李老师',
    liveUrl: 'https://meeting.tencent.com/dm/abc',
  };

  it('makes the request: trimmed, unlimited unless limited', () => {
    const { body } = validate(filled, NOW);
    expect(body).toMatchObject({ title: '居家瑜伽', minutes: 45, capacity: null, buildingIds: [] });
    expect(validate({ ...filled, limited: true, capacity: '30' }, NOW).body?.capacity).toBe(30);
  });

  it('says what is wrong, under each field', () => {
    const { errors, body } = validate({ ...emptyForm('2026-04-25T07:00:00+08:00'), limited: true, capacity: '0', minutes: '2' }, NOW);
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['capacity', 'kind', 'liveUrl', 'minutes', 'startsAt', 'teacher', 'title']);
  });

  it('sends only what changed', () => {
    const before = { ...validate(filled, NOW).body, id: 1, description: '', buildingIds: [], capacity: null } as unknown as StaffClassView;
    const body = validate({ ...filled, limited: true, capacity: '10' }, NOW).body;
    expect(body && changes(before, body)).toEqual({ capacity: 10 });
  });
});
