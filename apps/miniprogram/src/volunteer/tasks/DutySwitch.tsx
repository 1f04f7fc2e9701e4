import { View } from '@tarojs/components';
import './DutySwitch.css';

interface DutySwitchProps {
  onDuty: boolean;
  busy: boolean;
  onToggle: () => void;
}

/** 上岗 / 下岗: the whole bar is the switch, big enough to hit on the move. */
export function DutySwitch({ onDuty, busy, onToggle }: DutySwitchProps) {
  return (
    <View id="duty-switch" role="switch" aria-checked={onDuty} className={onDuty ? 'duty duty--on' : 'duty'} onClick={onToggle}>
      <View>
        <View id="duty-state" className="duty__state">
          {onDuty ? '上岗中' : '已下岗'}
        </View>
        <View className="duty__hint">{busy ? '正在切换…' : onDuty ? '点这里下岗' : '点这里上岗，开始接单'}</View>
      </View>
      <View className="duty__track">
        <View className="duty__knob" />
      </View>
    </View>
  );
}
