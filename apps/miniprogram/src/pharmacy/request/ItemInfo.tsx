import { View } from '@tarojs/components';
import { BRAND_LABELS, formatFen, QUOTE_STATUS_LABELS, type MedicineItemView } from '@linli/shared-types';

/** One medicine: what was asked for, the pharmacy's quote, and the household's answer. */
export function ItemInfo({ item, index, answered }: { item: MedicineItemView; index: number; answered: boolean }) {
  const q = item.quote;
  return (
    <View id={`req-item-${index}`} className="ph-item">
      <View className="ph-item__name">{`${index + 1}. ${item.name}`}</View>
      <View className="ph-item__line">{`${item.spec ? `${item.spec}，` : ''}要 ${item.quantity} 份，${BRAND_LABELS[item.brand]}`}</View>
      {item.prescription ? (
        <View className="ph-badges gap-top">
          <View className="ph-badge ph-badge--rx">处方药</View>
        </View>
      ) : null}
      {q ? (
        <View className={q.status === 'unavailable' ? 'ph-item__quote ph-item__quote--no' : 'ph-item__quote'}>
          {q.status === 'unavailable'
            ? '缺货'
            : `${q.status === 'substitute' ? `替代：${q.substituteName ?? ''}` : QUOTE_STATUS_LABELS[q.status]}，单价 ${formatFen(
                q.unitPriceFen ?? 0,
              )} × ${item.quantity} = ${formatFen((q.unitPriceFen ?? 0) * item.quantity)}`}
        </View>
      ) : null}
      {answered && q && q.status !== 'unavailable' ? (
        <View id={`req-item-${index}-answer`} className={item.accepted ? 'ph-item__quote' : 'ph-item__quote ph-item__quote--no'}>
          {item.accepted ? '居民要' : '居民不要'}
        </View>
      ) : null}
    </View>
  );
}
