import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import type { MedicineRequestView } from '@linli/shared-types';
import { refundText } from '../texts';

/**
 * Why the request left the usual road, in the words the resident reads first: the pharmacy
 * refused it, could not buy it (staff are finding another pharmacy), or it was cancelled with a
 * reason (a parcel that came back, a hand-over to another pharmacy). Nothing otherwise.
 */
export function Outcome({ request }: { request: MedicineRequestView }) {
  const phone = request.pharmacy.phone ? <View className="text gap-top">{`有疑问可以打药房电话 ${request.pharmacy.phone}`}</View> : null;
  const refund = refundText(request);
  if (request.state === 'REJECTED') {
    return (
      <View className="status status--rejected" id="medicine-rejected">
        <View className="status__title">药房没有受理</View>
        <View className="text" id="medicine-rejection-reason">{`原因：${request.rejectionReason ?? '药房没有写原因'}`}</View>
        {phone}
      </View>
    );
  }
  if (request.state === 'CANNOT_BUY') {
    return (
      <View className="status status--pending" id="medicine-cannot-buy">
        <View className="status__title">药房买不到这些药</View>
        <View className="text" id="medicine-cannot-buy-reason">{`原因：${request.cannotBuyReason ?? '药房没有写原因'}`}</View>
        <View className="text gap-top">社区工作人员正在找别的药房帮您买，有消息会告诉您。不想要了也可以取消登记。</View>
        {refund ? <View className="text gap-top">{refund}</View> : null}
      </View>
    );
  }
  if (request.state === 'CANCELLED' && (request.cancelReason || request.cannotBuyReason)) {
    return (
      <View className="status status--rejected" id="medicine-cancelled">
        <View className="status__title">这次登记已取消</View>
        {request.cancelReason ? <View className="text" id="medicine-cancel-reason">{`原因：${request.cancelReason}`}</View> : null}
        {request.cannotBuyReason ? <View className="text">{`药房买不到：${request.cannotBuyReason}`}</View> : null}
        {request.movedTo ? (
          <View className="gap-top">
            <Button
              id="medicine-moved-to"
              type="primary"
              size="large"
              block
              onClick={() => void Taro.redirectTo({ url: `/medicine/request/index?id=${request.movedTo}` })}
            >
              查看新药房的登记
            </Button>
          </View>
        ) : null}
        {refund ? <View className="text gap-top">{refund}</View> : null}
      </View>
    );
  }
  return null;
}
