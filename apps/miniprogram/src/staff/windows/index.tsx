import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PAYMENT_MODE_LABELS, WINDOW_PHASE_LABELS, type WindowView } from '@linli/shared-types';
import { listStaffWindows, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { formatDate, formatHours } from '@/utils/format';
import { useRefresh } from '@/hooks/useRefresh';
import { ListStatus } from '@/components/ListStatus';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/** 订购批次: every supply window of the community, newest first; tap one for its figures. */
export default function StaffWindowsPage() {
  const pageClass = usePageClass();
  const [windows, setWindows] = useState<WindowView[] | null>(null);

  const load = async () => {
    try {
      const all = await listStaffWindows();
      setWindows([...all].sort((a, b) => b.id - a.id));
    } catch (error) {
      showApiError(error);
    }
  };

  useRefresh(load);

  return (
    <View className={pageClass}>
      <View className="sw-new">
        <Button id="window-new" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: '/staff/window-edit/index' })}>
          新建批次
        </Button>
      </View>
      <ListStatus items={windows} empty="还没有订购批次" />
      {windows?.map((w) => (
        <View
          key={w.id}
          id={`staff-window-${w.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/staff/window-stats/index?id=${w.id}` })}
        >
          <View className="head-row">
            <View className="card-title head-row__title">{w.title}</View>
            <View className="state-badge">{WINDOW_PHASE_LABELS[w.phase]}</View>
          </View>
          <LabelValue label="订购时间">{formatHours(w.opensAt, w.closesAt)}</LabelValue>
          <LabelValue label="送货日期">{formatDate(w.deliveryDate)}</LabelValue>
          <View className="text">
            {`${w.mode === 'fair' ? (w.allocatedAt ? '登记抽签（已抽签） · ' : '登记抽签 · ') : ''}${PAYMENT_MODE_LABELS[w.paymentMode]} · 已有 ${w.orderCount} 单`}
          </View>
          {w.phase === 'OPEN' && w.mode !== 'fair' ? (
            <View className="sw-proxy">
              <Button
                id={`staff-window-${w.id}-proxy`}
                size="large"
                block
                fill="outline"
                onClick={(e) => {
                  e.stopPropagation();
                  void Taro.navigateTo({ url: `/staff/proxy-order/index?windowId=${w.id}` });
                }}
              >
                代居民下单
              </Button>
            </View>
          ) : null}
          <View className="sw-go">查看情况 ›</View>
        </View>
      ))}
    </View>
  );
}
