import Taro from '@tarojs/taro';
import type { OrderView } from '@linli/shared-types';
import { checkPayment, getOrder, getPaymentParams } from '@/api';
import { useWechatPay, type WechatPay } from './useWechatPay';

/**
 * Paying a supply order with WeChat Pay (the resident's own, or one staff placed and pay for
 * themselves): the order's payment routes, and once the server has seen the money the order as
 * it is now, handed to `onOrder`, with 付款成功.
 */
export function useOrderPay(onOrder: (order: OrderView) => void | Promise<void>): WechatPay {
  return useWechatPay({
    start: getPaymentParams,
    check: checkPayment,
    awaiting: 'PENDING_PAYMENT',
    onSettled: async (orderId) => {
      const next = await getOrder(orderId);
      await onOrder(next);
      if (next.state === 'CONFIRMED') void Taro.showToast({ title: '付款成功', icon: 'success' });
    },
  });
}
