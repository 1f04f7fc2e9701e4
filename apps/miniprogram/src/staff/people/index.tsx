import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { PersonView, RevocableRole, RoleInviteView } from '@linli/shared-types';
import { cancelRoleInvite, listPeople, listRoleInvites, revokeRole, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ReasonDialog } from '@/components/ReasonDialog';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { useSession } from '@/hooks/useSession';
import { GROUPS, peopleIn, revokeLabel } from './groups';
import { InviteCard } from './InviteCard';
import { InviteList } from './InviteList';
import { PersonCard } from './PersonCard';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

const REVOKE_REASON = { min: 2, max: 200, message: '请写明撤销的原因（2 到 200 个字）' };

/**
 * 人员与权限: who holds which role in the community (督导, 工作人员, 志愿者, 药房人员), 「邀请」 by
 * a one-time code, taking a role away with a reason.
 */
export default function StaffPeoplePage() {
  const pageClass = usePageClass();
  const session = useSession();
  const [people, setPeople] = useState<PersonView[] | null>(null);
  const [invites, setInvites] = useState<RoleInviteView[]>([]);
  const [inviting, setInviting] = useState(false);
  const [revoking, setRevoking] = useState<{ person: PersonView; role: RevocableRole } | null>(null);
  const isSupervisor = session?.me.roles.includes('supervisor') ?? false;

  const load = async () => {
    try {
      const [found, codes] = await Promise.all([listPeople(), listRoleInvites()]);
      setPeople(found);
      setInvites(codes);
    } catch (error) {
      showApiError(error);
    }
  };

  useRefresh(load);

  const revoke = useAction(async (payload: { userId: number; role: RevocableRole; reason: string }, key: string) => {
    const result = await revokeRole(payload.userId, { role: payload.role, reason: payload.reason }, key);
    setRevoking(null);
    void Taro.showToast({ title: '已撤销', icon: 'success' });
    await load();
    return result;
  });

  const cancel = useAction(async (id: number, key: string) => {
    const result = await cancelRoleInvite(id, key);
    setInvites((prev) => prev.map((i) => (i.id === id ? result : i)));
    return result;
  });

  const shown = new Set<number>();

  return (
    <View className={pageClass}>
      {inviting ? (
        <InviteCard
          canInviteSupervisor={isSupervisor}
          onCreated={(invite) => setInvites((prev) => [invite, ...prev])}
          onClose={() => setInviting(false)}
        />
      ) : (
        <View className="sw-new">
          <Button id="people-invite" type="primary" size="large" block onClick={() => setInviting(true)}>
            邀请
          </Button>
        </View>
      )}

      {people === null ? <View className="loading">正在加载…</View> : null}

      {people
        ? GROUPS.map((group) => {
            const members = peopleIn(people, group.role);
            return (
              <View key={group.role} id={`people-group-${group.role}`} className="people-group">
                <View className="section-title">{`${group.title}（${members.length}）`}</View>
                {members.length === 0 ? <View className="empty">还没有</View> : null}
                {members.map((person) => {
                  const first = !shown.has(person.userId);
                  shown.add(person.userId);
                  return (
                    <PersonCard
                      key={person.userId}
                      person={person}
                      showActions={first}
                      onRevoke={(p, role) => setRevoking({ person: p, role })}
                    />
                  );
                })}
              </View>
            );
          })
        : null}

      <InviteList invites={invites} busy={cancel.busy} onCancel={(invite) => void cancel.run(invite.id)} />

      <ReasonDialog
        visible={revoking !== null}
        resetKey={revoking}
        title={revoking ? revokeLabel(revoking.role) : ''}
        confirmText="确认撤销"
        subject={revoking ? `${revoking.person.nickname}：撤销后立即不能再使用这个身份的功能。请写明原因（会记录在案）。` : ''}
        placeholder="例如：已调离本社区"
        rule={REVOKE_REASON}
        inputId="revoke-reason"
        errorId="revoke-reason-error"
        busy={revoke.busy}
        onConfirm={(reason) => revoking && void revoke.run({ userId: revoking.person.userId, role: revoking.role, reason })}
        onCancel={() => setRevoking(null)}
      />
    </View>
  );
}
