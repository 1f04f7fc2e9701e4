import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { listMyHelpRequests } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { useHouseholdData } from '@/hooks/useHouseholdData';
import { HelpCard } from '../HelpCard';
import '../help.css';
import { usePageClass } from '@/hooks/useElderly';

/** 我的求助: my household's requests, newest first, each with its state and deadline. */
export default function HelpListPage() {
  const pageClass = usePageClass();
  const { data, noHousehold } = useHouseholdData(() => listMyHelpRequests());
  if (noHousehold) return <NoHouseholdPage />;
  const items = data?.items ?? null;
  const now = Date.now();
  return (
    <View className={pageClass}>
      <View className="gap-small">
        <Button id="help-list-new" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: '/help/new/index' })}>
          我要求助
        </Button>
      </View>
      <View className="gap-top" />
      <ListStatus items={items} empty="还没有求助" emptyId="help-list-empty" />
      {(items ?? []).map((r) => (
        <HelpCard key={r.id} request={r} now={now} />
      ))}
    </View>
  );
}
