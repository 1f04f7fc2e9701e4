import { formatFen, type ParcelState, type ParcelTaskView } from '@linli/shared-types';

/** Where a parcel goes, as volunteers read it on the stairs: 3栋 2单元 1203. */
export function door(task: ParcelTaskView): string {
  return `${task.building} ${task.unit} ${task.room}`;
}

/** Parcels in the server's order (building, unit, room), grouped by building. */
export function byBuilding(tasks: ParcelTaskView[]): { building: string; tasks: ParcelTaskView[] }[] {
  const groups: { building: string; tasks: ParcelTaskView[] }[] = [];
  for (const task of tasks) {
    const last = groups[groups.length - 1];
    if (last && last.building === task.building) last.tasks.push(task);
    else groups.push({ building: task.building, tasks: [task] });
  }
  return groups;
}

/**
 * Where the parcel is with the volunteer's hands on it: taken from the supply point, at or past
 * the door. The server takes 已收款 only then (POST /volunteer/tasks/:id/collect answers 409
 * before); it has no action for it in PARCEL_FLOW, so this mirrors its rule to show the button.
 */
const CASH_AT_DOOR: readonly ParcelState[] = ['PICKED_UP', 'LEFT_AT_DOOR', 'DELIVERED'];

/**
 * The cash of a task, as the card shows it: nothing to collect; due (told before the door);
 * to collect now (the 已收款 button); collected (已收款 ✓).
 */
export type CashStep = 'none' | 'due' | 'collect' | 'collected';

export function cashStep(task: ParcelTaskView): CashStep {
  if (task.cashDueFen <= 0) return 'none';
  if (task.cashCollected) return 'collected';
  return CASH_AT_DOOR.includes(task.state) ? 'collect' : 'due';
}

/** 到门口收款 ¥39.00 */
export function cashText(task: ParcelTaskView): string {
  return `到门口收款 ${formatFen(task.cashDueFen)}`;
}

/**
 * While the parcel is on its way in this volunteer's hands (accepted, picked up) the server gives
 * the household's real number to call (POST /volunteer/tasks/:id/phone, audited; 409
 * PHONE_NOT_AVAILABLE otherwise). Outside these states the card shows the masked number only.
 */
const CALLABLE: readonly ParcelState[] = ['ACCEPTED', 'PICKED_UP'];

export function canCallHousehold(task: ParcelTaskView): boolean {
  return task.phone !== null && CALLABLE.includes(task.state);
}
