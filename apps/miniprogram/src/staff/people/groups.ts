import { ROLE_LABELS, SQUAD_LABELS, type PersonView, type RevocableRole, type Role } from '@linli/shared-types';

/** The groups of 「人员与权限」, in the order shown. */
export const GROUPS: { role: Role; title: string }[] = [
  { role: 'supervisor', title: '督导' },
  { role: 'staff', title: '社区工作人员' },
  { role: 'volunteer', title: '志愿者' },
  { role: 'pharmacist', title: '药房人员' },
];

/** The people holding `role`; volunteers with squad leaders first. */
export function peopleIn(people: PersonView[], role: Role): PersonView[] {
  const holders = people.filter((p) => p.roles.some((r) => r.role === role));
  return role === 'volunteer' ? [...holders].sort((a, b) => Number(b.leader) - Number(a.leader)) : holders;
}

/** The roles of a person staff could take away, as the buttons under their name. */
export function revocable(person: PersonView): RevocableRole[] {
  const held = person.roles.map((r) => r.role);
  const out: RevocableRole[] = [];
  if (held.includes('supervisor')) out.push('supervisor');
  if (held.includes('staff')) out.push('staff');
  if (held.includes('volunteer') && person.leader) out.push('squad_leader');
  if (held.includes('volunteer')) out.push('volunteer');
  if (held.includes('pharmacist')) out.push('pharmacist');
  return out;
}

/** A role as the short label column of a person's card (「社区工作人员」 would wrap there). */
export const ROLE_SHORT: Record<Role, string> = { ...ROLE_LABELS, staff: '工作人员', pharmacist: '药房' };

/** 「撤销督导」「撤销小组长」… */
export function revokeLabel(role: RevocableRole): string {
  return role === 'squad_leader' ? '撤销小组长' : `撤销${role === 'staff' ? '工作人员' : ROLE_LABELS[role]}`;
}

/** What a volunteer does here: 「配送组 · 组长」. */
export function squadText(person: PersonView): string {
  if (!person.squad) return '未分组';
  return `${SQUAD_LABELS[person.squad]}${person.leader ? ' · 组长' : ''}`;
}
