import { useEffect, useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import type { SignupView } from '@linli/shared-types';
import { ConfirmDialog } from '@/components/ConfirmDialog';

interface RejectSignupDialogProps {
  signup: SignupView | null;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks why a sign-up is not approved (2–200 characters): the resident reads it on their page. */
export function RejectSignupDialog({ signup, busy, onConfirm, onCancel }: RejectSignupDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    setReason('');
    setError('');
  }, [signup?.id]);

  const confirm = () => {
    const text = reason.trim();
    if (text.length < 2 || text.length > 200) {
      setError('请写明没有通过的原因（2 到 200 个字），报名的居民会看到');
      return;
    }
    onConfirm(text);
  };

  return (
    <ConfirmDialog visible={signup !== null} title="不通过" confirmText="不通过" danger busy={busy} onConfirm={confirm} onCancel={onCancel}>
      <View>{signup ? `${signup.nickname}（${signup.door}）` : ''}</View>
      <Textarea
        id="signup-reject-reason"
        className="textarea"
        value={reason}
        maxlength={200}
        placeholder="例如：这次只招 18 到 60 岁的志愿者"
        placeholderClass="input-placeholder"
        onInput={(e) => {
          setReason(e.detail.value);
          setError('');
        }}
      />
      {error ? (
        <View className="error-text" id="signup-reject-error">
          {error}
        </View>
      ) : null}
    </ConfirmDialog>
  );
}
