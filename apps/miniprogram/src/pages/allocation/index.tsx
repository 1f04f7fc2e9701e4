import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { AllocationView } from '@linli/shared-types';
import { ApiError, getAllocation, showApiError } from '@/api';
import { LabelValue } from '@/components/LabelValue';
import { formatTime } from '@/utils/format';
import { useRefresh } from '@/hooks/useRefresh';
import './index.css';

/**
 * 抽签结果: the published draw of a fair-share window — seed, time, how it works, totals per
 * item and every household in draw order (doors masked for residents), for anyone to check.
 */
export default function AllocationPage() {
  const router = useRouter();
  const id = Number(router.params.id);
  // undefined = loading; null = not drawn yet.
  const [allocation, setAllocation] = useState<AllocationView | null | undefined>(undefined);

  const load = async () => {
    try {
      setAllocation(await getAllocation(id));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NOT_ALLOCATED') setAllocation(null);
      else showApiError(error);
    }
  };

  useRefresh(load);

  if (allocation === undefined) return <View className="page loading">正在加载…</View>;
  if (allocation === null) {
    return (
      <View className="page">
        <View className="empty" id="allocation-none">
          本批次还没有抽签，截止后社区会公开抽签
        </View>
      </View>
    );
  }

  return (
    <View className="page">
      <View className="card" id="allocation-summary">
        <View className="card-title">抽签结果</View>
        <LabelValue label="抽签时间">{formatTime(allocation.allocatedAt)}</LabelValue>
        <LabelValue label="登记户数">{`${allocation.households} 户`}</LabelValue>
        <LabelValue label="中签户数">{`${allocation.winners} 户`}</LabelValue>
        <View className="text gap-top">抽签种子（用它可以重算一遍，结果完全一样）：</View>
        <View className="alloc-seed" id="allocation-seed">
          {allocation.seed}
        </View>
      </View>

      <View className="card" id="allocation-items">
        <View className="card-title">各物资</View>
        {allocation.items.map((item) => (
          <View key={item.itemId} className="gap-top">
            <View className="big-text">{item.name}</View>
            <View className="text">{`共 ${item.stock} 份 · 登记 ${item.requested} 份 · 分出 ${item.allocated} 份`}</View>
          </View>
        ))}
      </View>

      <View className="card" id="allocation-draw">
        <View className="card-title">抽签顺序</View>
        {allocation.draw.length === 0 ? <View className="muted">没有住户登记</View> : null}
        {allocation.draw.map((row) => (
          <View key={row.position} id={`draw-${row.position}`} className={row.allocated > 0 ? 'alloc-row alloc-row--won' : 'alloc-row'}>
            <View className="alloc-row__pos">{`${row.position}.`}</View>
            <View className="alloc-row__door">
              {row.door}
              {row.priority ? <View className="alloc-badge">优先</View> : null}
            </View>
            <View className="alloc-row__figures">{`登记 ${row.requested} · 分到 ${row.allocated}`}</View>
          </View>
        ))}
      </View>
      <View className="card" id="allocation-method">
        <View className="card-title">怎么抽的</View>
        <View className="text">{allocation.method}</View>
      </View>
    </View>
  );
}
