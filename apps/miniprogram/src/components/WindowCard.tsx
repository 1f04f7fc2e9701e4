import { View } from '@tarojs/components';
import { PAYMENT_MODE_LABELS, type WindowView } from '@linli/shared-types';
import { LabelValue } from '@/components/LabelValue';
import { formatDate, formatHours } from '@/utils/format';
import { phaseLabel } from '@/utils/window';
import './WindowCard.css';

interface WindowCardProps {
  win: WindowView;
  /** Ids {idPrefix}-{id} and {idPrefix}-{id}-fair (the resident's list: `window`). */
  idPrefix: string;
  onOpen: () => void;
  /** 去订购 / 去登记 in words for whom it is done: 去代订 / 去代登记 by proxy. */
  proxy?: boolean;
}

/**
 * One ordering window in a list, as a big card: title, phase, 登记抽签 for fair-share windows,
 * hours, delivery date, payment; the whole card opens it. The resident's 订购物资 and the
 * 代下单 of someone acting for a household.
 */
export function WindowCard({ win, idPrefix, onOpen, proxy = false }: WindowCardProps) {
  const go = win.phase !== 'OPEN' ? '查看' : win.mode === 'fair' ? (proxy ? '去代登记' : '去登记') : proxy ? '去代订' : '去订购';
  return (
    <View id={`${idPrefix}-${win.id}`} className="card window-card" onClick={onOpen}>
      <View className="head-row">
        <View className="card-title head-row__title">{win.title}</View>
        <View className={`phase phase--${win.phase.toLowerCase()}`}>{phaseLabel(win)}</View>
      </View>
      {win.mode === 'fair' ? (
        <View className="row gap-small">
          <View className="tag tag--fair" id={`${idPrefix}-${win.id}-fair`}>
            登记抽签
          </View>
        </View>
      ) : null}
      <LabelValue label={win.mode === 'fair' ? '登记时间' : '订购时间'}>{formatHours(win.opensAt, win.closesAt)}</LabelValue>
      <LabelValue label="送货日期">{formatDate(win.deliveryDate)}</LabelValue>
      <LabelValue label="付款方式">{PAYMENT_MODE_LABELS[win.paymentMode]}</LabelValue>
      <View className="window-card__go">{`${go} ›`}</View>
    </View>
  );
}
