import { View } from '@tarojs/components';

/** Placeholder: 配送看板. */
export default function Page(): JSX.Element {
  return <View className="page">配送看板</View>;
}
