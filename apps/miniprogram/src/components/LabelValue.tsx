import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './LabelValue.css';

/** A label column and its value: 「住户  滨湖和园 3栋2单元1203」. */
export function LabelValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="label-value">
      <View className="label-value__label">{label}</View>
      <View className="label-value__value">{children}</View>
    </View>
  );
}
