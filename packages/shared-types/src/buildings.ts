import type { BuildingView } from './api';

// ---- staff: buildings, units, zones and their doors --------------------------------------

/** GET /api/staff/buildings: a building with how many households live in it, unit by unit. */
export interface StaffBuildingView extends BuildingView {
  households: number;
  /** Households per unit name (units with none are 0): a unit can be removed only when empty. */
  unitHouseholds: Record<string, number>;
}

/** POST /api/staff/buildings */
export interface CreateBuildingRequest {
  /** 3栋 (a bare number gets 栋, as in the Excel import); unique in the community. */
  name: string;
  /** 1单元, 2单元 (a bare number gets 单元); at least one. */
  units: string[];
  zone?: string | null;
}

/** A unit renamed in place: its households move with it. */
export interface UnitRename {
  from: string;
  to: string;
}

/**
 * PATCH /api/staff/buildings/:id. `renameUnits` is applied first; then `units`, when given, is
 * the whole new list: a unit left out is removed (refused while households live there).
 * A new `zone` moves the building's households to that zone too.
 */
export interface UpdateBuildingRequest {
  name?: string;
  units?: string[];
  renameUnits?: UnitRename[];
  zone?: string | null;
}

/**
 * POST /api/staff/buildings/:id/households: doors of one unit, either listed (`rooms`) or
 * generated floor by floor (`floors` × `roomsPerFloor` from `fromFloor`, 101…604).
 */
export interface AddDoorsRequest {
  unit: string;
  rooms?: string[];
  floors?: number;
  roomsPerFloor?: number;
  /** The first floor with doors (default 1). */
  fromFloor?: number;
}

export interface AddDoorsResult {
  /** Households created. */
  created: number;
  /** Doors that already had a household (left as they were). */
  existing: string[];
}

/** GET /api/staff/zones: the zones (封控片区) named on the community's buildings. */
export interface ZoneView {
  name: string;
  buildings: number;
  households: number;
}

/** POST /api/staff/zones/rename: everything naming the zone (buildings, households, windows, pharmacies) follows. */
export interface RenameZoneRequest {
  from: string;
  to: string;
}

/** Most doors one AddDoors request creates. */
export const MAX_DOORS_PER_REQUEST = 1200;

/**
 * The room numbers of a unit built floor by floor: floor × 100 + door, so 6 floors of 4 doors
 * are 101–104 … 601–604 (the way Chinese residential doors are numbered).
 */
export function floorRooms(floors: number, roomsPerFloor: number, fromFloor = 1): string[] {
  const rooms: string[] = [];
  for (let floor = fromFloor; floor < fromFloor + floors; floor++) {
    for (let door = 1; door <= roomsPerFloor; door++) rooms.push(`${floor}${String(door).padStart(2, '0')}`);
  }
  return rooms;
}

/** "3" → "3栋", "2" → "2单元": what people type (and sheets hold) is often a bare number. */
export function withPlaceSuffix(text: string, suffix: '栋' | '单元'): string {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? `${Number(trimmed)}${suffix}` : trimmed;
}
