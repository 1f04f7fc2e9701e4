import Taro from '@tarojs/taro';
import { cancelledByUser } from './cancelled';

/**
 * Opens the phone's dialer with this number: WeChat's call sheet, or in the browser a `tel:`
 * navigation (Taro's h5 makePhoneCall), which the end-to-end tests see as a request. False when
 * the dialer could not be opened (not when the person closed it): say the number instead.
 */
export async function dial(phoneNumber: string): Promise<boolean> {
  try {
    await Taro.makePhoneCall({ phoneNumber });
    return true;
  } catch (error) {
    return cancelledByUser(error);
  }
}
