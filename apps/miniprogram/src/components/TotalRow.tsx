import { View } from '@tarojs/components';
import { formatFen } from '@linli/shared-types';
import './TotalRow.css';

/** 合计 ¥58.00 on one line, the sum in big red figures; `id` is the sum's. */
export function TotalRow({ id, label = '合计', fen }: { id: string; label?: string; fen: number }) {
  return (
    <View className="total gap-top">
      <View>{label}</View>
      <View id={id} className="total__value">
        {formatFen(fen)}
      </View>
    </View>
  );
}
