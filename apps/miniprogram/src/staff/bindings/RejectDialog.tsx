import { useEffect, useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import type { BindingRequestView } from '@linli/shared-types';
import { ConfirmDialog } from '@/components/ConfirmDialog';

interface RejectDialogProps {
  binding: BindingRequestView | null;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks why a request is rejected: the resident reads this reason on their page. */
export function RejectDialog({ binding, busy, onConfirm, onCancel }: RejectDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    setReason('');
    setError('');
  }, [binding?.id]);

  const confirm = () => {
    if (!reason.trim()) {
      setError('请填写驳回原因，住户会看到');
      return;
    }
    onConfirm(reason.trim());
  };

  return (
    <ConfirmDialog
      visible={binding !== null}
      title="驳回申请"
      confirmText="驳回"
      danger
      busy={busy}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <View>{binding ? `${binding.name}：${binding.address}` : ''}</View>
      <Textarea
        id="reject-reason"
        className="textarea"
        value={reason}
        maxlength={200}
        placeholder="请写明原因，例如：房号与登记不符"
        placeholderClass="input-placeholder"
        onInput={(e) => {
          setReason(e.detail.value);
          setError('');
        }}
      />
      {error ? <View className="error-text">{error}</View> : null}
    </ConfirmDialog>
  );
}
