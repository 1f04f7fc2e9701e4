import { describe, expect, it } from '@jest/globals';
import { emptyContest, validateContest } from './form';

const NOW = Date.parse('2022-04-25T08:00:00+08:00');
const DAY = 24 * 3600 * 1000;

describe('the contest form', () => {
  it('starts open now: entries for a week, votes for ten days', () => {
    const form = emptyContest(NOW + 30_000);
    expect(form.entryStartsAt).toBe(new Date(NOW).toISOString());
    expect(Date.parse(form.entryEndsAt) - NOW).toBe(7 * DAY);
    expect(validateContest(form).errors).toEqual({ title: '标题要 2 到 60 个字', rules: '比赛规则要 2 到 3000 个字' });
  });

  it('checks the periods and the limits, and sends numbers', () => {
    const form = { ...emptyContest(NOW), title: '春天', rules: '一户一件' };
    const at = (ms: number) => new Date(ms).toISOString();
    expect(validateContest({ ...form, voteStartsAt: at(NOW - DAY) }).errors.voteStartsAt).toBe('投票不能早于征集开始');
    expect(validateContest({ ...form, entryEndsAt: at(NOW) }).errors.entryEndsAt).toBe('征集结束要晚于开始');
    expect(validateContest({ ...form, votesPerDay: '0' }).errors.votesPerDay).toBe('每人每天票数要在 1 到 50 之间');
    expect(validateContest({ ...form, entriesPerHousehold: '2.5' }).errors.entriesPerHousehold).toBe('每户作品数要在 1 到 20 之间');
    expect(validateContest(form).body).toMatchObject({ title: '春天', entriesPerHousehold: 1, votesPerDay: 3, mode: 'vote' });
  });
});
