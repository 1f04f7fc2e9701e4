import { View } from '@tarojs/components';

/** Placeholder: 药房管理. */
export default function Page(): JSX.Element {
  return <View className="page">药房管理</View>;
}
