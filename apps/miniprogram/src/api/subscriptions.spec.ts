import { describe, expect, it } from '@jest/globals';
import { subscribeResults } from './subscriptions';

describe('the subscribe popup answer sent to the server', () => {
  it('keeps the ids asked for and the known results, drops errMsg', () => {
    expect(
      subscribeResults(['A', 'B', 'C'], { errMsg: 'requestSubscribeMessage:ok', A: 'accept', B: 'reject', C: 'fail', D: 'accept' }),
    ).toEqual({ results: { A: 'accept', B: 'reject' } });
  });

  it('sends nothing when nothing usable came back', () => {
    expect(subscribeResults(['A'], { errMsg: 'requestSubscribeMessage:fail' })).toBeNull();
  });
});
