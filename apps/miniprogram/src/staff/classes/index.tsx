import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CLASS_KIND_LABELS, type StaffClassView } from '@linli/shared-types';
import { listStaffClasses, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { useRefresh } from '@/hooks/useRefresh';
import { formatHours } from '@/utils/format';
import { seatsText, staffBadge } from '../../activities/class-texts';
import { usePageClass } from '@/hooks/useElderly';

/** 课堂管理: every class of the community, latest first, with its sign-ups. */
export default function StaffClassesPage() {
  const pageClass = usePageClass();
  const [classes, setClasses] = useState<StaffClassView[] | null>(null);

  useRefresh(async () => {
    try {
      setClasses(await listStaffClasses());
    } catch (error) {
      showApiError(error);
    }
  });

  return (
    <View className={pageClass}>
      <Button id="class-new" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: '/staff/class-edit/index' })}>
        新建课程
      </Button>
      <View className="gap-top" />
      <ListStatus items={classes} empty="还没有安排课程" emptyId="staff-classes-empty" />
      {(classes ?? []).map((c) => (
        <View
          key={c.id}
          id={`staff-class-${c.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/staff/class-signups/index?id=${c.id}` })}
        >
          <View className="head-row">
            <View className="card-title head-row__title">{c.title}</View>
            <View className="state-badge">{staffBadge(c)}</View>
          </View>
          <View className="muted">{`${CLASS_KIND_LABELS[c.kind]} · ${c.teacher} 老师 · ${c.audience}`}</View>
          <View className="muted">{formatHours(c.startsAt, c.endsAt)}</View>
          <View id={`staff-class-${c.id}-figures`} className="big-text gap-top">
            {`已报名 ${c.signed} 户 · ${seatsText(c)}`}
          </View>
          <View className="entry__arrow">查看报名 ›</View>
        </View>
      ))}
    </View>
  );
}
