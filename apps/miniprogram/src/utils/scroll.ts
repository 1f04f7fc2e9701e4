import Taro from '@tarojs/taro';

/**
 * Back to the top of the page, so that a one-task screen starts with its first words. In the
 * browser build <body> is what scrolls, and it keeps its offset from the page before, which
 * would leave the first lines under the sticky title bar.
 */
export function scrollToTop(): void {
  if (process.env.TARO_ENV === 'h5') {
    document.body.scrollTop = 0;
    document.documentElement.scrollTop = 0;
    return;
  }
  void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
}
