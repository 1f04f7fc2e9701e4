import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { formatDoor, type MeResponse } from '@linli/shared-types';
import { updateMe, updatePreferences } from '@/api';
import { useAction } from '@/hooks/useAction';

/**
 * The switch 「长辈模式（大字）」 on 「我的」: a whole row to tap (no small toggle), saying plainly
 * whether it is on, and who turned it on when the community did.
 */
export function ElderlySwitch({ me }: { me: MeResponse }) {
  const on = me.preferences?.elderly ?? false;
  const toggle = useAction(async (next: boolean, key: string) => {
    const updated = await updatePreferences({ elderly: next }, key);
    updateMe(updated);
    void Taro.showToast({ title: next ? '已开启长辈模式' : '已关闭长辈模式', icon: 'none' });
    return updated;
  });
  return (
    <View
      id="elderly-switch"
      className={`entry elderly-switch${on ? ' elderly-switch--on' : ''}`}
      aria-role="switch"
      aria-checked={on}
      onClick={() => void toggle.run(!on)}
    >
      <View className="elderly-switch__label">
        <View>长辈模式（大字）</View>
        {on && me.preferences?.elderlySource === 'household' ? (
          <View className="elderly-switch__why">社区为您家开启，点这里可以关闭</View>
        ) : null}
      </View>
      <View id="elderly-switch-state" className="elderly-switch__state">
        {on ? '已开启' : '已关闭'}
      </View>
    </View>
  );
}

/** Elderly mode's first screen: who is here, and the three things needed most, as big tiles. */
export function ElderlyHome({ me }: { me: MeResponse }) {
  const household = me.household;
  return (
    <View className="elderly-home" id="elderly-home">
      <View className="elderly-home__hello">
        {`${me.user.nickname}，您好`}
        {household ? <View className="elderly-home__door">{formatDoor(household.building, household.unit, household.room)}</View> : null}
      </View>
      {household ? (
        <View className="tiles">
          <View id="tile-order" className="tile tile--order" onClick={() => void Taro.navigateTo({ url: '/pages/easy-order/index' })}>
            <View className="tile__title">订物资</View>
            <View className="tile__hint">蔬菜、米面油，送到家门口</View>
          </View>
          <View id="tile-medicine" className="tile tile--medicine" onClick={() => void Taro.navigateTo({ url: '/medicine/new/index' })}>
            <View className="tile__title">买药</View>
            <View className="tile__hint">拍药盒或处方，药房帮您买</View>
          </View>
          <View id="tile-help" className="tile tile--help" onClick={() => void Taro.navigateTo({ url: '/help/new/index' })}>
            <View className="tile__title">求助</View>
            <View className="tile__hint">有困难，找社区和志愿者</View>
          </View>
        </View>
      ) : null}
    </View>
  );
}
