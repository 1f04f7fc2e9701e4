import { describe, expect, it } from '@jest/globals';
import { posterCommunity } from './poster';

describe('posterCommunity', () => {
  it('reads the community of a WeChat mini-program code, its query, or the browser address', () => {
    expect(posterCommunity({ scene: encodeURIComponent('c=12') })).toBe(12);
    expect(posterCommunity({ scene: 'c%3D7%26x%3D1' })).toBe(7);
    expect(posterCommunity({ community: '3' })).toBe(3);
    expect(posterCommunity({}, '?community=25&from=poster')).toBe(25);
  });

  it('ignores anything that is not a community id', () => {
    expect(posterCommunity(undefined)).toBeNull();
    expect(posterCommunity({ scene: 'x=1' })).toBeNull();
    expect(posterCommunity({ community: '0' })).toBeNull();
    expect(posterCommunity({ community: '-4' })).toBeNull();
    expect(posterCommunity({ community: '1.5' })).toBeNull();
    expect(posterCommunity({ community: '99999999999' })).toBeNull();
    expect(posterCommunity({ scene: '%E0%A4%A' })).toBeNull();
  });
});
