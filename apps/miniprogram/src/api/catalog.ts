import type {
  CreateItemRequest,
  CreateSupplierRequest,
  CreateWindowRequest,
  ItemView,
  SupplierView,
  UpdateWindowRequest,
  WindowStatus,
  WindowStatusRequest,
  WindowView,
} from '@linli/shared-types';
import { request } from './client';

/** The server's catalog module: ordering windows (批次), and staff's suppliers and items. */

/** Windows serving my household that have not ended. */
export function listWindows(): Promise<WindowView[]> {
  return request({ path: '/windows' });
}

export function getWindow(id: number): Promise<WindowView> {
  return request({ path: `/windows/${id}` });
}

// ---- staff ---------------------------------------------------------------------------------

export function listSuppliers(): Promise<SupplierView[]> {
  return request({ path: '/staff/suppliers' });
}

export function createSupplier(body: CreateSupplierRequest, key?: string): Promise<SupplierView> {
  return request({ method: 'POST', path: '/staff/suppliers', body, idempotencyKey: key });
}

export function listItems(): Promise<ItemView[]> {
  return request({ path: '/staff/items' });
}

export function createItem(body: CreateItemRequest, key?: string): Promise<ItemView> {
  return request({ method: 'POST', path: '/staff/items', body, idempotencyKey: key });
}

export function listStaffWindows(): Promise<WindowView[]> {
  return request({ path: '/staff/windows' });
}

export function createWindow(body: CreateWindowRequest, key?: string): Promise<WindowView> {
  return request({ method: 'POST', path: '/staff/windows', body, idempotencyKey: key });
}

export function setWindowStatus(id: number, status: WindowStatus, key?: string): Promise<WindowView> {
  return request({
    method: 'POST',
    path: `/staff/windows/${id}/status`,
    body: { status } satisfies WindowStatusRequest,
    idempotencyKey: key,
  });
}

/** Change a window that has not ended: only the fields sent; `version` as last read (WINDOW_CHANGED otherwise). */
export function updateWindow(id: number, body: UpdateWindowRequest, key?: string): Promise<WindowView> {
  return request({ method: 'PATCH', path: `/staff/windows/${id}`, body, idempotencyKey: key });
}
