import { View } from '@tarojs/components';

/** Placeholder: 买药登记（社区）. */
export default function Page(): JSX.Element {
  return <View className="page">买药登记（社区）</View>;
}
