import { useEffect, useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { checkReason, type ReasonRule } from '@/utils/reason';
import { ConfirmDialog } from './ConfirmDialog';

interface ReasonDialogProps {
  visible: boolean;
  /** The box starts blank again whenever this changes (another request, or the dialog opened again). */
  resetKey: unknown;
  title: string;
  confirmText: string;
  cancelText?: string;
  /** Who or what is refused, above the box. */
  subject: string;
  placeholder: string;
  rule: ReasonRule;
  inputId: string;
  errorId?: string;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks why something is refused (驳回, 不能受理, 不通过): the person refused reads this reason. */
export function ReasonDialog(props: ReasonDialogProps) {
  const { visible, resetKey, title, confirmText, cancelText, subject, placeholder, rule, inputId, errorId, busy, onConfirm, onCancel } =
    props;
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    setReason('');
    setError('');
  }, [resetKey]);

  const confirm = () => {
    const checked = checkReason(reason, rule);
    if ('error' in checked) setError(checked.error);
    else onConfirm(checked.reason);
  };

  return (
    <ConfirmDialog
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText={cancelText}
      danger
      busy={busy}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <View>{subject}</View>
      <Textarea
        id={inputId}
        className="textarea"
        value={reason}
        maxlength={200}
        placeholder={placeholder}
        placeholderClass="input-placeholder"
        onInput={(e) => {
          setReason(e.detail.value);
          setError('');
        }}
      />
      {error ? (
        <View className="error-text" id={errorId}>
          {error}
        </View>
      ) : null}
    </ConfirmDialog>
  );
}
