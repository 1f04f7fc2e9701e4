import Taro from '@tarojs/taro';
import type { ParcelTaskView } from '@linli/shared-types';
import { ApiError, collectCash, errorMessage, getTaskPhone } from '@/api';
import { useAction } from '@/hooks/useAction';
import { dial } from '@/utils/dial';
import { door } from '../parcels';
import type { Notice } from './Notice';

interface DoorOptions {
  /** The server's answer for a task, wherever it is on the page (open or 刚完成). */
  onTask: (task: ParcelTaskView) => void;
  /** The tasks as the server has them now (a task that moved on meanwhile). */
  reload: () => Promise<void>;
  onNotice: (notice: Notice | null) => void;
}

/**
 * At the door, besides the scan: 已收款 for the cash of a pay-on-delivery parcel, and 拨打住户电话,
 * which asks the server for the household's real number (it stays masked on the card) and opens
 * the dialer with it.
 */
export function useDoor({ onTask, reload, onNotice }: DoorOptions) {
  const collect = useAction(async (id: number, key: string) => {
    const result = await collectCash(id, key);
    onTask(result);
    void Taro.showToast({ title: '已收款', icon: 'success' });
    return result;
  });

  const call = useAction(
    async (task: ParcelTaskView, key: string) => {
      onNotice(null);
      const { phone } = await getTaskPhone(task.id, key);
      if (!(await dial(phone))) {
        onNotice({ ok: false, title: '没能打开拨号', text: `${door(task)}：请手动拨打 ${phone}` });
      }
      return phone;
    },
    (error) => {
      if (!(error instanceof ApiError && error.code === 'PHONE_NOT_AVAILABLE')) return false;
      // The task moved on meanwhile (taken back, delivered): say so, show it as it is now.
      onNotice({ ok: false, title: '现在不能拨打', text: errorMessage(error) });
      void reload();
      return true;
    },
  );

  return { collect, call };
}
