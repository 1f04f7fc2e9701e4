import { View } from '@tarojs/components';
import type { Choice } from './Choices';
import './Segments.css';

interface SegmentsProps<T> {
  idPrefix: string;
  options: Choice<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** Two or three modes side by side, the chosen one filled. */
export function Segments<T extends string>({ idPrefix, options, value, onChange }: SegmentsProps<T>) {
  return (
    <View className="segments" role="tablist">
      {options.map((option) => (
        <View
          key={option.value}
          id={`${idPrefix}-${option.value}`}
          role="tab"
          aria-selected={option.value === value}
          className={option.value === value ? 'segment segment--selected' : 'segment'}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </View>
      ))}
    </View>
  );
}
