import { describe, expect, it } from '@jest/globals';
import { emptyQuestion, validateQuestion } from './form';

describe('the question form', () => {
  it('drops empty options and keeps the correct marks on their options', () => {
    const { body, errors } = validateQuestion({
      ...emptyQuestion,
      kind: 'multiple',
      text: '哪些是防护措施？',
      options: ['勤洗手', '', '戴口罩', ' '],
      correct: [0, 2],
      explanation: '勤洗手、戴口罩',
    });
    expect(errors).toEqual({});
    expect(body).toEqual({
      kind: 'multiple',
      text: '哪些是防护措施？',
      options: ['勤洗手', '戴口罩'],
      correct: [0, 1],
      explanation: '勤洗手、戴口罩',
      tags: [],
    });
  });

  it('says what is missing, in words', () => {
    const { errors, body } = validateQuestion({ ...emptyQuestion, options: ['只有一个', '', '', ''], correct: [] });
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['correct', 'explanation', 'options', 'text']);
    const single = validateQuestion({ ...emptyQuestion, text: '单选题', options: ['甲', '乙'], correct: [0, 1], explanation: '解析' });
    expect(single.errors.correct).toBe('单选题只能有一个正确选项');
  });
});
