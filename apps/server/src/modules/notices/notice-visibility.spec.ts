import { joinList, noticeStatus, noticeVisible, reachesBuilding, residentOrder } from './notice-visibility';

const at = (iso: string): Date => new Date(iso);
const base = {
  buildingIds: '',
  zones: '',
  publishAt: at('2022-04-25T08:00:00+08:00'),
  expiresAt: at('2022-04-26T08:00:00+08:00'),
  withdrawnAt: null,
};
const noon = at('2022-04-25T12:00:00+08:00');
const b1 = { buildingId: 1, zone: 'A区' };
const b2 = { buildingId: 2, zone: 'B区' };
const b3NoZone = { buildingId: 3, zone: null };

describe('notice visibility', () => {
  it('reaches the whole community when it names no building and no zone', () => {
    expect(noticeVisible(base, b1, noon)).toBe(true);
    expect(noticeVisible(base, b3NoZone, noon)).toBe(true);
  });

  it('reaches only the buildings it names', () => {
    const n = { ...base, buildingIds: joinList([1]) };
    expect(noticeVisible(n, b1, noon)).toBe(true);
    expect(noticeVisible(n, b2, noon)).toBe(false);
  });

  it('reaches the zones it names, and a building named besides', () => {
    const n = { ...base, zones: joinList(['B区']) };
    expect(noticeVisible(n, b2, noon)).toBe(true);
    expect(noticeVisible(n, b1, noon)).toBe(false);
    expect(noticeVisible(n, b3NoZone, noon)).toBe(false);
    expect(noticeVisible({ ...n, buildingIds: joinList([3]) }, b3NoZone, noon)).toBe(true);
    expect(reachesBuilding(n, { id: 9, zone: 'B区' })).toBe(true);
    expect(reachesBuilding(n, { id: 9, zone: null })).toBe(false);
  });

  it('is not seen before its publish time, and is from that very moment', () => {
    expect(noticeVisible(base, b1, at('2022-04-25T07:59:59.999+08:00'))).toBe(false);
    expect(noticeStatus(base, at('2022-04-25T07:59:59+08:00'))).toBe('SCHEDULED');
    expect(noticeVisible(base, b1, base.publishAt)).toBe(true);
  });

  it('is not seen from its expiry on; without one it never expires', () => {
    expect(noticeVisible(base, b1, at('2022-04-26T07:59:59+08:00'))).toBe(true);
    expect(noticeVisible(base, b1, base.expiresAt)).toBe(false);
    expect(noticeStatus(base, base.expiresAt)).toBe('EXPIRED');
    expect(noticeVisible({ ...base, expiresAt: null }, b1, at('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('is not seen once withdrawn, whatever its times', () => {
    const n = { ...base, withdrawnAt: noon };
    expect(noticeVisible(n, b1, noon)).toBe(false);
    expect(noticeStatus(n, at('2022-04-27T00:00:00+08:00'))).toBe('WITHDRAWN');
  });

  it('orders pinned first, then newest', () => {
    const rows = [
      { id: 1, pinned: false, publishAt: at('2022-04-25T09:00:00Z') },
      { id: 2, pinned: true, publishAt: at('2022-04-20T09:00:00Z') },
      { id: 3, pinned: false, publishAt: at('2022-04-25T10:00:00Z') },
      { id: 4, pinned: false, publishAt: at('2022-04-25T10:00:00Z') },
    ];
    expect(rows.sort(residentOrder).map((r) => r.id)).toEqual([2, 4, 3, 1]);
  });
});
