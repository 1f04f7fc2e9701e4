import { describe, expect, it } from '@jest/globals';
import { runText, selectionText } from './care-texts';

describe('care campaign texts', () => {
  const names = new Map([
    [3, '3栋'],
    [5, '5栋'],
  ]);

  it('says whom a campaign reaches', () => {
    expect(selectionText({ tags: ['dialysis', 'chemo'], allTags: false, buildingIds: [], householdIds: [] })).toBe(
      '透析患者或化疗患者 · 全社区',
    );
    expect(selectionText({ tags: ['elderly-alone', 'disabled'], allTags: true, buildingIds: [3], householdIds: [9, 10] }, names)).toBe(
      '独居老人且残障人士 · 限3栋 · 另加 2 户',
    );
    expect(selectionText({ tags: [], allTags: false, buildingIds: [3, 5], householdIds: [] }, names)).toBe('3栋、5栋全部住户');
    expect(selectionText({ tags: [], allTags: false, buildingIds: [], householdIds: [7] })).toBe('指定 1 户');
    expect(selectionText({ tags: [], allTags: false, buildingIds: [], householdIds: [] })).toBe('还没有选择住户');
  });

  it('says what a run will do', () => {
    expect(runText(5, '爱心蔬菜包')).toContain('给还没收到的 5 户各送一份「爱心蔬菜包」');
    expect(runText(0, '爱心蔬菜包')).toBe('选中的住户都已发放，没有新的住户要送。');
  });
});
