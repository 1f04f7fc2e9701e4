import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button, Dialog } from '@/components/nutui';
import './ConfirmDialog.css';

interface ConfirmDialogProps {
  visible: boolean;
  title: string;
  children?: ReactNode;
  confirmText: string;
  cancelText?: string;
  /** Red confirm button for actions that refuse or end something (驳回, 退出登录). */
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question with two big buttons side by side; ids dialog-confirm / dialog-cancel. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { visible, title, children, confirmText, cancelText = '取消', danger, busy, onConfirm, onCancel } = props;
  return (
    <Dialog
      visible={visible}
      title={title}
      closeOnOverlayClick={false}
      onClose={onCancel}
      onCancel={onCancel}
      footer={
        <View className="button-row dialog-footer">
          <Button id="dialog-cancel" size="large" fill="outline" onClick={onCancel} disabled={busy}>
            {cancelText}
          </Button>
          <Button id="dialog-confirm" size="large" type={danger ? 'danger' : 'primary'} loading={busy} onClick={onConfirm}>
            {confirmText}
          </Button>
        </View>
      }
    >
      {children ? <View className="dialog-body">{children}</View> : null}
    </Dialog>
  );
}
