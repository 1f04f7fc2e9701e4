import { useState } from 'react';
import { View } from '@tarojs/components';
import type { OrderQrView, ParcelSummary } from '@linli/shared-types';
import { getParcelDoorCode } from '@/api';
import { Button } from '@/components/nutui';
import { QrOverlay } from '@/components/QrOverlay';
import { useAction } from '@/hooks/useAction';
import { formatTime } from '@/utils/format';

/**
 * 收货码: a parcel with no order QR (medicine, a prize) is opened at the door with its own door
 * code, shown full screen for the volunteer's 扫码送达. Fetched when tapped (it is signed for this parcel).
 */
export function DoorCode({ parcel, idPrefix, title, hint }: { parcel: ParcelSummary; idPrefix: string; title: string; hint: string }) {
  const [code, setCode] = useState<OrderQrView | null>(null);
  // Changes nothing on the server; useAction gives the busy flag and the error toast.
  const open = useAction(async (parcelId: number) => {
    const next = await getParcelDoorCode(parcelId);
    setCode(next);
    return next;
  });

  return (
    <View className="card" id={`${idPrefix}-door-code`}>
      <View className="card-title">{title}</View>
      <View className="text">志愿者送上门时，点下面的「收货码」给志愿者扫一下。</View>
      <View className="gap-top">
        <Button
          id={`${idPrefix}-door-code-open`}
          type="primary"
          size="large"
          block
          loading={open.busy}
          onClick={() => void open.run(parcel.id)}
        >
          收货码
        </Button>
      </View>
      {code ? (
        <QrOverlay
          id={`${idPrefix}-door-code-overlay`}
          image={code.image}
          hint={hint}
          note={`有效期至 ${formatTime(code.expiresAt)}`}
          onClose={() => setCode(null)}
        />
      ) : null}
    </View>
  );
}
