import type { BuildingView } from '@linli/shared-types';

/** A door as picked: building, unit, room (room as typed). */
export interface Door {
  buildingId: number | null;
  unit: string;
  room: string;
}

/** What is missing from a door, in the words shown under each field. */
export function doorErrors(door: Door): Partial<Record<keyof Door, string>> {
  const errors: Partial<Record<keyof Door, string>> = {};
  if (door.buildingId === null) errors.buildingId = '请选择楼栋';
  if (!door.unit) errors.unit = '请选择单元';
  if (!door.room.trim()) errors.room = '请填写房号';
  return errors;
}

/** Choosing a building: a building with a single unit needs no second choice. */
export function unitAfterChoosing(building: BuildingView | undefined): string {
  return building?.units.length === 1 ? (building.units[0] ?? '') : '';
}

/** The units to offer: the building's, and the door's own when the building no longer lists it. */
export function unitOptions(building: BuildingView | null, unit: string): string[] {
  const units = building ? [...building.units] : [];
  if (unit && !units.includes(unit)) units.push(unit);
  return units;
}
