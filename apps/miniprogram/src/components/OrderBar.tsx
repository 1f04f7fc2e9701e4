import { Textarea, View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import { TotalRow } from './TotalRow';
import './OrderBar.css';

/** Element ids of one OrderBar (the resident's order page and staff's proxy order keep their own). */
export interface OrderBarIds {
  note: string;
  total: string;
  error: string;
  submit: string;
}

/**
 * The bottom of an order: a note, the total, the server's refusal, and the button that asks for
 * confirmation (disabled until something is chosen).
 */
export function OrderBar(props: {
  ids: OrderBarIds;
  noteLabel: string;
  notePlaceholder?: string;
  note: string;
  onNote: (note: string) => void;
  totalFen: number;
  error: string;
  empty: boolean;
  busy: boolean;
  submitText: string;
  onSubmit: () => void;
}) {
  const { ids } = props;
  return (
    <View className="card order-bar">
      <View className="field__label">{props.noteLabel}</View>
      <Textarea
        id={ids.note}
        className="textarea"
        value={props.note}
        maxlength={200}
        placeholder={props.notePlaceholder}
        placeholderClass="input-placeholder"
        onInput={(e) => props.onNote(e.detail.value)}
      />
      <TotalRow id={ids.total} fen={props.totalFen} />
      {props.error ? (
        <View className="error-text" role="alert" id={ids.error}>
          {props.error}
        </View>
      ) : null}
      <View className="gap-top">
        <Button id={ids.submit} type="primary" size="large" block disabled={props.empty} loading={props.busy} onClick={props.onSubmit}>
          {props.empty ? '请先选择数量' : props.submitText}
        </Button>
      </View>
    </View>
  );
}
