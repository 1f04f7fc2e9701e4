import {
  SUBSCRIBE_MOMENTS,
  SUBSCRIBE_RESULTS,
  type SubscribeMoment,
  type SubscribeResult,
  type SubscribeResultsRequest,
} from '@linli/shared-types';
import { IsIn, IsObject, ValidateBy } from 'class-validator';

/** At most this many template ids in one answer (WeChat's popup shows 3; its newer pages say 5). */
const MAX_RESULTS = 5;

/** template id → accept | reject | ban | filter, as `Taro.requestSubscribeMessage` answers (its errMsg key dropped by the app). */
function IsSubscribeResults(): PropertyDecorator {
  return ValidateBy({
    name: 'isSubscribeResults',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= MAX_RESULTS &&
        Object.entries(value).every(
          ([id, result]) => /^[A-Za-z0-9_-]{1,64}$/.test(id) && (SUBSCRIBE_RESULTS as readonly unknown[]).includes(result),
        ),
      defaultMessage: () => '订阅结果格式不对，请重试',
    },
  });
}

export class SubscribeResultsDto implements SubscribeResultsRequest {
  /** What the subscribe popup answered, per template id. */
  @IsObject({ message: '订阅结果格式不对，请重试' })
  @IsSubscribeResults()
  results: Record<string, SubscribeResult>;
}

export class SubscribeTemplatesQueryDto {
  /** The tap the app is at: placing an order, asking for medicine, going on duty, registering for a fair-share window. */
  @IsIn(SUBSCRIBE_MOMENTS, { message: '请选择订阅的场景' })
  moment: SubscribeMoment;
}
