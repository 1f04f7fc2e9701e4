import { View } from '@tarojs/components';

/** Placeholder: 志愿者招募. */
export default function Page(): JSX.Element {
  return <View className="page">志愿者招募</View>;
}
