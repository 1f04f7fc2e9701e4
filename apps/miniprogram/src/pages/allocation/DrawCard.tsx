import { View } from '@tarojs/components';
import type { DrawRoundView } from '@linli/shared-types';
import { LabelValue } from '@/components/LabelValue';
import { formatTime } from '@/utils/format';

/**
 * One round of a published draw (card `allocation-<idPrefix>`, rows `<idPrefix>-<position>`): its figures per item and every household drawn, in order.
 * The priority mark shows where the server sends it: every row for staff, a resident's own
 * row for them (neighbours' priorities are not theirs to see).
 */
export function DrawCard({ round, idPrefix, title }: { round: DrawRoundView; idPrefix: string; title: string }) {
  return (
    <View className="card" id={`allocation-${idPrefix}`}>
      <View className="card-title">{title}</View>
      <LabelValue label="时间">{formatTime(round.drawnAt)}</LabelValue>
      <LabelValue label="参加户数">{`${round.households} 户`}</LabelValue>
      <LabelValue label="分到户数">
        <View id={`allocation-${idPrefix}-winners`}>{`${round.winners} 户`}</View>
      </LabelValue>
      {round.payBy ? (
        <LabelValue label="付款截止">
          <View id={`allocation-${idPrefix}-pay-by`}>{formatTime(round.payBy)}</View>
        </LabelValue>
      ) : null}
      {round.items.map((item) => (
        <View key={item.itemId} className="gap-top">
          <View className="big-text">{item.name}</View>
          <View className="text">{`可分 ${item.stock} 份 · 登记 ${item.requested} 份 · 分出 ${item.allocated} 份`}</View>
        </View>
      ))}
      <View className="text gap-top">顺序：</View>
      {round.draw.length === 0 ? <View className="muted">没有住户</View> : null}
      {round.draw.map((row) => (
        <View
          key={row.position}
          id={`${idPrefix}-${row.position}`}
          className={`alloc-row${row.allocated > 0 ? ' alloc-row--won' : ''}${row.mine ? ' alloc-row--mine' : ''}`}
        >
          <View className="alloc-row__pos">{`${row.position}.`}</View>
          <View className="alloc-row__door">
            {row.door}
            {row.mine ? <View className="alloc-badge alloc-badge--mine">您家</View> : null}
            {row.priority ? <View className="alloc-badge">优先</View> : null}
          </View>
          <View className="alloc-row__figures">{`登记 ${row.requested} · 分到 ${row.allocated}`}</View>
        </View>
      ))}
    </View>
  );
}
