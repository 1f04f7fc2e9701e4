import type { Flow } from './flow';

/** A resident's request to be recognised as living in a household; staff decide. */
export const BINDING_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'] as const;
export type BindingState = (typeof BINDING_STATES)[number];

export const BINDING_FLOW = {
  PENDING: { APPROVED: ['staff', 'supervisor'], REJECTED: ['staff', 'supervisor'], CANCELLED: ['resident'] },
  APPROVED: {},
  REJECTED: {},
  CANCELLED: {},
} as const satisfies Flow<BindingState>;

export const BINDING_STATE_LABELS: Record<BindingState, string> = {
  PENDING: '等待社区审核',
  APPROVED: '已通过',
  REJECTED: '未通过',
  CANCELLED: '已撤回',
};

/** The button text for moving a binding request into a state. */
export const BINDING_ACTION_LABELS: Record<Exclude<BindingState, 'PENDING'>, string> = {
  APPROVED: '通过',
  REJECTED: '驳回',
  CANCELLED: '撤回申请',
};
