import { useMemo, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { HELP_STATS_PERIOD_LABELS, HELP_STATS_PERIODS, type HelpFigures, type HelpStats, type HelpStatsPeriod } from '@linli/shared-types';
import { downloadHelpStatsXlsx, getHelpStats, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { Segments } from '@/components/Segments';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { SeriesChart } from '../charts/SeriesChart';
import { shortDay } from '../charts/series';
import { minutesText, percentText, summaryFigures } from './display';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

const PERIODS = HELP_STATS_PERIODS.map((value) => ({ value, label: HELP_STATS_PERIOD_LABELS[value] }));

/** One row of a table: who or what, then the figures supervisors compare. */
function FiguresRow({ id, name, f }: { id: string; name: string; f: HelpFigures }) {
  return (
    <View className="hs-row" id={id}>
      <View className="hs-cell hs-cell--name">{name}</View>
      <View className="hs-cell" id={`${id}-requests`}>
        {f.requests}
      </View>
      <View className="hs-cell" id={`${id}-median`}>
        {minutesText(f.medianFirstResponseMinutes)}
      </View>
      <View className="hs-cell" id={`${id}-p90`}>
        {minutesText(f.p90FirstResponseMinutes)}
      </View>
      <View className="hs-cell" id={`${id}-in-time`}>
        {percentText(f.withinDeadlineShare)}
      </View>
      <View className={f.overdueNow > 0 ? 'hs-cell hs-cell--alert' : 'hs-cell'} id={`${id}-overdue`}>
        {f.overdueNow}
      </View>
    </View>
  );
}

function FiguresHead({ name }: { name: string }) {
  return (
    <View className="hs-row hs-row--head">
      <View className="hs-cell hs-cell--name">{name}</View>
      <View className="hs-cell">求助</View>
      <View className="hs-cell">中位(分)</View>
      <View className="hs-cell">90%(分)</View>
      <View className="hs-cell">按时</View>
      <View className="hs-cell">超时</View>
    </View>
  );
}

/**
 * 求助统计 (supervisors, issue 17): how fast and how reliably help requests were answered — the
 * big figures, a chart per building and per day, tables per responder and per category, over
 * today, the last 7 days or the lockdown so far; and the same as an Excel workbook.
 */
export default function StaffHelpStatsPage() {
  const pageClass = usePageClass();
  const [period, setPeriod] = useState<HelpStatsPeriod>('today');
  const [stats, setStats] = useState<HelpStats | null>(null);

  // Switching fast: only the answer to the last ask is shown.
  const asked = useRef(0);
  const load = async (p: HelpStatsPeriod = period) => {
    const ask = ++asked.current;
    try {
      const next = await getHelpStats(p);
      if (ask === asked.current) setStats(next);
    } catch (error) {
      if (ask === asked.current) showApiError(error);
    }
  };
  useRefresh(() => load());

  const choose = (next: HelpStatsPeriod) => {
    setPeriod(next);
    void load(next);
  };

  // A download changes nothing on the server; useAction gives the busy flag and the error toast.
  const exportXlsx = useAction(async (p: HelpStatsPeriod) => downloadHelpStatsXlsx(p));

  // Kept between renders so the charts redraw only for new figures.
  const buildingNames = useMemo(() => (stats ? stats.byBuilding.map((b) => b.buildingName) : []), [stats]);
  const buildingMinutes = useMemo(
    () => (stats ? [{ name: '首次响应中位数（分钟）', values: stats.byBuilding.map((b) => b.medianFirstResponseMinutes ?? 0) }] : []),
    [stats],
  );
  const buildingShares = useMemo(
    () =>
      stats
        ? [
            {
              name: '按时响应率（%）',
              values: stats.byBuilding.map((b) => (b.withinDeadlineShare === null ? 0 : Math.round(b.withinDeadlineShare * 100))),
            },
          ]
        : [],
    [stats],
  );
  const days = useMemo(() => (stats ? stats.daily.map((d) => shortDay(d.date)) : []), [stats]);
  const daily = useMemo(
    () =>
      stats
        ? [
            { name: '求助', values: stats.daily.map((d) => d.requests) },
            { name: '已响应', values: stats.daily.map((d) => d.answered) },
            { name: '按时响应', values: stats.daily.map((d) => d.withinDeadline) },
          ]
        : [],
    [stats],
  );
  const empty = stats !== null && stats.total.requests === 0;

  return (
    <View className={pageClass}>
      <View className="card">
        <Segments idPrefix="help-period" options={PERIODS} value={period} onChange={choose} />
        {stats ? (
          <View className="hs-summary" id="help-stats-summary">
            {summaryFigures(stats.total).map((f) => (
              <View key={f.id} className="hs-figure">
                <View className="hs-figure__label">{f.label}</View>
                <View className={f.alert ? 'hs-figure__value hs-figure__value--alert' : 'hs-figure__value'}>
                  <View id={`help-stats-${f.id}`} className="hs-figure__number">
                    {f.value}
                  </View>
                  {f.unit ? <View className="hs-figure__unit">{f.unit}</View> : null}
                </View>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      {stats === null ? <View className="loading">正在加载…</View> : null}

      {empty ? (
        <View className="empty" id="help-stats-empty">
          这段时间还没有求助
        </View>
      ) : null}

      {stats && !empty ? (
        <>
          <View className="card" id="help-stats-buildings">
            <View className="card-title">各楼栋首次响应（分钟）</View>
            <SeriesChart
              id="help-building-chart"
              type="column"
              categories={buildingNames}
              series={buildingMinutes}
              maxLabels={buildingNames.length}
            />
            <View className="card-title">各楼栋按时响应率（%）</View>
            <SeriesChart
              id="help-building-share-chart"
              type="column"
              categories={buildingNames}
              series={buildingShares}
              maxLabels={buildingNames.length}
            />
            <View className="hs-table">
              <FiguresHead name="楼栋" />
              {stats.byBuilding.map((b) => (
                <FiguresRow key={b.buildingId} id={`building-${b.buildingId}`} name={b.buildingName} f={b} />
              ))}
            </View>
          </View>

          <View className="card" id="help-stats-daily">
            <View className="card-title">每天求助与响应</View>
            <SeriesChart id="help-daily-chart" categories={days} series={daily} maxLabels={7} />
          </View>

          <View className="card" id="help-stats-responders">
            <View className="card-title">按处理人（首次响应的人）</View>
            {stats.byResponder.length === 0 ? <View className="hs-none">还没有人响应</View> : null}
            <View className="hs-table">
              {stats.byResponder.length > 0 ? <FiguresHead name="处理人" /> : null}
              {stats.byResponder.map((r) => (
                <FiguresRow key={r.userId} id={`responder-${r.userId}`} name={r.name} f={r} />
              ))}
            </View>
          </View>

          <View className="card" id="help-stats-categories">
            <View className="card-title">按类别</View>
            <View className="hs-table">
              <FiguresHead name="类别" />
              {stats.byCategory.map((c) => (
                <FiguresRow key={c.category} id={`category-${c.category}`} name={c.label} f={c} />
              ))}
            </View>
          </View>
        </>
      ) : null}

      {stats ? (
        <View className="hs-export">
          <Button id="help-stats-export" size="large" block loading={exportXlsx.busy} onClick={() => void exportXlsx.run(period)}>
            导出Excel
          </Button>
        </View>
      ) : null}
    </View>
  );
}
