import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CONTEST_KIND_LABELS, CONTEST_PHASE_LABELS, type ContestView } from '@linli/shared-types';
import { listStaffContests, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { useRefresh } from '@/hooks/useRefresh';
import { formatTime } from '@/utils/format';
import { usePageClass } from '@/hooks/useElderly';

/** 比赛管理: the community's contests, newest first; each opens its review queue. */
export default function StaffContestsPage() {
  const pageClass = usePageClass();
  const [contests, setContests] = useState<ContestView[] | null>(null);
  useRefresh(async () => {
    try {
      setContests(await listStaffContests());
    } catch (error) {
      showApiError(error);
    }
  });

  return (
    <View className={pageClass}>
      <Button id="contest-new" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: '/staff/contest-edit/index' })}>
        新建比赛
      </Button>
      <View className="gap-top" />
      <ListStatus items={contests} empty="还没有办过比赛" emptyId="staff-contests-empty" />
      {(contests ?? []).map((c) => (
        <View
          key={c.id}
          id={`staff-contest-${c.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/staff/contest-review/index?id=${c.id}` })}
        >
          <View className="card-title">{c.title}</View>
          <View className="muted">
            {CONTEST_KIND_LABELS[c.kind]} · {CONTEST_PHASE_LABELS[c.phase]} · {c.mode === 'vote' ? '居民投票' : '评委打分'}
          </View>
          <View className="muted">
            征集 {formatTime(c.entryStartsAt)} ~ {formatTime(c.entryEndsAt)}
          </View>
          <View className="entry__arrow">审核作品 ›</View>
        </View>
      ))}
    </View>
  );
}
