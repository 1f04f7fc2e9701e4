import { View } from '@tarojs/components';
import { PARCEL_MISS_REASON_LABELS, PARCEL_STATE_LABELS, UNCLAIMED_LABEL, type LateParcelView } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { formatDate } from '@/utils/format';
import { stateTone } from '../parcels/states';

interface LateCardProps {
  parcel: LateParcelView;
  /** Past its delivery date. */
  overdue: boolean;
  busy: boolean;
  onAssign: () => void;
  onTimeline: () => void;
}

/**
 * A late parcel on the 配送看板: red when past its delivery date, red with 「两次无人接单」 when
 * volunteers let it go twice (then 「指派志愿者」 is its way out); who let it go and how.
 * Ids: board-late-{id}, -date, -unclaimed, -missed, -assign.
 */
export function LateCard({ parcel: p, overdue, busy, onAssign, onTimeline }: LateCardProps) {
  const tone = p.unclaimed ? 'card db-late db-late--unclaimed' : overdue ? 'card db-late db-late--overdue' : 'card db-late';
  return (
    <View id={`board-late-${p.id}`} className={tone} onClick={onTimeline}>
      <View className="head-row">
        <View className="card-title head-row__title">{`${p.building} ${p.unit} ${p.room}`}</View>
        {p.unclaimed ? (
          <View className="db-unclaimed" id={`board-late-${p.id}-unclaimed`}>
            {UNCLAIMED_LABEL}
          </View>
        ) : (
          <View className={`pc-state pc-state--${stateTone(p.state)}`}>{PARCEL_STATE_LABELS[p.state]}</View>
        )}
      </View>
      <LabelValue label="物资">{p.contents}</LabelValue>
      <LabelValue label="送货日期">
        <View className={overdue ? 'db-overdue' : ''} id={`board-late-${p.id}-date`}>
          {overdue ? `${formatDate(p.deliveryDate)}（已过期）` : formatDate(p.deliveryDate)}
        </View>
      </LabelValue>
      {p.missedBy.length > 0 ? (
        <LabelValue label={`没接 ${p.missCount} 次`}>
          <View id={`board-late-${p.id}-missed`}>
            {p.missedBy.map((m) => `${m.nickname}（${PARCEL_MISS_REASON_LABELS[m.reason]}）`).join('、')}
          </View>
        </LabelValue>
      ) : null}
      {p.unclaimed ? (
        <View className="gap-top" onClick={(e) => e.stopPropagation()}>
          <Button id={`board-late-${p.id}-assign`} type="primary" size="large" block disabled={busy} onClick={onAssign}>
            指派志愿者
          </Button>
        </View>
      ) : null}
      <View className="sw-go">查看配送经过 ›</View>
    </View>
  );
}
