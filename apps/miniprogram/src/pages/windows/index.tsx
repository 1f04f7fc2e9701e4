import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PAYMENT_MODE_LABELS, type WindowView } from '@linli/shared-types';
import { listWindows } from '@/api';
import { LabelValue } from '@/components/LabelValue';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { phaseLabel } from '@/utils/window';
import { formatDate, formatHours } from '@/utils/format';
import { useHouseholdData } from '@/hooks/useHouseholdData';
import { ListStatus } from '@/components/ListStatus';
import { usePageClass } from '@/hooks/useElderly';
import './index.css';

/** 订购物资: the supply windows open (or about to open) for my household. */
export default function WindowsPage() {
  const pageClass = usePageClass();
  const { data: windows, noHousehold } = useHouseholdData<WindowView[]>(listWindows);

  if (noHousehold) return <NoHouseholdPage />;

  return (
    <View className={pageClass}>
      <ListStatus items={windows} empty="现在没有可以订购的物资，请留意社区通知" />
      {windows?.map((w) => (
        <View
          key={w.id}
          id={`window-${w.id}`}
          className="card window-card"
          onClick={() => void Taro.navigateTo({ url: `/pages/window/index?id=${w.id}` })}
        >
          <View className="head-row">
            <View className="card-title head-row__title">{w.title}</View>
            <View className={`phase phase--${w.phase.toLowerCase()}`}>{phaseLabel(w)}</View>
          </View>
          {w.mode === 'fair' ? (
            <View className="row gap-small">
              <View className="tag tag--fair" id={`window-${w.id}-fair`}>
                登记抽签
              </View>
            </View>
          ) : null}
          <LabelValue label={w.mode === 'fair' ? '登记时间' : '订购时间'}>{formatHours(w.opensAt, w.closesAt)}</LabelValue>
          <LabelValue label="送货日期">{formatDate(w.deliveryDate)}</LabelValue>
          <LabelValue label="付款方式">{PAYMENT_MODE_LABELS[w.paymentMode]}</LabelValue>
          <View className="window-card__go">{w.phase !== 'OPEN' ? '查看 ›' : w.mode === 'fair' ? '去登记 ›' : '去订购 ›'}</View>
        </View>
      ))}
    </View>
  );
}
