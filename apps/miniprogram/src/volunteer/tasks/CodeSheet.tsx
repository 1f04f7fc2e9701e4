import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import { Sheet } from '@/components/Sheet';
import { TextInput } from '@/components/TextInput';
import { door } from '../parcels';
import type { CodeTarget } from './useScans';

interface CodeSheetProps {
  /** What the code is for; null while the sheet is closed. */
  target: CodeTarget | null;
  code: string;
  error: string;
  busy: boolean;
  onCode: (code: string) => void;
  onRescan: (target: CodeTarget) => void;
  onSubmit: (target: CodeTarget) => void;
  onClose: () => void;
}

/** The code typed by hand (the browser, or when the camera cannot read it), with the server's refusal. */
export function CodeSheet({ target, code, error, busy, onCode, onRescan, onSubmit, onClose }: CodeSheetProps) {
  return (
    <Sheet
      id="code-sheet"
      visible={target !== null}
      title={target?.kind === 'deliver' ? `送达 ${door(target.task)}` : '扫码取件'}
      onClose={onClose}
    >
      <View className="text sheet-hint">
        {target?.kind === 'deliver'
          ? '请住户出示订单里的取货二维码；扫不了时输入码下的编号'
          : '扫包裹标签上的二维码；扫不了时输入标签上的编号'}
      </View>
      <TextInput id="code-input" value={code} onChange={onCode} placeholder="输入编号" maxlength={500} invalid={error !== ''} />
      {error ? (
        <View id="code-error" className="error-text code-error" role="alert">
          {error}
        </View>
      ) : null}
      {process.env.TARO_ENV === 'weapp' && target ? (
        <View className="gap-top">
          <Button id="code-rescan" size="large" block fill="outline" onClick={() => onRescan(target)}>
            再扫一次
          </Button>
        </View>
      ) : null}
      <View className="gap-top">
        <View className="button-row">
          <Button id="code-cancel" size="large" fill="outline" disabled={busy} onClick={onClose}>
            取消
          </Button>
          <Button id="code-submit" type="primary" size="large" loading={busy} onClick={() => target && onSubmit(target)}>
            确定
          </Button>
        </View>
      </View>
    </Sheet>
  );
}
