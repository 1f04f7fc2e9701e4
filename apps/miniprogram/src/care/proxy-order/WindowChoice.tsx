import { View } from '@tarojs/components';
import type { WindowView } from '@linli/shared-types';
import { WindowCard } from '@/components/WindowCard';

/** Step 1 of 代下单: the household's windows (open or about to open); a tap opens one. */
export function WindowChoice({ windows, onChoose }: { windows: WindowView[]; onChoose: (id: number) => void }) {
  if (windows.length === 0) {
    return (
      <View className="empty" id="proxy-no-windows">
        这户现在没有可以订购或登记的物资，请留意社区通知。
      </View>
    );
  }
  return (
    <View id="proxy-windows">
      {windows.map((w) => (
        <WindowCard key={w.id} win={w} idPrefix="proxy-window" proxy onOpen={() => onChoose(w.id)} />
      ))}
    </View>
  );
}
