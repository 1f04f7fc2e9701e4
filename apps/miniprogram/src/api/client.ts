import Taro from '@tarojs/taro';
import { ApiError, decodeErrorBody, networkError } from './errors';
import { clearSession, getSession } from './session';

/**
 * The one request layer. Every call to the server goes through here: base URL, JSON,
 * the session's token, an Idempotency-Key on every mutating call, error bodies decoded into
 * ApiError, and a 401 sending the person back to the login page.
 */

/** h5 is served by the server itself (same origin); weapp needs the server's address. */
export const API_BASE = process.env.TARO_ENV === 'h5' ? '' : LINLI_API_BASE;

export const LOGIN_PAGE = '/pages/login/index';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: Method;
  /** Path under /api, e.g. '/me'. */
  path: string;
  query?: Query;
  body?: unknown;
  /** For mutating calls: the key of the user action (see ActionKey); a fresh one when absent. */
  idempotencyKey?: string;
}

const TIMEOUT_MS = 15000;
/** Waits before retrying a call that got no answer; the Idempotency-Key makes the retry safe. */
const RETRY_DELAYS_MS = [800, 2000];

/** A random RFC 4122 version-4 id; crypto where the platform has it, Math.random otherwise. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  const cryptoObj = typeof crypto !== 'undefined' ? crypto : undefined;
  if (cryptoObj?.getRandomValues) cryptoObj.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function buildUrl(path: string, query?: Query): string {
  const params = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return `${API_BASE}/api${path}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

/** Authorization and (for mutating calls) Idempotency-Key headers. */
export function authHeaders(idempotencyKey?: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const session = getSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  return headers;
}

/** The token was refused: forget the session and go to the login page. */
export function onUnauthenticated(): void {
  if (!getSession()) return;
  clearSession();
  const pages = Taro.getCurrentPages();
  const route = pages[pages.length - 1]?.route ?? '';
  if (!route.includes('pages/login/index')) void Taro.reLaunch({ url: LOGIN_PAGE });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Checks an answer: the data on 2xx, an ApiError otherwise (401 also ends the session). */
export function settle<T>(status: number, data: unknown, hadToken: boolean): T {
  if (status >= 200 && status < 300) return data as T;
  if (status === 401 && hadToken) onUnauthenticated();
  throw decodeErrorBody(status, data);
}

export async function request<T>(options: RequestOptions): Promise<T> {
  const method = options.method ?? 'GET';
  const key = method === 'GET' ? undefined : (options.idempotencyKey ?? newIdempotencyKey());
  const headers = { ...authHeaders(key), 'Content-Type': 'application/json' };
  const url = buildUrl(options.path, options.query);
  for (let attempt = 0; ; attempt += 1) {
    let res: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject | string>;
    try {
      res = await Taro.request<TaroGeneral.IAnyObject | string>({
        url,
        method,
        header: headers,
        data: method === 'GET' ? undefined : (options.body ?? {}),
        dataType: 'json',
        timeout: TIMEOUT_MS,
      });
    } catch {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw networkError();
      await sleep(delay);
      continue;
    }
    return settle<T>(res.statusCode, res.data, 'Authorization' in headers);
  }
}

export { ApiError };
