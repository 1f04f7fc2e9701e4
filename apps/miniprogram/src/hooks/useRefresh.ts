import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';

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
