import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { AllocationView, DrawRoundView, WindowPhase, WindowView } from '@linli/shared-types';
import { allocateWindow, getAllocation, runSecondRound, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useAction } from '@/hooks/useAction';
import { formatTime } from '@/utils/format';

type Pending = 'allocate' | 'second' | null;

/** A round's figures: households drawn, winners, per item drawn out of what there was. */
function RoundFigures({ round, idPrefix }: { round: DrawRoundView; idPrefix: string }) {
  return (
    <View id={idPrefix}>
      <View className="sw-figure">
        <View>参加户数</View>
        <View className="sw-figure__value">{`${round.households} 户`}</View>
      </View>
      <View className="sw-figure">
        <View>分到户数</View>
        <View className="sw-figure__value" id={`${idPrefix}-winners`}>{`${round.winners} 户`}</View>
      </View>
      {round.payBy ? (
        <View className="sw-figure">
          <View>付款截止</View>
          <View className="sw-figure__value">{formatTime(round.payBy)}</View>
        </View>
      ) : null}
      {round.items.map((item) => (
        <View key={item.itemId} className="sw-figure">
          <View>{item.name}</View>
          <View className="sw-figure__value">{`登记 ${item.requested} / 分出 ${item.allocated} / 可分 ${item.stock}`}</View>
        </View>
      ))}
    </View>
  );
}

/**
 * 公平分配 on 批次情况: the seed's fingerprint (the server fixed the seed when the window was
 * made; staff cannot choose it), the draw once registration has closed, and the second round
 * over what came back once the first round's winners can no longer pay.
 */
export function FairShareCard({ win, phase, onChanged }: { win: WindowView; phase: WindowPhase; onChanged: () => Promise<void> }) {
  const [allocation, setAllocation] = useState<AllocationView | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  useEffect(() => {
    if (win.allocatedAt === null) return;
    void getAllocation(win.id).then(setAllocation, showApiError);
  }, [win.id, win.allocatedAt, win.secondRoundAt]);

  const done = async (result: AllocationView, toast: string) => {
    setPending(null);
    setAllocation(result);
    void Taro.showToast({ title: toast, icon: 'none', duration: 3000 });
    await onChanged();
  };
  const allocate = useAction(async (windowId: number, key: string) => {
    const result = await allocateWindow(windowId, key);
    await done(result, `抽签完成，${result.winners} 户中签`);
    return result;
  });
  const second = useAction(async (windowId: number, key: string) => {
    const result = await runSecondRound(windowId, key);
    await done(result, `第二轮分配完成，${result.secondRound?.winners ?? 0} 户分到`);
    return result;
  });

  // The first round's winners hold their units until their pay-by time.
  const paying = allocation?.payBy !== null && allocation?.payBy !== undefined && Date.parse(allocation.payBy) > Date.now();

  return (
    <View className="card" id="stats-fair">
      <View className="card-title">公平分配（登记后抽签）</View>
      {win.allocatedAt === null ? (
        <View>
          <View className="text">登记不是订单：登记截止（结束订购）后开始抽签，中签的住户自动生成订单。</View>
          <View className="text gap-top">
            抽签种子在建批次时由系统生成并封存，居民从登记开始就能看到它的指纹（SHA-256），抽签时自动公开种子：
          </View>
          <View className="sw-seed" id="stats-seed-hash">
            {win.seedHash ?? ''}
          </View>
          {phase !== 'CLOSED' ? <View className="muted">登记还没结束，先「结束订购」才能抽签</View> : null}
          <View className="gap-top">
            <Button
              id="allocate-start"
              type="primary"
              size="large"
              block
              disabled={phase !== 'CLOSED'}
              loading={allocate.busy}
              onClick={() => setPending('allocate')}
            >
              开始抽签
            </Button>
          </View>
        </View>
      ) : (
        <View>
          <View className="sw-big" id="stats-allocated">
            已抽签
          </View>
          <View className="sw-figure">
            <View>抽签时间</View>
            <View className="sw-figure__value">{formatTime(win.allocatedAt)}</View>
          </View>
          <View className="text gap-top">公开的种子</View>
          <View className="sw-seed" id="stats-seed">
            {win.allocationSeed ?? allocation?.seed ?? ''}
          </View>
          {allocation ? <RoundFigures round={allocation} idPrefix="stats-allocation" /> : null}

          <View className="card-title gap-top">第二轮分配</View>
          {allocation?.secondRound ? (
            <View>
              <View className="sw-figure">
                <View>分配时间</View>
                <View className="sw-figure__value">{formatTime(allocation.secondRound.drawnAt)}</View>
              </View>
              <RoundFigures round={allocation.secondRound} idPrefix="stats-second" />
            </View>
          ) : (
            <View>
              <View className="text">
                中签住户取消订单、超时没付款退回的物资，连同没分完的，按第一轮的顺序分给没中签和部分中签的住户；已经全部中签的住户不再参加。只能做一次。
              </View>
              {paying ? (
                <View
                  className="muted"
                  id="stats-second-wait"
                >{`第一轮中签的住户可以付款到 ${formatTime(allocation?.payBy)}，之后才能开始第二轮`}</View>
              ) : null}
              <View className="gap-top">
                <Button
                  id="second-round-start"
                  type="primary"
                  size="large"
                  block
                  disabled={paying || allocation === null}
                  loading={second.busy}
                  onClick={() => setPending('second')}
                >
                  第二轮分配
                </Button>
              </View>
            </View>
          )}
          <View className="gap-top">
            <Button
              id="stats-allocation-link"
              size="large"
              block
              fill="outline"
              onClick={() => void Taro.navigateTo({ url: `/pages/allocation/index?id=${win.id}` })}
            >
              查看抽签结果
            </Button>
          </View>
        </View>
      )}

      <ConfirmDialog
        visible={pending !== null}
        title={pending === 'second' ? '第二轮分配' : '开始抽签'}
        confirmText="确定"
        busy={allocate.busy || second.busy}
        onConfirm={() => void (pending === 'second' ? second.run(win.id) : allocate.run(win.id))}
        onCancel={() => setPending(null)}
      >
        {pending === 'second'
          ? '把退回的和没分完的物资，按第一轮的顺序分给没中签和部分中签的住户。第二轮只能做一次，结果会公开，分到的住户自动生成订单。'
          : '用建批次时封存的种子抽签，抽签时公开种子。抽签只能做一次，结果会公开给所有居民，中签的住户自动生成订单。'}
      </ConfirmDialog>
    </View>
  );
}
