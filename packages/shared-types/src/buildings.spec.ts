import { floorRooms, withPlaceSuffix } from './buildings';

describe('buildings', () => {
  it('numbers doors floor by floor: floor × 100 + door', () => {
    expect(floorRooms(2, 3)).toEqual(['101', '102', '103', '201', '202', '203']);
    expect(floorRooms(6, 4)).toHaveLength(24);
    expect(floorRooms(6, 4).at(-1)).toBe('604');
    expect(floorRooms(1, 2, 12)).toEqual(['1201', '1202']);
  });

  it('names a bare number the way people say it', () => {
    expect(withPlaceSuffix(' 03 ', '栋')).toBe('3栋');
    expect(withPlaceSuffix('2', '单元')).toBe('2单元');
    expect(withPlaceSuffix('东单元', '单元')).toBe('东单元');
    expect(withPlaceSuffix('A座', '栋')).toBe('A座');
  });
});
