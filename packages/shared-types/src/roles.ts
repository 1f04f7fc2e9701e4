/** Roles a user can hold in a community. One person may hold several (resident and volunteer). */
export const ROLES = ['resident', 'volunteer', 'pharmacist', 'staff', 'supervisor', 'counsellor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who can trigger a workflow transition: a person in a role, the server itself (timers, events),
 * or a help request's `responder` (its household's team member, a counsellor, a supervisor).
 */
export type Actor = Role | 'system' | 'responder';

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  pharmacist: '药房人员',
  staff: '社区工作人员',
  supervisor: '督导',
  counsellor: '心理咨询师',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
