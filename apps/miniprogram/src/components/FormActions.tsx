import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';

interface FormActionsProps {
  /** What is wrong, above the buttons where the person is looking; '' for nothing. */
  error: string;
  errorId: string;
  submitId: string;
  submitText: string;
  busy: boolean;
  onSubmit: () => void;
  /** 取消, shown only when given. */
  cancelId: string;
  onCancel?: () => void;
}

/** The foot of a form in a card: its error, then 取消 (when it can be closed) and the submit button. */
export function FormActions({ error, errorId, submitId, submitText, busy, onSubmit, cancelId, onCancel }: FormActionsProps) {
  return (
    <>
      {error ? (
        <View className="error-text" role="alert" id={errorId}>
          {error}
        </View>
      ) : null}
      <View className="button-row gap-top">
        {onCancel ? (
          <Button id={cancelId} size="large" fill="outline" disabled={busy} onClick={onCancel}>
            取消
          </Button>
        ) : null}
        <Button id={submitId} type="primary" size="large" loading={busy} onClick={onSubmit}>
          {submitText}
        </Button>
      </View>
    </>
  );
}
