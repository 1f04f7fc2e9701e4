import { useEffect } from 'react';
import type { SubscribeMoment } from '@linli/shared-types';
import { prepareSubscribe } from '@/api';

/** On a page whose tap asks for WeChat subscribe messages: fetch the template ids on load, so the tap opens the popup at once. */
export function useSubscribeReady(moment: SubscribeMoment): void {
  useEffect(() => prepareSubscribe(moment), [moment]);
}
