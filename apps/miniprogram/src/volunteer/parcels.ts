import type { ParcelTaskView } from '@linli/shared-types';

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
