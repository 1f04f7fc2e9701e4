import type { CareSelection } from '@linli/shared-types';
import { selectHouseholds, toGive, type CareCandidate } from './care-selection';

const households: CareCandidate[] = [
  { id: 1, buildingId: 10, tags: ['elderly-alone'] },
  { id: 2, buildingId: 10, tags: ['elderly-alone', 'dialysis'] },
  { id: 3, buildingId: 20, tags: ['dialysis'] },
  { id: 4, buildingId: 20, tags: [] },
  { id: 5, buildingId: 30, tags: ['hardship', 'disabled'] },
];

function select(partial: Partial<CareSelection>): number[] {
  return selectHouseholds({ tags: [], allTags: false, buildingIds: [], householdIds: [], ...partial }, households);
}

describe('care campaign selection', () => {
  it('takes households with any of the tags', () => {
    expect(select({ tags: ['dialysis', 'hardship'] })).toEqual([2, 3, 5]);
  });

  it('takes only households with every tag when asked to', () => {
    expect(select({ tags: ['elderly-alone', 'dialysis'], allTags: true })).toEqual([2]);
  });

  it('keeps tagged households to the buildings named', () => {
    expect(select({ tags: ['dialysis'], buildingIds: [20] })).toEqual([3]);
  });

  it('takes every household of the buildings when no tag is chosen', () => {
    expect(select({ buildingIds: [20, 30] })).toEqual([3, 4, 5]);
  });

  it('adds households picked by hand wherever they live and whatever their tags', () => {
    expect(select({ tags: ['hardship'], buildingIds: [30], householdIds: [4, 1] })).toEqual([1, 4, 5]);
  });

  it('reaches nobody when nothing is chosen (never the whole community)', () => {
    expect(select({})).toEqual([]);
  });

  it('gives only to households without a parcel yet', () => {
    expect(toGive([1, 2, 3, 5], new Set([2, 5]))).toEqual([1, 3]);
    expect(toGive([2, 5], new Set([2, 5]))).toEqual([]);
  });
});
