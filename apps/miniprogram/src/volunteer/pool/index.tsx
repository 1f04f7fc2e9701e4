import { View } from '@tarojs/components';

/** Placeholder: 可接的包裹. */
export default function Page(): JSX.Element {
  return <View className="page">可接的包裹</View>;
}
