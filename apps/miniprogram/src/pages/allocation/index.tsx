import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { AllocationView } from '@linli/shared-types';
import { ApiError, getAllocation, showApiError } from '@/api';
import { formatTime } from '@/utils/format';
import { useRefresh } from '@/hooks/useRefresh';
import { DrawCard } from './DrawCard';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

/**
 * 抽签结果: the published draw of a fair-share window — the seed's fingerprint published before
 * anyone registered, the seed revealed at the draw and how to check one against the other, how
 * the draw works, and each round in order (doors masked for residents, only their own priority).
 */
export default function AllocationPage() {
  const pageClass = usePageClass();
  const pageClassLoading = usePageClass('loading');
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

  if (allocation === undefined) return <View className={pageClassLoading}>正在加载…</View>;
  if (allocation === null) {
    return (
      <View className={pageClass}>
        <View className="empty" id="allocation-none">
          本批次还没有抽签，截止后社区会公开抽签
        </View>
      </View>
    );
  }

  const mine = allocation.draw.find((row) => row.mine);
  return (
    <View className={pageClass}>
      {mine ? (
        <View className="card" id="allocation-mine">
          <View className="big-text">{`您家排在第 ${mine.position} 位，第一轮分到 ${mine.allocated} 份`}</View>
          {mine.priority ? <View className="text">您家属于优先照顾的家庭（只有您家和社区工作人员看得到）。</View> : null}
        </View>
      ) : null}

      <View className="card" id="allocation-verify">
        <View className="card-title">种子与核对</View>
        {allocation.seedHash ? (
          <View>
            <View className="text">{`登记开始前（${formatTime(allocation.seedHashPublishedAt)}）公布的种子指纹（SHA-256）：`}</View>
            <View className="alloc-hash" id="allocation-hash">
              {allocation.seedHash}
            </View>
          </View>
        ) : (
          <View className="text">本批次抽签时还没有提前公布种子指纹。</View>
        )}
        <View className="text gap-top">{`抽签时（${formatTime(allocation.allocatedAt)}）公开的种子：`}</View>
        <View className="alloc-seed" id="allocation-seed">
          {allocation.seed}
        </View>
        <View className="text gap-top">怎么核对：</View>
        <View className="text">1. 用任何 SHA-256 工具（比如电脑上的 sha256sum）算一下这个种子，结果应该和上面的指纹一字不差。</View>
        <View className="text">2. 一样就说明种子在大家登记之前就定好了，没有人能看了登记名单再挑种子。</View>
        <View className="text">3. 种子加上登记名单，按下面「怎么抽的」算出的顺序，和下面公布的完全一样；社区可以出示完整名单供复核。</View>
      </View>

      <DrawCard round={allocation} idPrefix="draw" title="第一轮抽签" />
      {allocation.secondRound ? <DrawCard round={allocation.secondRound} idPrefix="draw2" title="第二轮分配" /> : null}

      <View className="card" id="allocation-method">
        <View className="card-title">怎么抽的</View>
        <View className="text">{allocation.method}</View>
      </View>
    </View>
  );
}
