import { HOUSEHOLD_TAG_LABELS, HOUSEHOLD_TAGS, formatDoor, maskPhone, parseHouseholdTag, PHONE_PATTERN } from './household';
import { ERROR_MESSAGES } from './errors';

describe('households', () => {
  it('masks a phone for people who only need to reach the door', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('123')).toBe('****');
  });

  it('reads tags by code or by their Chinese label', () => {
    expect(parseHouseholdTag('独居老人')).toBe('elderly-alone');
    expect(parseHouseholdTag(' dialysis ')).toBe('dialysis');
    expect(parseHouseholdTag('有钱')).toBeUndefined();
    expect(new Set(HOUSEHOLD_TAGS.map((t) => HOUSEHOLD_TAG_LABELS[t])).size).toBe(HOUSEHOLD_TAGS.length);
  });

  it('accepts mainland mobile numbers only', () => {
    expect(PHONE_PATTERN.test('13955110101')).toBe(true);
    expect(PHONE_PATTERN.test('12955110101')).toBe(false);
    expect(PHONE_PATTERN.test('1395511010')).toBe(false);
  });

  it('writes the door as people say it', () => {
    expect(formatDoor('3栋', '2单元', '1203')).toBe('3栋2单元1203');
  });

  it('has a Chinese message for every error code', () => {
    for (const message of Object.values(ERROR_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
