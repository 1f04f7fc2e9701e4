import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { listContests } from '@/api';
import { ListStatus } from '@/components/ListStatus';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { useHouseholdData } from '@/hooks/useHouseholdData';
import { contestPeriods, contestTag } from '../contest-texts';
import '../contests.css';
import { usePageClass } from '@/hooks/useElderly';

/** 比赛评选: the contests of my community, newest first. */
export default function ContestsPage() {
  const pageClass = usePageClass();
  const { data: contests, noHousehold } = useHouseholdData(listContests);
  if (noHousehold) return <NoHouseholdPage />;

  return (
    <View className={pageClass}>
      <ListStatus items={contests} empty="现在没有比赛" emptyId="contests-empty" />
      {(contests ?? []).map((c) => (
        <View
          key={c.id}
          id={`contest-${c.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/activities/contest/index?id=${c.id}` })}
        >
          <View className={`contest-phase${c.phase === 'published' ? ' contest-phase--done' : ''}`}>{contestTag(c)}</View>
          <View className="card-title">{c.title}</View>
          <View className="muted">征集：{contestPeriods(c).entries}</View>
          <View className="muted">
            {c.mode === 'vote' ? '投票' : '评审'}：{contestPeriods(c).votes}
          </View>
          <View className="entry__arrow">已有 {c.approvedEntries} 件作品 ›</View>
        </View>
      ))}
    </View>
  );
}
