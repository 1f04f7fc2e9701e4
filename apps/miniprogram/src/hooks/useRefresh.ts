import { useEffect, useRef } from 'react';
import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro';

/** Reloads on pull-down and stops the spinner when done (pages that load on show themselves). */
export function usePullDownReload(load: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    void load().finally(() => void Taro.stopPullDownRefresh());
  });
}

/** Loads whenever the page shows (data may have changed on another page) and on pull-down. */
export function useRefresh(load: () => Promise<unknown>): void {
  useDidShow(() => void load());
  usePullDownReload(load);
}

/**
 * A page that stays current by itself: loads whenever it shows and on pull-down, and while it is
 * shown again every `everyMs`, quietly (`load(true)`: a failed reload says nothing, the next one
 * may get through).
 */
export function useLiveRefresh(load: (quiet?: boolean) => Promise<unknown>, everyMs: number): void {
  const loadRef = useRef(load);
  loadRef.current = load;
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stop = () => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
  };

  useDidShow(() => {
    void loadRef.current();
    stop();
    timer.current = setInterval(() => void loadRef.current(true), everyMs);
  });
  useDidHide(stop);
  useEffect(() => stop, []);
  usePullDownReload(() => loadRef.current());
}
