import { describe, expect, it } from '@jest/globals';
import { cancelledByUser } from './cancelled';

describe('cancelledByUser', () => {
  it("knows WeChat's closed sheets", () => {
    expect(cancelledByUser({ errMsg: 'scanCode:fail cancel' })).toBe(true);
    expect(cancelledByUser({ errMsg: 'requestPayment:fail cancel' })).toBe(true);
    expect(cancelledByUser({ errMsg: 'makePhoneCall:fail cancel' })).toBe(true);
  });

  it('takes anything else for a real failure', () => {
    expect(cancelledByUser({ errMsg: 'makePhoneCall:fail parameter error' })).toBe(false);
    expect(cancelledByUser(new Error('cancel'))).toBe(false);
    expect(cancelledByUser(null)).toBe(false);
    expect(cancelledByUser(undefined)).toBe(false);
  });
});
