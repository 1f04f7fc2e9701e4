import { View } from '@tarojs/components';

/** Placeholder: 药房工作人员. */
export default function Page(): JSX.Element {
  return <View className="page">药房工作人员</View>;
}
