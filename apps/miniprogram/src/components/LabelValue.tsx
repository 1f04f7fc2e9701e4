import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

/** 「地址　3栋2单元1203」: a label column and its value. */
export function LabelValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="label-value">
      <View className="label-value__label">{label}</View>
      <View className="label-value__value">{children}</View>
    </View>
  );
}
