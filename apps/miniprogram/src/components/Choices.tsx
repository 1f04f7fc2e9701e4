import { View } from '@tarojs/components';
import './Choices.css';

export interface Choice<T> {
  value: T;
  label: string;
}

interface ChoicesProps<T> {
  /** Prefix of each option's id: `${idPrefix}-${index}`. */
  idPrefix: string;
  options: Choice<T>[];
  /** Selected values (one for a single choice). */
  selected: readonly T[];
  onToggle: (value: T) => void;
  /** Options per row: 4 for short names (3栋), 3 for units, 2 for long labels (独居老人), 1 for sentences. */
  columns?: 1 | 2 | 3 | 4;
}

/**
 * Big buttons, all visible at once: for an elderly person easier than a scrolling wheel
 * picker, and they fit the few buildings, units and tags a community has.
 */
export function Choices<T extends string | number>({ idPrefix, options, selected, onToggle, columns = 4 }: ChoicesProps<T>) {
  return (
    <View className={`choices choices--${columns}`} role="listbox">
      {options.map((option, index) => {
        const isSelected = selected.includes(option.value);
        return (
          <View
            key={String(option.value)}
            id={`${idPrefix}-${index}`}
            className={isSelected ? 'choice choice--selected' : 'choice'}
            role="option"
            aria-selected={isSelected}
            onClick={() => onToggle(option.value)}
          >
            {option.label}
          </View>
        );
      })}
    </View>
  );
}
