import { View } from '@tarojs/components';
import './Stepper.css';

interface StepperProps {
  /** Ids of its parts: `${idPrefix}-minus`, `${idPrefix}-quantity`, `${idPrefix}-plus`. */
  idPrefix: string;
  value: number;
  /** Greys out − or + at the limit (the tap is still passed on: the caller keeps the value in range). */
  canLess: boolean;
  canMore: boolean;
  /** What − and + say to a screen reader: 减少一份, 多一盒… */
  lessLabel: string;
  moreLabel: string;
  onStep: (delta: -1 | 1) => void;
  className?: string;
}

/** A number chosen with two big buttons, − and +, instead of typing it. */
export function Stepper({ idPrefix, value, canLess, canMore, lessLabel, moreLabel, onStep, className }: StepperProps) {
  return (
    <View className={className ? `stepper ${className}` : 'stepper'}>
      <View
        id={`${idPrefix}-minus`}
        role="button"
        aria-label={lessLabel}
        className={canLess ? 'stepper__button' : 'stepper__button stepper__button--disabled'}
        onClick={() => onStep(-1)}
      >
        −
      </View>
      <View id={`${idPrefix}-quantity`} className="stepper__value">
        {value}
      </View>
      <View
        id={`${idPrefix}-plus`}
        role="button"
        aria-label={moreLabel}
        className={canMore ? 'stepper__button' : 'stepper__button stepper__button--disabled'}
        onClick={() => onStep(1)}
      >
        +
      </View>
    </View>
  );
}
