import { View } from '@tarojs/components';

/** Placeholder: 包裹与配送. */
export default function Page(): JSX.Element {
  return <View className="page">包裹与配送</View>;
}
