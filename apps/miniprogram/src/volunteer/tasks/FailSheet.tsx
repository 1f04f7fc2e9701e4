import { View } from '@tarojs/components';
import { FAILURE_REASON_LABELS, FAILURE_REASONS, type FailureReason, type ParcelTaskView } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { Sheet } from '@/components/Sheet';
import { door } from '../parcels';

interface FailSheetProps {
  /** The task that could not be delivered; null while the sheet is closed. */
  task: ParcelTaskView | null;
  busy: boolean;
  onFail: (task: ParcelTaskView, reason: FailureReason) => void;
  onClose: () => void;
}

/** 没送成: one big button per reason; the parcel goes back to the supply point. */
export function FailSheet({ task, busy, onFail, onClose }: FailSheetProps) {
  return (
    <Sheet id="fail-sheet" visible={task !== null} title={task ? `没送成：${door(task)}` : '没送成'} onClose={onClose}>
      <View className="text sheet-hint">选一个原因，包裹请交回取货点</View>
      <View className="button-stack">
        {FAILURE_REASONS.map((reason) => (
          <Button
            key={reason}
            id={`fail-${reason}`}
            size="large"
            block
            fill="outline"
            disabled={busy}
            onClick={() => task && onFail(task, reason)}
          >
            {FAILURE_REASON_LABELS[reason]}
          </Button>
        ))}
        <Button id="fail-cancel" size="large" block onClick={onClose}>
          取消
        </Button>
      </View>
    </Sheet>
  );
}
