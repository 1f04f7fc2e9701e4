import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CLASS_KIND_LABELS, type ClassView } from '@linli/shared-types';
import { listClasses } from '@/api';
import { ListStatus } from '@/components/ListStatus';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { useHouseholdData } from '@/hooks/useHouseholdData';
import { formatHours } from '@/utils/format';
import { residentBadge } from '../class-texts';
import '../classes.css';
import { usePageClass } from '@/hooks/useElderly';

function ClassCard({ c }: { c: ClassView }) {
  const badge = residentBadge(c);
  return (
    <View id={`class-${c.id}`} className="card" onClick={() => void Taro.navigateTo({ url: `/activities/class/index?id=${c.id}` })}>
      <View className="head-row">
        <View className="card-title head-row__title">{c.title}</View>
        <View id={`class-${c.id}-badge`} className={`class-badge class-badge--${badge.tone}`}>
          {badge.text}
        </View>
      </View>
      <View className="class-card__meta">{`${CLASS_KIND_LABELS[c.kind]} · ${c.teacher} 老师`}</View>
      <View className="class-card__meta">{formatHours(c.startsAt, c.endsAt)}</View>
    </View>
  );
}

/** 线上课堂: classes for my building, upcoming soonest first, then past ones (with 回放). */
export default function ClassesPage() {
  const pageClass = usePageClass();
  const { data: classes, noHousehold } = useHouseholdData(listClasses);
  if (noHousehold) return <NoHouseholdPage />;

  const upcoming = (classes ?? []).filter((c) => c.phase === 'UPCOMING' || c.phase === 'LIVE');
  const past = (classes ?? []).filter((c) => c.phase === 'OVER' || c.phase === 'CANCELLED');
  return (
    <View className={pageClass}>
      <ListStatus items={classes} empty="现在没有课程，社区安排后会显示在这里" emptyId="classes-empty" />
      {upcoming.length > 0 ? <View className="section-title">即将开课</View> : null}
      {upcoming.map((c) => (
        <ClassCard key={c.id} c={c} />
      ))}
      {past.length > 0 ? <View className="section-title">往期课程（可看回放）</View> : null}
      {past.map((c) => (
        <ClassCard key={c.id} c={c} />
      ))}
    </View>
  );
}
