import { useMemo, useState } from 'react';
import { View } from '@tarojs/components';
import { DatePicker } from './picker';
import { dayToWall, fromWall, toWall, wallToDay } from './wall-time';
import './DateTimeField.css';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年4月25日 周六 12:00 (a picker Date, read by its wall clock). */
function spoken(d: Date, withTime: boolean): string {
  const day = `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 周${WEEKDAYS[d.getDay()] ?? ''}`;
  return withTime ? `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}` : day;
}

interface Props {
  /** Id of the tappable box; the picker's wheel is inside `.nut-picker` while open. */
  id: string;
  title: string;
  /** 'datetime': an ISO moment (hours in Beijing time); 'date': a YYYY-MM-DD day. */
  type: 'datetime' | 'date';
  value: string;
  onChange: (value: string) => void;
  /** Earliest and latest choice, as ms. */
  min: number;
  max: number;
  /** Shown instead of the picker when the value cannot change any more (an opening time that passed). */
  locked?: string;
  invalid?: boolean;
}

/**
 * A date (and time) shown large, in words (4月25日 周六 12:00), chosen on NutUI's wheel picker
 * rather than typed, so it is always a real day and a real time. Minutes step by 5.
 */
export function DateTimeField({ id, title, type, value, onChange, min, max, locked, invalid }: Props) {
  const [open, setOpen] = useState(false);
  const withTime = type === 'datetime';
  const current = withTime ? toWall(value) : dayToWall(value);
  const [start, end] = useMemo(() => [toWall(min), toWall(max)], [min, max]);
  const box = `dt-field${invalid ? ' dt-field--error' : ''}${locked ? ' dt-field--locked' : ''}`;
  return (
    <View>
      <View id={id} className={box} role="button" onClick={() => (locked ? undefined : setOpen(true))}>
        <View className="dt-field__value">{spoken(current, withTime)}</View>
        {locked ? null : <View className="dt-field__change">修改 ›</View>}
      </View>
      {locked ? <View className="field__hint">{locked}</View> : null}
      {open ? (
        <DatePicker
          visible
          title={title}
          type={type}
          showChinese
          minuteStep={5}
          threeDimensional={false}
          value={current}
          startDate={start}
          endDate={end}
          onClose={() => setOpen(false)}
          onConfirm={(_options, values) => {
            const [y, mo, d, h, mi] = values.map(Number) as [number, number, number, number?, number?];
            const picked = new Date(y, mo - 1, d, h ?? 0, mi ?? 0);
            onChange(withTime ? fromWall(picked) : wallToDay(picked));
          }}
        />
      ) : null}
    </View>
  );
}
