import { View } from '@tarojs/components';
import { ROLE_INVITE_STATUS_LABELS, type RoleInviteView } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { formatTime } from '@/utils/format';
import { inviteRoleName } from '@/utils/invite-code';

interface InviteListProps {
  invites: RoleInviteView[];
  busy: boolean;
  onCancel: (invite: RoleInviteView) => void;
}

/** The community's invite codes: open ones (to pass on or take back), and who used the others. */
export function InviteList({ invites, busy, onCancel }: InviteListProps) {
  if (invites.length === 0) return null;
  return (
    <View className="people-invites" id="invite-list">
      <View className="section-title">邀请码</View>
      {invites.map((invite) => (
        <View key={invite.id} className="card" id={`invite-${invite.id}`}>
          <View className="head-row">
            <View className="card-title">{inviteRoleName(invite.role, invite.squad)}</View>
            <View className={`state-badge people-status--${invite.status.toLowerCase()}`}>{ROLE_INVITE_STATUS_LABELS[invite.status]}</View>
          </View>
          <View className="people-invites__code">{invite.code}</View>
          {invite.note ? <View className="text">{`备注：${invite.note}`}</View> : null}
          <View className="muted">{`${invite.createdBy.nickname} ${formatTime(invite.createdAt)} 生成`}</View>
          {invite.usedBy ? (
            <View className="text">{`${invite.usedBy.nickname} ${formatTime(invite.usedAt)} 使用`}</View>
          ) : invite.status === 'OPEN' ? (
            <View className="muted">{`${formatTime(invite.expiresAt)} 前有效`}</View>
          ) : null}
          {invite.status === 'OPEN' ? (
            <View className="gap-top">
              <Button id={`invite-${invite.id}-cancel`} size="large" block fill="outline" loading={busy} onClick={() => onCancel(invite)}>
                作废这个邀请码
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
