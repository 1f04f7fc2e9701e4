import { applyDecorators } from '@nestjs/common';
import { PHONE_PATTERN } from '@linli/shared-types';
import { Transform, Type } from 'class-transformer';
import { IsObject, IsOptional, Matches, ValidateIf, ValidateNested } from 'class-validator';

/** class-transformer: strings arrive trimmed. */
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** class-transformer: an empty query parameter counts as absent. */
export const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/** An optional mainland mobile number: absent, null or empty, or 11 digits starting 1[3-9]. */
export function OptionalPhone(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(trim),
    ValidateIf((_: unknown, value: unknown) => value !== null && value !== ''),
    Matches(PHONE_PATTERN, { message: '请填写正确的 11 位手机号' }),
  );
}

/**
 * An array of `type`: each element an object of that class, validated in turn. Without IsObject
 * an array or null inside it passes ValidateNested (an array is "validated" element by element).
 */
export function NestedObjects(type: () => new () => object, message = '格式不对，请刷新页面后重试'): PropertyDecorator {
  return applyDecorators(IsObject({ each: true, message }), ValidateNested({ each: true }), Type(type));
}
