import { INVITE_ROLE_LABELS, SQUAD_LABELS, type InviteRole, type Squad } from '@linli/shared-types';

/** Invite codes: 8 characters from A–Z and 2–9 without look-alikes (no I, L, O, 0, 1), as the server makes them. */
export const INVITE_CODE_LENGTH = 8;
const CODE_PATTERN = /^[A-HJKMNP-Z2-9]{8}$/;

/** What the person typed, as the code: capitals, no spaces or dashes. */
export function normalizeCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

/** The message to show under the box, or null when the code can be sent. */
export function checkCode(code: string): string | null {
  return CODE_PATTERN.test(code) ? null : `请输入 ${INVITE_CODE_LENGTH} 位邀请码（字母和数字）`;
}

/** What an invite makes of its holder, in words (「配送组组长」). */
export function inviteRoleName(role: InviteRole, squad: Squad | null): string {
  return role === 'squad_leader' && squad ? `${SQUAD_LABELS[squad]}组长` : INVITE_ROLE_LABELS[role];
}

/** What the holder of each role can do, for the inviter and the invitee. */
export const INVITE_ROLE_DUTIES: Record<InviteRole, string> = {
  staff: '审核住户绑定、管理住户、开订购批次、派单、管理志愿者和药房',
  supervisor: '社区工作人员能做的都能做，还能邀请和撤销督导',
  squad_leader: '成为志愿者，带领自己的小组，查看组员在岗情况和服务时长',
  counsellor: '接听居民的心理疏导求助；对话只有您和求助的居民能看到',
};
