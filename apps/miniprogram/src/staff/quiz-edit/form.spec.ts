import { describe, expect, it } from '@jest/globals';
import { emptyQuiz, validateQuiz } from './form';

describe('the quiz form', () => {
  const now = Date.parse('2026-05-01T02:00:00Z');

  it('turns minutes into seconds and numbers into numbers', () => {
    const { body, errors } = validateQuiz({
      ...emptyQuiz(now),
      title: '防疫知识竞答',
      minutes: '1.5',
      questionCount: '8',
      attemptsAllowed: '2',
    });
    expect(errors).toEqual({});
    expect(body).toMatchObject({ title: '防疫知识竞答', timeLimitSeconds: 90, questionCount: 8, attemptsAllowed: 2, tags: [] });
  });

  it('says what is wrong, in words', () => {
    const { errors, body } = validateQuiz({
      ...emptyQuiz(now),
      title: '',
      questionCount: '0',
      minutes: 'abc',
      attemptsAllowed: '1.5',
      closesAt: new Date(now - 1).toISOString(),
    });
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['attemptsAllowed', 'closesAt', 'minutes', 'questionCount', 'title']);
  });
});
