import { View } from '@tarojs/components';
import { PARCEL_STATE_LABELS, type MedicineRequestView } from '@linli/shared-types';

/**
 * Where the request ended up, at the top for the pharmacist: not taken (with the reason given),
 * bought and on its way, or given up as 买不到 (staff now find another pharmacy) or cancelled.
 */
export function Outcome({ req }: { req: MedicineRequestView }) {
  if (req.state === 'REJECTED') {
    return (
      <View className="status status--rejected" id="req-rejected">
        <View className="status__title">未受理</View>
        <View className="text">{`原因：${req.rejectionReason ?? ''}`}</View>
      </View>
    );
  }
  if (req.state === 'PURCHASED' || req.state === 'DELIVERED') {
    return (
      <View className="status status--ok" id="req-purchased">
        <View className="status__title">{req.state === 'DELIVERED' ? '已送达' : '已买到，待配送'}</View>
        {req.parcel ? <View className="text" id="req-parcel">{`包裹：${PARCEL_STATE_LABELS[req.parcel.state]}`}</View> : null}
        {req.state === 'PURCHASED' ? <View className="text">社区会安排志愿者把药送到居民家门口</View> : null}
      </View>
    );
  }
  if (req.state === 'CANNOT_BUY') {
    return (
      <View className="status status--pending" id="req-cannot-buy-done">
        <View className="status__title">买不到，已交社区协调</View>
        <View className="text" id="req-cannot-buy-reason">{`原因：${req.cannotBuyReason ?? ''}`}</View>
        <View className="text gap-top">居民已经看到原因，社区工作人员会找别的药房。</View>
      </View>
    );
  }
  if (req.state === 'CANCELLED') {
    return (
      <View className="status status--rejected" id="req-cancelled">
        <View className="status__title">已取消</View>
        {req.cancelReason ? <View className="text">{`原因：${req.cancelReason}`}</View> : null}
        {!req.cancelReason ? <View className="text">居民或社区取消了这次登记，不用再买。</View> : null}
      </View>
    );
  }
  return null;
}
