import { Text, View } from '@tarojs/components';
import type { BindingCodeResponse } from '@linli/shared-types';
import { formatTime } from '@/utils/format';

/** The code, big enough to read out over the phone or copy onto a note for the door. */
export function BindingCodeCard({ code }: { code: BindingCodeResponse }) {
  return (
    <View className="status status--ok gap-top" id="binding-code">
      <View className="text">{code.address} 的绑定码</View>
      <View className="binding-code__value">
        <Text userSelect>{code.code}</Text>
      </View>
      <View className="text">{`有效期至 ${formatTime(code.expiresAt)}`}</View>
      <View className="muted gap-top">请把绑定码告诉住户：在「绑定我的住户」里选「我有绑定码」填写，立即绑定。</View>
    </View>
  );
}
