import { BINDING_FLOW, MEDICINE_FLOW, ORDER_FLOW, PARCEL_FLOW, checkFlow } from '@linli/shared-types';

/** Every workflow table with its initial state; checked once at boot. */
const FLOWS = {
  binding: checkFlow(BINDING_FLOW, 'PENDING'),
  order: checkFlow(ORDER_FLOW, 'PENDING_PAYMENT'),
  parcel: checkFlow(PARCEL_FLOW, 'READY'),
  medicine: checkFlow(MEDICINE_FLOW, 'SUBMITTED'),
};

/** Refuses to start with a broken workflow table (unknown or unreachable state). */
export function assertFlowsSound(): void {
  const problems = Object.entries(FLOWS).flatMap(([name, issues]) => issues.map((p) => `${name}: ${p}`));
  if (problems.length > 0) throw new Error(`Broken workflow tables:\n${problems.join('\n')}`);
}
