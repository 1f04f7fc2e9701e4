import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { NoticeSummary } from '@linli/shared-types';
import { getNoticeSummary } from '@/api';

/**
 * The first thing a resident sees on 「我的」: how many notices they have not read, and the newest
 * urgent one by its title. Tapping opens 通知公告. A failed load shows the card without figures
 * (the page's own refresh reports the network).
 */
export function NoticesCard() {
  const [summary, setSummary] = useState<NoticeSummary | null>(null);

  useDidShow(() => {
    getNoticeSummary()
      .then(setSummary)
      .catch(() => undefined);
  });

  const urgent = summary?.latestUrgent ?? null;
  return (
    <View
      id="notices-card"
      className={`card me__notices${urgent ? ' me__notices--urgent' : ''}`}
      onClick={() => void Taro.navigateTo({ url: '/notices/list/index' })}
    >
      <View className="me__notices-head">
        <View className="card-title">通知公告</View>
        {summary && summary.unread > 0 ? (
          <View id="notices-unread" className="me__notices-badge">
            {summary.unread} 条未读
          </View>
        ) : (
          <View className="muted">{summary ? '都看过了' : ''}</View>
        )}
      </View>
      {urgent ? (
        <View id="notices-urgent" className="me__notices-urgent">
          紧急：{urgent.title}
        </View>
      ) : null}
      <View className="me__notices-go">查看全部通知 ›</View>
    </View>
  );
}
