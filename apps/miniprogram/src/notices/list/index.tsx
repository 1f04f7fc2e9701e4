import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { listNotices } from '@/api';
import { ListStatus } from '@/components/ListStatus';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { NoticeTags } from '@/components/NoticeTags';
import { useHouseholdData } from '@/hooks/useHouseholdData';
import { formatTime } from '@/utils/format';
import '../notices.css';
import { usePageClass } from '@/hooks/useElderly';

/** 通知公告: the notices for my building or zone, pinned first then newest; a red dot on the unread. */
export default function NoticesPage() {
  const pageClass = usePageClass();
  const { data: notices, noHousehold } = useHouseholdData(listNotices);
  if (noHousehold) return <NoHouseholdPage />;

  return (
    <View className={pageClass}>
      <ListStatus items={notices} empty="现在没有通知" emptyId="notices-empty" />
      {(notices ?? []).map((n) => (
        <View
          key={n.id}
          id={`notice-${n.id}`}
          className={`card notice-card${n.urgent ? ' notice-card--urgent' : ''}`}
          onClick={() => void Taro.navigateTo({ url: `/notices/detail/index?id=${n.id}` })}
        >
          {n.read ? null : <View id={`notice-${n.id}-unread`} className="notice-dot" aria-label="未读" />}
          <NoticeTags notice={n} idPrefix={`notice-${n.id}`} />
          <View className="card-title">{n.title}</View>
          <View className="notice-excerpt">{n.body.length > 60 ? `${n.body.slice(0, 60)}…` : n.body}</View>
          <View className="notice-meta">
            {formatTime(n.publishAt)}
            {n.editedAt ? ' · 已修改' : ''}
            {n.read ? ' · 已读' : ' · 未读'}
          </View>
        </View>
      ))}
    </View>
  );
}
