import type { OrderState, PaymentCheck, PaymentParams } from '@linli/shared-types';
import { request } from './client';

/**
 * The server's payments module: WeChat Pay for a supply order. (A medicine request's payment:
 * payMedicineRequest and checkMedicinePayment, pharmacy.ts, where its routes are.)
 */

/** What Taro.requestPayment needs for a PENDING_PAYMENT order; success there is not proof of payment. */
export function getPaymentParams(id: number, key?: string): Promise<PaymentParams> {
  return request({ method: 'POST', path: `/orders/${id}/pay`, idempotencyKey: key });
}

/**
 * After the app's payment: the server asks WeChat Pay itself when its notification has not
 * arrived yet, and answers the order's state.
 */
export function checkPayment(id: number): Promise<PaymentCheck<OrderState>> {
  return request({ method: 'POST', path: `/orders/${id}/pay/check` });
}
