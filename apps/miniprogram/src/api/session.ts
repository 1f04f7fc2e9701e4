import Taro from '@tarojs/taro';
import type { LoginResponse, MeResponse } from '@linli/shared-types';

/**
 * The session is the app's only global state: who is logged in, their roles (inside `me`)
 * and the token. It lives in Taro storage so it survives a restart of the mini-program,
 * and pages subscribe to changes through `useSession`.
 */
export interface Session {
  token: string;
  /** ISO time the token stops working. */
  expiresAt: string;
  me: MeResponse;
}

const STORAGE_KEY = 'linli.session';

type Listener = (session: Session | null) => void;

let current: Session | null | undefined;
const listeners = new Set<Listener>();

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Session>;
  return typeof v.token === 'string' && typeof v.expiresAt === 'string' && typeof v.me === 'object' && v.me !== null;
}

function load(): Session | null {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
    const parsed: unknown = typeof stored === 'string' && stored !== '' ? JSON.parse(stored) : stored;
    if (!isSession(parsed)) return null;
    if (Date.parse(parsed.expiresAt) <= Date.now()) return null;
    return parsed;
  } catch {
    return null;
  }
}

function save(session: Session | null): void {
  current = session;
  if (session) Taro.setStorageSync(STORAGE_KEY, JSON.stringify(session));
  else Taro.removeStorageSync(STORAGE_KEY);
  listeners.forEach((listener) => listener(session));
}

/** The current session, or null when nobody is logged in (or the token has expired). */
export function getSession(): Session | null {
  if (current === undefined) current = load();
  if (current && Date.parse(current.expiresAt) <= Date.now()) save(null);
  return current;
}

export function startSession(login: LoginResponse): Session {
  const session: Session = { token: login.token, expiresAt: login.expiresAt, me: login.me };
  save(session);
  return session;
}

/** Replaces the cached profile after GET /api/me; keeps the token. */
export function updateMe(me: MeResponse): void {
  const session = getSession();
  if (session) save({ ...session, me });
}

export function clearSession(): void {
  save(null);
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
