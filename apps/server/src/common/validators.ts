import { applyDecorators } from '@nestjs/common';
import { PHONE_PATTERN } from '@linli/shared-types';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

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

/** The largest id a row can have: ids live in signed 32-bit INT columns. */
export const MAX_ID = 2_147_483_647;

/**
 * The id of a row: a whole number from 1 to MAX_ID. Anything else (0, -1e308, 2^31, 1e308,
 * which `IsInt` alone takes) is refused at the edge instead of reaching a query or a column.
 */
export function IsId(message: string, { each = false }: { each?: boolean } = {}): PropertyDecorator {
  return applyDecorators(IsInt({ message, each }), Min(1, { message, each }), Max(MAX_ID, { message, each }));
}

/**
 * A field the request may leave out, but not send as `null`: for a contract field typed `T?`
 * (class-validator's IsOptional lets null through, and the service would then write it).
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_: unknown, value: unknown) => value !== undefined);
}

/**
 * An array of `type`: each element an object of that class, validated in turn. Without IsObject
 * an array or null inside it passes ValidateNested (an array is "validated" element by element).
 */
export function NestedObjects(type: () => new () => object, message = '格式不对，请刷新页面后重试'): PropertyDecorator {
  return applyDecorators(IsObject({ each: true, message }), ValidateNested({ each: true }), Type(type));
}
