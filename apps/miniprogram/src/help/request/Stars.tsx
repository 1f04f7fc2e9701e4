import { View } from '@tarojs/components';

const STAR_WORDS = ['', '很不满意', '不太满意', '一般', '满意', '非常满意'];

/** Five big stars to tap; ids help-star-1 … help-star-5. */
export function Stars({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  return (
    <View>
      <View className="hp-stars" role="radiogroup">
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            id={`help-star-${n}`}
            role="radio"
            aria-checked={value === n}
            aria-label={`${n} 星`}
            className={n <= value ? 'hp-star hp-star--on' : 'hp-star'}
            onClick={() => onChange(n)}
          >
            ★
          </View>
        ))}
      </View>
      <View className="muted">{value > 0 ? STAR_WORDS[value] : '点星星打分'}</View>
    </View>
  );
}
