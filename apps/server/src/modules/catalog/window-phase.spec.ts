import { joinList, servesHousehold, splitList, windowPhase, type PhaseInput } from './window-phase';

const at = (iso: string): Date => new Date(iso);
const base: PhaseInput = {
  status: 'ACTIVE',
  opensAt: at('2022-04-25T00:00:00Z'),
  closesAt: at('2022-04-25T04:00:00Z'),
  maxOrders: null,
  orderCount: 0,
};

describe('windowPhase', () => {
  it('is upcoming before it opens, open inside its hours, closed at and after the closing time', () => {
    expect(windowPhase(base, at('2022-04-24T23:59:59Z'))).toBe('UPCOMING');
    expect(windowPhase(base, at('2022-04-25T00:00:00Z'))).toBe('OPEN');
    expect(windowPhase(base, at('2022-04-25T03:59:59.999Z'))).toBe('OPEN');
    expect(windowPhase(base, at('2022-04-25T04:00:00Z'))).toBe('CLOSED');
  });

  it('follows staff pausing and closing early', () => {
    const now = at('2022-04-25T01:00:00Z');
    expect(windowPhase({ ...base, status: 'PAUSED' }, now)).toBe('PAUSED');
    expect(windowPhase({ ...base, status: 'CLOSED' }, now)).toBe('CLOSED');
  });

  it('closes by itself when the order cap is reached', () => {
    const now = at('2022-04-25T01:00:00Z');
    expect(windowPhase({ ...base, maxOrders: 100, orderCount: 99 }, now)).toBe('OPEN');
    expect(windowPhase({ ...base, maxOrders: 100, orderCount: 100 }, now)).toBe('CLOSED');
  });
});

describe('servesHousehold', () => {
  it('serves everyone without lists, else the listed buildings or zones', () => {
    const h = { buildingId: 3, zone: 'A区' };
    expect(servesHousehold({ buildingIds: '', zones: '' }, h)).toBe(true);
    expect(servesHousehold({ buildingIds: joinList([3, 7]), zones: '' }, h)).toBe(true);
    expect(servesHousehold({ buildingIds: joinList([7]), zones: '' }, h)).toBe(false);
    expect(servesHousehold({ buildingIds: '', zones: joinList(['A区']) }, h)).toBe(true);
    expect(servesHousehold({ buildingIds: '', zones: joinList(['B区']) }, { buildingId: 3, zone: null })).toBe(false);
    expect(splitList(joinList([13, 3]))).toEqual(['13', '3']);
  });
});
