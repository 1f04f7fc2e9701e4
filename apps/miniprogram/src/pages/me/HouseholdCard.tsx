import { View } from '@tarojs/components';
import type { HouseholdView } from '@linli/shared-types';
import { HouseholdTags } from '@/components/HouseholdTags';
import { LabelValue } from '@/components/LabelValue';

/** The resident's own household: the door, how many live there, care tags, who is bound to it. */
export function HouseholdCard({ household }: { household: HouseholdView }) {
  return (
    <View className="card" id="household-card">
      <View className="card-title">我的住户</View>
      <View className="big-text me__address">{household.address}</View>
      <LabelValue label="人数">{`${household.headcount} 人`}</LabelValue>
      {household.zone ? <LabelValue label="封控片区">{household.zone}</LabelValue> : null}
      {household.contactName ? (
        <LabelValue label="联系人">
          {household.contactPhone ? `${household.contactName}  ${household.contactPhone}` : household.contactName}
        </LabelValue>
      ) : null}
      {household.tags.length > 0 ? (
        <View className="gap-top">
          <HouseholdTags tags={household.tags} />
        </View>
      ) : null}
      {household.members.length > 0 ? (
        <View className="gap-top">
          <View className="section-title">家庭成员</View>
          {household.members.map((member) => (
            <View key={member.userId} className="me__member">
              <View className="me__member-name">{member.nickname}</View>
              <View className="me__member-phone">{member.phone ?? '未留电话'}</View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
