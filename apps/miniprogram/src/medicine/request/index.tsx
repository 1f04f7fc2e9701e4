import { View } from '@tarojs/components';

/** Placeholder: 买药详情. */
export default function Page(): JSX.Element {
  return <View className="page">买药详情</View>;
}
