import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ERROR_MESSAGES } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { usePageClass } from '@/hooks/useElderly';

/** For residents without a household: ordering needs one, so say so and offer to bind. */
export function NoHousehold() {
  return (
    <View className="status status--pending" id="no-household">
      <View className="status__title">还不能订购</View>
      <View className="text">{ERROR_MESSAGES.NO_HOUSEHOLD}</View>
      <View className="gap-top">
        <Button id="go-bind" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>
          绑定我的住户
        </Button>
      </View>
    </View>
  );
}

/** The whole page a household's page shows instead, for residents without a household. */
export function NoHouseholdPage() {
  const pageClass = usePageClass();
  return (
    <View className={pageClass}>
      <NoHousehold />
    </View>
  );
}
