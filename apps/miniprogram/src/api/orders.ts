import type {
  AllocationView,
  OrderQrView,
  OrderState,
  OrderView,
  PackResult,
  PaymentCheck,
  PaymentParams,
  PlaceOrderRequest,
  ProxyOrderRequest,
  RegisterRequest,
  RegistrationView,
  WindowStats,
  WindowView,
} from '@linli/shared-types';
import { request } from './client';
import { downloadFile } from './transfer';

/**
 * The server's orders module: a household's supply orders, fair-share registration and lottery,
 * paying for an order with WeChat Pay (the server's payments module serves it through the order's
 * routes), and staff's figures, packing and pick lists of a window.
 */

export function placeOrder(body: PlaceOrderRequest, key?: string): Promise<OrderView> {
  return request({ method: 'POST', path: '/orders', body, idempotencyKey: key });
}

export function listMyOrders(): Promise<OrderView[]> {
  return request({ path: '/orders/mine' });
}

export function getOrder(id: number): Promise<OrderView> {
  return request({ path: `/orders/${id}` });
}

export function cancelOrder(id: number, key?: string): Promise<OrderView> {
  return request({ method: 'POST', path: `/orders/${id}/cancel`, idempotencyKey: key });
}

/** The hand-over code of a CONFIRMED or PACKED order (409 ORDER_NOT_ACTIVE otherwise). */
export function getOrderQr(id: number): Promise<OrderQrView> {
  return request({ path: `/orders/${id}/qr` });
}

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

// ---- fair share: registration and lottery --------------------------------------------------

/** Register (or change) my household's wish on an open fair-share window. */
export function putRegistration(windowId: number, body: RegisterRequest, key?: string): Promise<RegistrationView> {
  return request({ method: 'PUT', path: `/windows/${windowId}/registration`, body, idempotencyKey: key });
}

/** My household's registration; 404 REGISTRATION_NOT_FOUND when it has not registered. */
export function getRegistration(windowId: number): Promise<RegistrationView> {
  return request({ path: `/windows/${windowId}/registration` });
}

export function withdrawRegistration(windowId: number, key?: string): Promise<RegistrationView> {
  return request({ method: 'POST', path: `/windows/${windowId}/registration/withdraw`, idempotencyKey: key });
}

/** The published draw; 404 NOT_ALLOCATED before it. Doors are masked for residents. */
export function getAllocation(windowId: number): Promise<AllocationView> {
  return request({ path: `/windows/${windowId}/allocation` });
}

/** Staff: run the lottery of a closed fair-share window, with the seed the server committed to when it was created. */
export function allocateWindow(windowId: number, key?: string): Promise<AllocationView> {
  return request({ method: 'POST', path: `/staff/windows/${windowId}/allocate`, idempotencyKey: key });
}

/** Staff: the second round, over what came back, for the households that lost or got part; once. */
export function runSecondRound(windowId: number, key?: string): Promise<AllocationView> {
  return request({ method: 'POST', path: `/staff/windows/${windowId}/second-round`, idempotencyKey: key });
}

// ---- staff ---------------------------------------------------------------------------------

export function getWindowStats(id: number): Promise<WindowStats> {
  return request({ path: `/staff/windows/${id}/stats` });
}

/** Packs every confirmed order; `parcels` is how many parcels were made for delivery. */
export function packWindow(id: number, key?: string): Promise<PackResult> {
  return request({ method: 'POST', path: `/staff/windows/${id}/pack`, idempotencyKey: key });
}

export function placeProxyOrder(body: ProxyOrderRequest, key?: string): Promise<OrderView> {
  // Staff, the household's grid worker or its 家属: the server decides who may act for it.
  return request({ method: 'POST', path: '/proxy/orders', body, idempotencyKey: key });
}

// ---- for a household I act for (staff, its grid worker, its 家属) ---------------------------

/** The household's windows as it sees them itself (with what it may still order of each item). */
export function listWindowsFor(householdId: number): Promise<WindowView[]> {
  return request({ path: `/proxy/households/${householdId}/windows` });
}

/** The household's registration in a fair-share window; 404 REGISTRATION_NOT_FOUND when it has none. */
export function getRegistrationFor(householdId: number, windowId: number): Promise<RegistrationView> {
  return request({ path: `/proxy/households/${householdId}/windows/${windowId}/registration` });
}

/** 代登记: register (or change) the household's wish; the household is told who did. */
export function putRegistrationFor(householdId: number, windowId: number, body: RegisterRequest, key?: string): Promise<RegistrationView> {
  return request({ method: 'PUT', path: `/proxy/households/${householdId}/windows/${windowId}/registration`, body, idempotencyKey: key });
}

export function withdrawRegistrationFor(householdId: number, windowId: number, key?: string): Promise<RegistrationView> {
  return request({
    method: 'POST',
    path: `/proxy/households/${householdId}/windows/${windowId}/registration/withdraw`,
    idempotencyKey: key,
  });
}

/** The window's pick lists (one per building) as a printable PDF. */
export function downloadPickListsPdf(windowId: number): Promise<void> {
  return downloadFile(`/staff/windows/${windowId}/pick-lists.pdf`, {}, `拣货单-${windowId}.pdf`);
}

/** The window's pick lists as an Excel sheet. */
export function downloadPickListsXlsx(windowId: number): Promise<void> {
  return downloadFile(`/staff/windows/${windowId}/pick-lists.xlsx`, {}, `拣货单-${windowId}.xlsx`);
}

/** Every order of the window as an Excel sheet. */
export function downloadWindowOrdersXlsx(windowId: number): Promise<void> {
  return downloadFile(`/staff/windows/${windowId}/orders.xlsx`, {}, `订单-${windowId}.xlsx`);
}
