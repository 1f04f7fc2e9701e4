import {
  floorRooms,
  MAX_DOORS_PER_REQUEST,
  withPlaceSuffix,
  type AddDoorsRequest,
  type CreateBuildingRequest,
  type StaffBuildingView,
  type UnitRename,
  type UpdateBuildingRequest,
} from '@linli/shared-types';
import type { FormErrors } from '@/hooks/useForm';

/** The building form: its name, its units (chips) with the one being typed, its zone. */
export interface BuildingForm {
  name: string;
  units: string[];
  newUnit: string;
  /** '' = no zone. */
  zone: string;
  /** Units of the building renamed in this form (their households move with them), in order. */
  renames: UnitRename[];
}

export type BuildingErrors = FormErrors<BuildingForm>;

export function buildingForm(building: StaffBuildingView | null): BuildingForm {
  return building
    ? { name: building.name, units: [...building.units], newUnit: '', zone: building.zone ?? '', renames: [] }
    : { name: '', units: [], newUnit: '', zone: '', renames: [] };
}

/** The building's own name for a chip (what it was called before a rename in this form). */
export function storedUnit(form: BuildingForm, unit: string): string {
  return form.renames.find((r) => r.to === unit)?.from ?? unit;
}

/** Why a typed unit name cannot be used, or '' when it can. */
function unitError(unit: string, units: string[]): string {
  if (unit === '') return '请先填写单元，例如 1单元';
  if (/[,，]/.test(unit)) return '单元名称里不能有逗号';
  if (unit.length > 20) return '单元名称最多 20 个字';
  if (units.includes(unit)) return `已经有“${unit}”了`;
  return '';
}

/**
 * Renames a chip: a unit the building has is renamed on the server (its households follow), a
 * chip added in this form is simply called something else; renaming twice is one rename.
 */
export function renameUnit(
  form: BuildingForm,
  stored: string[],
  from: string,
  typed: string,
): { units: string[]; renames: UnitRename[]; error?: string } {
  const to = withPlaceSuffix(typed, '单元');
  const error = to === from ? '' : unitError(to, form.units);
  if (error || to === from) return { units: form.units, renames: form.renames, error: error || undefined };
  const units = form.units.map((u) => (u === from ? to : u));
  const earlier = form.renames.find((r) => r.to === from);
  let renames = form.renames;
  if (earlier) {
    renames = form.renames.map((r) => (r === earlier ? { from: r.from, to } : r)).filter((r) => r.from !== r.to);
  } else if (stored.includes(from)) {
    renames = [...form.renames, { from, to }];
  }
  return { units, renames };
}

/** Adds the typed unit ("3" → "3单元") to the chips; an error when it cannot be added. */
export function addUnit(form: BuildingForm): { units: string[]; error?: string } {
  const unit = withPlaceSuffix(form.newUnit, '单元');
  const error = unitError(unit, form.units);
  if (error) return { units: form.units, error };
  if (form.units.length >= 20) return { units: form.units, error: '一栋楼最多 20 个单元' };
  return { units: [...form.units, unit] };
}

/** The same limits as the server's, checked here first so the answer comes at once. */
export function validateBuilding(form: BuildingForm): BuildingErrors {
  const errors: BuildingErrors = {};
  const name = withPlaceSuffix(form.name, '栋');
  if (name === '') errors.name = '请填写楼栋名称，例如 3栋';
  else if (name.length > 40) errors.name = '楼栋名称最多 40 个字';
  else if (/[,，]/.test(name)) errors.name = '楼栋名称里不能有逗号';
  if (form.units.length === 0) errors.units = '请至少添加一个单元';
  if (form.zone.trim().length > 40) errors.zone = '片区名称最多 40 个字';
  return errors;
}

export function createRequest(form: BuildingForm): CreateBuildingRequest {
  return { name: withPlaceSuffix(form.name, '栋'), units: form.units, zone: form.zone.trim() || null };
}

/** Only what changed, so an unchanged zone does not move households and an unchanged name is not re-checked. */
export function updateRequest(building: StaffBuildingView, form: BuildingForm): UpdateBuildingRequest {
  const body: UpdateBuildingRequest = {};
  const name = withPlaceSuffix(form.name, '栋');
  if (name !== building.name) body.name = name;
  if (form.renames.length > 0) body.renameUnits = form.renames;
  const renamed = building.units.map((u) => form.renames.reduce((name, r) => (r.from === name ? r.to : name), u));
  if (form.units.join(',') !== renamed.join(',')) body.units = form.units;
  const zone = form.zone.trim() || null;
  if (zone !== building.zone) body.zone = zone;
  return body;
}

/** The doors form: one unit, floors × doors per floor, or one door by its number. */
export interface DoorsForm {
  unit: string;
  mode: 'floors' | 'single';
  floors: string;
  roomsPerFloor: string;
  room: string;
}

export type DoorsErrors = FormErrors<DoorsForm>;

export function doorsForm(building: StaffBuildingView): DoorsForm {
  return { unit: building.units[0] ?? '', mode: 'floors', floors: '', roomsPerFloor: '', room: '' };
}

const whole = (text: string, min: number, max: number): number | null => {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= min && n <= max ? n : null;
};

/** What the form asks for, or the errors under its fields. */
export function doorsRequest(form: DoorsForm): { errors: DoorsErrors; body: AddDoorsRequest | null } {
  const errors: DoorsErrors = {};
  if (!form.unit) errors.unit = '请选择单元';
  if (form.mode === 'single') {
    const room = form.room.trim();
    if (!/^[0-9A-Za-z-]{1,10}$/.test(room)) errors.room = '房号只能是数字或字母，例如 1203';
    return Object.keys(errors).length ? { errors, body: null } : { errors, body: { unit: form.unit, rooms: [room] } };
  }
  const floors = whole(form.floors, 1, 60);
  const roomsPerFloor = whole(form.roomsPerFloor, 1, 20);
  if (floors === null) errors.floors = '请填写楼层数：1 到 60';
  if (roomsPerFloor === null) errors.roomsPerFloor = '请填写每层户数：1 到 20';
  if (Object.keys(errors).length || floors === null || roomsPerFloor === null) return { errors, body: null };
  return { errors, body: { unit: form.unit, floors, roomsPerFloor } };
}

/** 「将添加 101 到 604，共 24 户」, or '' while the numbers are not filled in. */
export function doorsPreview(form: DoorsForm): string {
  if (form.mode === 'single') return '';
  const { body } = doorsRequest(form);
  if (!body || body.floors === undefined || body.roomsPerFloor === undefined) return '';
  const rooms = floorRooms(body.floors, body.roomsPerFloor);
  if (rooms.length > MAX_DOORS_PER_REQUEST) return `一次最多添加 ${MAX_DOORS_PER_REQUEST} 户`;
  return `将添加 ${rooms[0]} 到 ${rooms[rooms.length - 1]}，共 ${rooms.length} 户`;
}
