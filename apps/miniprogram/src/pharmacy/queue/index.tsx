import { View } from '@tarojs/components';

/** Placeholder: 药房待办. */
export default function Page(): JSX.Element {
  return <View className="page">药房待办</View>;
}
