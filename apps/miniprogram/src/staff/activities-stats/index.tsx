import { useMemo, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { PARTICIPATION_KINDS, PARTICIPATION_LABELS, type ParticipationView } from '@linli/shared-types';
import { getParticipation, showApiError } from '@/api';
import { Segments } from '@/components/Segments';
import { useRefresh } from '@/hooks/useRefresh';
import { SeriesChart } from '../charts/SeriesChart';
import { hasValues, shortDay } from '../charts/series';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

type Period = '7' | '14' | '30';

const PERIODS: { value: Period; label: string }[] = [
  { value: '7', label: '近7天' },
  { value: '14', label: '近14天' },
  { value: '30', label: '近30天' },
];

/** 活动参与统计: sign-ups, entries, votes and quiz attempts per day (a chart) and per building (a table). */
export default function StaffActivitiesStatsPage() {
  const pageClass = usePageClass();
  const [period, setPeriod] = useState<Period>('14');
  const [view, setView] = useState<ParticipationView | null>(null);

  // Switching fast (7, then 30): only the answer to the last ask is shown.
  const asked = useRef(0);

  const load = async (days: Period = period) => {
    const ask = ++asked.current;
    try {
      const next = await getParticipation(Number(days));
      if (ask === asked.current) setView(next);
    } catch (error) {
      if (ask === asked.current) showApiError(error);
    }
  };

  useRefresh(() => load());

  const choose = (next: Period) => {
    setPeriod(next);
    void load(next);
  };

  // Kept between renders so the chart redraws only for new figures.
  const series = useMemo(() => (view ? view.series.map((s) => ({ name: s.label, values: s.perDay })) : []), [view]);
  const categories = useMemo(() => (view ? view.days.map(shortDay) : []), [view]);
  const empty = view !== null && !hasValues(series);

  return (
    <View className={pageClass}>
      <View className="card">
        <Segments idPrefix="stats-days" options={PERIODS} value={period} onChange={choose} />
        {view ? (
          <View className="as-totals" id="stats-totals">
            {PARTICIPATION_KINDS.map((kind) => (
              <View key={kind} className="as-total">
                <View className="as-total__figure" id={`total-${kind}`}>
                  {view.totals[kind]}
                </View>
                <View className="as-total__label">{PARTICIPATION_LABELS[kind]}</View>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      {view === null ? <View className="loading">正在加载…</View> : null}

      {empty ? (
        <View className="empty" id="stats-empty">
          这段时间还没有人报名、投稿、投票或答题
        </View>
      ) : null}

      {view && !empty ? (
        <View className="card" id="stats-chart">
          <View className="card-title">每天参与</View>
          <SeriesChart id="participation-chart" categories={categories} series={series} maxLabels={period === '7' ? 7 : 6} />
        </View>
      ) : null}

      {view && !empty ? (
        <View className="card" id="stats-buildings">
          <View className="card-title">各楼栋</View>
          <View className="as-table">
            <View className="as-row as-row--head">
              <View className="as-cell as-cell--name">楼栋</View>
              {PARTICIPATION_KINDS.map((kind) => (
                <View key={kind} className="as-cell">
                  {PARTICIPATION_LABELS[kind]}
                </View>
              ))}
            </View>
            {view.perBuilding.map((b) => (
              <View key={b.buildingId} className="as-row" id={`building-${b.buildingId}`}>
                <View className="as-cell as-cell--name">{b.name}</View>
                {PARTICIPATION_KINDS.map((kind) => (
                  <View key={kind} className="as-cell" id={`building-${b.buildingId}-${kind}`}>
                    {b.figures[kind]}
                  </View>
                ))}
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}
