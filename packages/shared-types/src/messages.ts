/**
 * PLACEHOLDER owned by the `messages` branch (CONTRACT-14): the subscribe branch needs the
 * `MessageKind` union to compile; on merge the messages branch's file replaces this one.
 * Every kind the subscribe module names (priorities, moments) is checked against this union,
 * so a name that differs is a compile error at merge time, not a silent miss.
 */
export const MESSAGE_KINDS = [
  'binding.approved',
  'binding.rejected',
  'order.confirmed',
  'order.expiring',
  'order.cancelled',
  'order.refunded',
  'parcel.assigned',
  'parcel.picked_up',
  'parcel.at_door',
  'parcel.contactless',
  'parcel.failed',
  'fair_share.result',
  'medicine.quoted',
  'medicine.quote_expiring',
  'medicine.rejected',
  'medicine.bought',
  'medicine.delivered',
  'volunteer.approved',
  'task.assigned',
  'task.taken_back',
  'pharmacy.request',
  'pharmacy.urgent',
  'staff.medicine_overdue',
  'staff.parcel_failed',
] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];
