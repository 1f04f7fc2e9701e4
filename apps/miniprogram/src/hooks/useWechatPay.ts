import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { PaymentCheck, PaymentParams } from '@linli/shared-types';
import { errorMessage } from '@/api';
import { cancelledByUser } from '@/utils/cancelled';
import { useAction, type Action } from './useAction';

/** How often and how long to ask the server whether a payment arrived. */
const PAY_POLL_MS = 2000;
const PAY_POLL_LIMIT_MS = 20000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface WechatPay {
  /** Tap 「去支付」: payment parameters from the server, WeChat's sheet, then the server's word. */
  pay: Action<number, PaymentParams>;
  /** '' (nothing going on), checking (asking the server), unconfirmed (not seen yet after 20 s). */
  status: '' | 'checking' | 'unconfirmed';
  /** What to tell the person when it did not go through. */
  error: string;
}

/**
 * Paying something (an order, a medicine request) with WeChat Pay. WeChat's success alone is not
 * proof: the server is asked (it asks WeChat Pay) until the state leaves `awaiting`, then
 * `onSettled` reloads the page. Polling stops when the page goes away.
 */
export function useWechatPay<S extends string>(options: {
  start: (id: number, idempotencyKey: string) => Promise<PaymentParams>;
  check: (id: number) => Promise<PaymentCheck<S>>;
  awaiting: NoInfer<S>;
  onSettled: (id: number) => Promise<void>;
}): WechatPay {
  const [status, setStatus] = useState<WechatPay['status']>('');
  const [error, setError] = useState('');
  const alive = useRef(true);
  const opts = useRef(options);
  opts.current = options;

  useDidShow(() => {
    alive.current = true;
  });
  useDidHide(() => {
    alive.current = false;
  });
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const waitForPayment = async (id: number) => {
    setStatus('checking');
    const deadline = Date.now() + PAY_POLL_LIMIT_MS;
    while (alive.current && Date.now() < deadline) {
      await sleep(PAY_POLL_MS);
      try {
        const { state } = await opts.current.check(id);
        if (state === opts.current.awaiting) continue;
        setStatus('');
        await opts.current.onSettled(id);
        return;
      } catch {
        // a missed answer: ask again until the deadline
      }
    }
    setStatus('unconfirmed');
  };

  const pay = useAction(
    async (id: number, key: string) => {
      setError('');
      const params = await opts.current.start(id, key);
      if (process.env.TARO_ENV !== 'weapp') return params;
      try {
        await Taro.requestPayment({
          timeStamp: params.timeStamp,
          nonceStr: params.nonceStr,
          package: params.package,
          signType: params.signType,
          paySign: params.paySign,
        });
      } catch (failure) {
        setError(cancelledByUser(failure) ? '您没有完成付款，可以再点一次“去支付”' : '付款没有成功，请稍后再试');
        return params;
      }
      await waitForPayment(id);
      return params;
    },
    (failure) => {
      setError(errorMessage(failure));
      return true;
    },
  );

  return { pay, status, error };
}
