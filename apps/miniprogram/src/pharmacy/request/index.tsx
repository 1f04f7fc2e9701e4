import { View } from '@tarojs/components';

/** Placeholder: 处理买药登记. */
export default function Page(): JSX.Element {
  return <View className="page">处理买药登记</View>;
}
