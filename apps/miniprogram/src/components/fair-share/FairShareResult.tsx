import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { DRAW_ROUND_LABELS, type RegistrationState, type RegistrationView } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { lostNote, resultTitle, winLine, winNote } from './fair-share-result';

const STATUS_CLASS: Record<RegistrationState, string> = {
  REGISTERED: 'status status--pending',
  WON: 'status status--ok',
  PARTIAL: 'status status--ok',
  LOST: 'status status--rejected',
  WITHDRAWN: 'status status--pending',
};

/**
 * What the draw (and the second round) gave the household: each round's share, the pay-by time
 * while its order waits for payment, and the way to the order.
 */
export function FairShareResult({ registration, secondRoundRun }: { registration: RegistrationView; secondRoundRun: boolean }) {
  const many = registration.wins.length > 1;
  return (
    <View className={STATUS_CLASS[registration.state]} id="fair-result">
      <View className="status__title fair-result__title">{resultTitle(registration)}</View>
      {registration.wins.map((win) => {
        const note = winNote(win);
        return (
          <View key={win.round} className="gap-top" id={`fair-win-${win.round}`}>
            <View className="text">{winLine(win)}</View>
            {note ? (
              <View className={win.orderState === 'PENDING_PAYMENT' ? 'fair-pay-by' : 'text'} id={`fair-win-${win.round}-note`}>
                {note}
              </View>
            ) : null}
            <View className="gap-top">
              <Button
                id={`fair-order-${win.round}`}
                type={win.orderState === 'PENDING_PAYMENT' ? 'primary' : 'default'}
                size="large"
                block
                onClick={() => void Taro.navigateTo({ url: `/pages/order/index?id=${win.orderId}` })}
              >
                {win.orderState === 'PENDING_PAYMENT' ? '去付款' : many ? `查看${DRAW_ROUND_LABELS[win.round]}的订单` : '查看我的订单'}
              </Button>
            </View>
          </View>
        );
      })}
      {registration.state === 'LOST' ? <View className="text gap-top">{lostNote(secondRoundRun)}</View> : null}
    </View>
  );
}
