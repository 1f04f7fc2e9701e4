import { View } from '@tarojs/components';

/** Placeholder: 我的小组. */
export default function Page(): JSX.Element {
  return <View className="page">我的小组</View>;
}
