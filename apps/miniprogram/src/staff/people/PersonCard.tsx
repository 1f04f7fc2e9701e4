import { View } from '@tarojs/components';
import { type PersonView, type RevocableRole } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { formatTime } from '@/utils/format';
import { revocable, revokeLabel, ROLE_SHORT, squadText } from './groups';

interface PersonCardProps {
  person: PersonView;
  /** The group it is shown in (its buttons are shown once, in the person's first group). */
  showActions: boolean;
  onRevoke: (person: PersonView, role: RevocableRole) => void;
}

/** One person: name, phone, each role since when and from whom, and the roles to take away. */
export function PersonCard({ person, showActions, onRevoke }: PersonCardProps) {
  return (
    <View className="card people-card" id={`person-${person.userId}`}>
      <View className="card-title">{person.nickname}</View>
      <LabelValue label="手机">{person.phone ?? '未填'}</LabelValue>
      {person.roles.some((r) => r.role === 'volunteer') ? <LabelValue label="小组">{squadText(person)}</LabelValue> : null}
      {person.pharmacy ? <LabelValue label="药房">{person.pharmacy.name}</LabelValue> : null}
      {person.roles.map((r) => (
        <LabelValue key={r.role} label={ROLE_SHORT[r.role]}>
          {r.since ? `${formatTime(r.since)} 起` : '早已加入'}
          {r.grantedBy ? `，${r.grantedBy.nickname}邀请` : ''}
        </LabelValue>
      ))}
      {showActions ? (
        <View className="button-stack gap-top">
          {revocable(person).map((role) => (
            <Button
              key={role}
              id={`person-${person.userId}-revoke-${role}`}
              size="large"
              block
              fill="outline"
              type="danger"
              onClick={() => onRevoke(person, role)}
            >
              {revokeLabel(role)}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  );
}
