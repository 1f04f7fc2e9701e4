import { View } from '@tarojs/components';

/** Placeholder: 登记买药. */
export default function Page(): JSX.Element {
  return <View className="page">登记买药</View>;
}
