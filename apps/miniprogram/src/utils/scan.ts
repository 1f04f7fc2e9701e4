import Taro from '@tarojs/taro';
import { cancelledByUser } from './cancelled';

/**
 * What a tap on a scan button gave: a code the camera read; `type` when the code has to be typed
 * (the browser has no scanner, or the camera could not read it: `failed`); `cancelled` when the
 * person closed the scanner.
 */
export type CameraScan = { kind: 'code'; code: string } | { kind: 'type'; failed: boolean } | { kind: 'cancelled' };

/** WeChat: the camera straight away; the browser (and the end-to-end tests): type the code. */
export async function scanWithCamera(): Promise<CameraScan> {
  if (process.env.TARO_ENV !== 'weapp') return { kind: 'type', failed: false };
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true });
    return { kind: 'code', code: res.result };
  } catch (e) {
    return cancelledByUser(e) ? { kind: 'cancelled' } : { kind: 'type', failed: true };
  }
}
