import type { CodeLoginRequest, DevLoginRequest, DevUsersResponse, LoginResponse, WechatLoginRequest } from '@linli/shared-types';
import { request } from './client';

/** The server's auth module: logging in with WeChat, with a one-time sign-in code, or as a demo user. (Who I am then: getMe, community.ts.) */

export function getDevUsers(): Promise<DevUsersResponse> {
  return request({ path: '/auth/dev-users' });
}

export function devLogin(body: DevLoginRequest, key?: string): Promise<LoginResponse> {
  return request({ method: 'POST', path: '/auth/dev', body, idempotencyKey: key });
}

export function wechatLogin(body: WechatLoginRequest, key?: string): Promise<LoginResponse> {
  return request({ method: 'POST', path: '/auth/wechat', body, idempotencyKey: key });
}

/** A one-time sign-in code from the community's operator; in WeChat with wx.login's code, so the account keeps this WeChat. */
export function codeLogin(body: CodeLoginRequest, key?: string): Promise<LoginResponse> {
  return request({ method: 'POST', path: '/auth/code', body, idempotencyKey: key });
}
