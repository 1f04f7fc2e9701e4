import { View } from '@tarojs/components';

/** Placeholder: 报名审核. */
export default function Page(): JSX.Element {
  return <View className="page">报名审核</View>;
}
