import Taro from '@tarojs/taro';

/**
 * Opens a live or replay link. In the browser build, in a new tab. A mini-program cannot open an
 * outside web page (a WeChat channel or Tencent Meeting link opens from a chat), so there the
 * link is copied with a clear toast to paste it in WeChat.
 */
export function openLink(url: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  void Taro.setClipboardData({ data: url })
    .then(() => Taro.showToast({ title: '链接已复制，请在微信中打开', icon: 'none', duration: 3000 }))
    .catch(() => undefined);
}
