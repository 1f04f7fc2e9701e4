import { View } from '@tarojs/components';
import { PARCEL_STATE_LABELS, type ParcelSummary } from '@linli/shared-types';
import { formatTime } from '@/utils/format';
import './StepTimeline.css';

/** The delivery in words: 配送中, 11月23日 14:05 送到家门口… */
export function parcelText(parcel: ParcelSummary): string {
  if (parcel.state === 'DELIVERED') return parcel.deliveredAt ? `${formatTime(parcel.deliveredAt)} 送到家门口` : '已送到家门口';
  if (parcel.state === 'LEFT_AT_DOOR')
    return parcel.leftAt ? `${formatTime(parcel.leftAt)} 放在门口，等您确认` : PARCEL_STATE_LABELS.LEFT_AT_DOOR;
  return `配送：${PARCEL_STATE_LABELS[parcel.state]}`;
}

interface StepTimelineProps<S extends string> {
  /** The steps to show, in order. */
  steps: S[];
  /** Where it is now: the steps before it are done. */
  current: S;
  labels: Record<S, string>;
  /** The delivery, shown under `packedStep` on its way and under `deliveredStep` once delivered. */
  parcel: ParcelSummary | null;
  packedStep: S;
  deliveredStep: S;
  /** The id of the delivery's line, for end-to-end tests. */
  parcelId: string;
  /** More classes for the timeline, e.g. to grey out one that ended. */
  className?: string;
}

/** How far an order or a request got: a dot per step, done ones filled, the delivery in words. */
export function StepTimeline<S extends string>({
  steps,
  current,
  labels,
  parcel,
  packedStep,
  deliveredStep,
  parcelId,
  className,
}: StepTimelineProps<S>) {
  const at = steps.indexOf(current);
  return (
    <View className={className ? `gap-top timeline ${className}` : 'gap-top timeline'}>
      {steps.map((state, index) => {
        const cls =
          index === at
            ? 'timeline__step timeline__step--done timeline__step--current'
            : index < at
              ? 'timeline__step timeline__step--done'
              : 'timeline__step';
        return (
          <View key={state}>
            {index > 0 ? <View className="timeline__line" /> : null}
            <View className={cls}>
              <View className="timeline__dot" />
              <View>{labels[state]}</View>
            </View>
            {state === packedStep && parcel && parcel.state !== 'DELIVERED' ? (
              <View id={parcelId} className="timeline__parcel">
                {parcelText(parcel)}
              </View>
            ) : null}
            {state === deliveredStep && parcel?.state === 'DELIVERED' ? (
              <View id={parcelId} className="timeline__parcel timeline__parcel--done">
                {parcelText(parcel)}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
