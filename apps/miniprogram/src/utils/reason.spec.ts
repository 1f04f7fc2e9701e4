import { describe, expect, it } from '@jest/globals';
import { checkReason } from './reason';

const rule = { min: 2, max: 200, message: '请写明不能受理的原因（2 到 200 个字），居民会看到' };

describe('checkReason', () => {
  it('sends the reason trimmed', () => {
    expect(checkReason('  处方看不清  ', rule)).toEqual({ reason: '处方看不清' });
  });

  it('asks again, in the words of the rule, for a reason too short once trimmed or too long', () => {
    expect(checkReason(' 无 ', rule)).toEqual({ error: rule.message });
    expect(checkReason('字'.repeat(201), rule)).toEqual({ error: rule.message });
    expect(checkReason('字'.repeat(200), rule)).toEqual({ reason: '字'.repeat(200) });
  });

  it('with a one-character rule, refuses only a blank reason', () => {
    const any = { min: 1, max: 200, message: '请填写驳回原因，住户会看到' };
    expect(checkReason('   ', any)).toEqual({ error: '请填写驳回原因，住户会看到' });
    expect(checkReason('错', any)).toEqual({ reason: '错' });
  });
});
