import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { WindowView } from '@linli/shared-types';
import { listWindows } from '@/api';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { WindowCard } from '@/components/WindowCard';
import { useHouseholdData } from '@/hooks/useHouseholdData';
import { ListStatus } from '@/components/ListStatus';
import { usePageClass } from '@/hooks/useElderly';

/** 订购物资: the supply windows open (or about to open) for my household. */
export default function WindowsPage() {
  const pageClass = usePageClass();
  const { data: windows, noHousehold } = useHouseholdData<WindowView[]>(listWindows);

  if (noHousehold) return <NoHouseholdPage />;

  return (
    <View className={pageClass}>
      <ListStatus items={windows} empty="现在没有可以订购的物资，请留意社区通知" />
      {windows?.map((w) => (
        <WindowCard key={w.id} win={w} idPrefix="window" onOpen={() => void Taro.navigateTo({ url: `/pages/window/index?id=${w.id}` })} />
      ))}
    </View>
  );
}
