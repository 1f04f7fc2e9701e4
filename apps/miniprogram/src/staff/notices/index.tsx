import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { StaffNoticeView } from '@linli/shared-types';
import { listStaffNotices, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { NoticeTags } from '@/components/NoticeTags';
import { useRefresh } from '@/hooks/useRefresh';
import { formatTime } from '@/utils/format';
import { NOTICE_STATUS_LABELS, readFigure } from './texts';
import { usePageClass } from '@/hooks/useElderly';

/** 通知公告 for staff: every notice of the community, newest first, with how many households read it. */
export default function StaffNoticesPage() {
  const pageClass = usePageClass();
  const [notices, setNotices] = useState<StaffNoticeView[] | null>(null);

  useRefresh(async () => {
    try {
      setNotices(await listStaffNotices());
    } catch (error) {
      showApiError(error);
    }
  });

  return (
    <View className={pageClass}>
      <Button id="notice-new" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: '/staff/notices-edit/index' })}>
        发布通知
      </Button>
      <View className="gap-top" />
      <ListStatus items={notices} empty="还没有发过通知" emptyId="staff-notices-empty" />
      {(notices ?? []).map((n) => (
        <View
          key={n.id}
          id={`staff-notice-${n.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/staff/notices-reads/index?id=${n.id}` })}
        >
          <NoticeTags notice={n} idPrefix={`staff-notice-${n.id}`} />
          <View className="card-title">{n.title}</View>
          <View className="muted">
            {NOTICE_STATUS_LABELS[n.status]} · {n.audience} · {formatTime(n.publishAt)}
            {n.editedAt ? ' · 已修改' : ''}
          </View>
          <View id={`staff-notice-${n.id}-reads`} className="big-text gap-top">
            {readFigure(n.readHouseholds, n.reachedHouseholds)}
          </View>
          <View className="entry__arrow">查看阅读情况 ›</View>
        </View>
      ))}
    </View>
  );
}
