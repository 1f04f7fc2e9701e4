import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { INVITE_ROLES, SQUADS, SQUAD_LABELS, type InviteRole, type RoleInviteView, type Squad } from '@linli/shared-types';
import { createRoleInvite } from '@/api';
import { Choices } from '@/components/Choices';
import { Field } from '@/components/Field';
import { Button } from '@/components/nutui';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { formatTime } from '@/utils/format';
import { INVITE_ROLE_DUTIES, inviteRoleName } from '@/utils/invite-code';

interface InviteCardProps {
  /** Supervisors may invite supervisors; staff may not. */
  canInviteSupervisor: boolean;
  onCreated: (invite: RoleInviteView) => void;
  onClose: () => void;
}

/** 「邀请」: choose the role (and a squad leader's squad), get a one-time code to pass on. */
export function InviteCard({ canInviteSupervisor, onCreated, onClose }: InviteCardProps) {
  const [role, setRole] = useState<InviteRole | null>(null);
  const [squad, setSquad] = useState<Squad | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [made, setMade] = useState<RoleInviteView | null>(null);
  const roles = INVITE_ROLES.filter((r) => r !== 'supervisor' || canInviteSupervisor);

  const create = useAction(async (body: { role: InviteRole; squad?: Squad; note?: string }, key: string) => {
    const invite = await createRoleInvite(body, key);
    setMade(invite);
    onCreated(invite);
    return invite;
  });

  const submit = () => {
    if (!role) return setError('请选择要邀请的身份');
    if (role === 'squad_leader' && !squad) return setError('请选择小组长负责哪个小组');
    setError('');
    void create.run({ role, ...(role === 'squad_leader' && squad ? { squad } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
  };

  const copy = (code: string) => void Taro.setClipboardData({ data: code });

  if (made) {
    return (
      <View className="card people-invite" id="invite-result">
        <View className="card-title">{`邀请码：${inviteRoleName(made.role, made.squad)}`}</View>
        <View className="people-invite__code" id="invite-code-value">
          {made.code}
        </View>
        <View className="text">{`只能用一次，${formatTime(made.expiresAt)} 前有效`}</View>
        <View className="text gap-top">
          请对方打开小程序，在「我的」页面点「我有邀请码」，输入这 8 位邀请码。输入后对方就是
          {inviteRoleName(made.role, made.squad)}，可以：{INVITE_ROLE_DUTIES[made.role]}。
        </View>
        <View className="button-stack gap-top">
          <Button id="invite-copy" type="primary" size="large" block onClick={() => copy(made.code)}>
            复制邀请码
          </Button>
          <Button id="invite-close" size="large" block fill="outline" onClick={onClose}>
            完成
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="card" id="invite-form">
      <View className="card-title">邀请谁来帮忙？</View>
      <Field label="身份" error={role ? undefined : error || undefined}>
        <Choices
          idPrefix="invite-role"
          columns={1}
          options={roles.map((r) => ({ value: r, label: `${inviteRoleName(r, null)}：${INVITE_ROLE_DUTIES[r]}` }))}
          selected={role ? [role] : []}
          onToggle={(value) => {
            setRole(value);
            setError('');
          }}
        />
      </Field>
      {role === 'squad_leader' ? (
        <Field label="负责的小组" error={squad ? undefined : error || undefined}>
          <Choices
            idPrefix="invite-squad"
            columns={2}
            options={SQUADS.map((s) => ({ value: s, label: SQUAD_LABELS[s] }))}
            selected={squad ? [squad] : []}
            onToggle={(value) => {
              setSquad(value);
              setError('');
            }}
          />
        </Field>
      ) : null}
      <Field label="备注（给谁的，可不填）">
        <TextInput id="invite-note" value={note} onChange={setNote} placeholder="例如 3栋 王阿姨" maxlength={100} />
      </Field>
      <View className="button-stack gap-top">
        <Button id="invite-create" type="primary" size="large" block loading={create.busy} onClick={submit}>
          生成邀请码
        </Button>
        <Button id="invite-cancel-form" size="large" block fill="outline" onClick={onClose}>
          取消
        </Button>
      </View>
    </View>
  );
}
