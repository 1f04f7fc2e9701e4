import { formatFen, type ParcelTaskView } from '@linli/shared-types';

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
 * The cash of a task, as the card shows it: nothing to collect; due (told before the door);
 * to collect now (the 已收款 button, when the server says it may be tapped); collected (已收款 ✓).
 */
export type CashStep = 'none' | 'due' | 'collect' | 'collected';

export function cashStep(task: ParcelTaskView): CashStep {
  if (task.cashDueFen <= 0) return 'none';
  if (task.cashCollected) return 'collected';
  return task.canCollect ? 'collect' : 'due';
}

/** 到门口收款 ¥39.00 */
export function cashText(task: ParcelTaskView): string {
  return `到门口收款 ${formatFen(task.cashDueFen)}`;
}

/**
 * While the parcel is on its way in this volunteer's hands the server gives the household's real
 * number to call (POST /volunteer/tasks/:id/phone, audited) and says so in `canCall`; otherwise
 * the card shows the masked number only.
 */
export function canCallHousehold(task: ParcelTaskView): boolean {
  return task.canCall;
}
