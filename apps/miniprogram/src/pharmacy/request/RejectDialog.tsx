import { useEffect, useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import type { MedicineRequestView } from '@linli/shared-types';
import { ConfirmDialog } from '@/components/ConfirmDialog';

interface RejectDialogProps {
  request: MedicineRequestView | null;
  visible: boolean;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks why the pharmacy cannot take the request (2–200 characters): the resident reads it. */
export function RejectDialog({ request, visible, busy, onConfirm, onCancel }: RejectDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    setReason('');
    setError('');
  }, [visible]);

  const confirm = () => {
    const text = reason.trim();
    if (text.length < 2 || text.length > 200) {
      setError('请写明不能受理的原因（2 到 200 个字），居民会看到');
      return;
    }
    onConfirm(text);
  };

  return (
    <ConfirmDialog
      visible={visible}
      title="不能受理"
      confirmText="不能受理"
      cancelText="返回"
      danger
      busy={busy}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <View>{request ? `${request.address} 的买药登记` : ''}</View>
      <Textarea
        id="reject-reason"
        className="textarea"
        value={reason}
        maxlength={200}
        placeholder="例如：处方照片看不清，请重新拍一张清楚的"
        placeholderClass="input-placeholder"
        onInput={(e) => {
          setReason(e.detail.value);
          setError('');
        }}
      />
      {error ? (
        <View className="error-text" id="reject-error">
          {error}
        </View>
      ) : null}
    </ConfirmDialog>
  );
}
