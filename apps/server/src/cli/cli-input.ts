import { PHONE_PATTERN } from '@linli/shared-types';
import { plainToInstance, Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, validateSync } from 'class-validator';
import { trim } from '../common/validators';
import { DomainError } from '../common/domain-error';

/** The options of the CLI's commands, checked like an HTTP body before anything is written. */

export class CommunityInput {
  @Transform(trim)
  @IsString({ message: '请用 --name 给出社区名称' })
  @Length(1, 100, { message: '社区名称要 1 到 100 个字' })
  name: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 40, { message: '区名要 1 到 40 个字' })
  district?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: '地址要 1 到 200 个字' })
  address?: string;
}

/** community:create: the community and its first staff member. */
export class NewCommunityInput extends CommunityInput {
  @Transform(trim)
  @IsString({ message: '请用 --staff-name 给出第一位工作人员的姓名' })
  @Length(1, 40, { message: '姓名要 1 到 40 个字' })
  staffName: string;

  @Transform(trim)
  @IsString({ message: '请用 --staff-phone 给出第一位工作人员的手机号' })
  @Matches(PHONE_PATTERN, { message: '请填写正确的 11 位手机号' })
  staffPhone: string;
}

export class StaffInput {
  @Transform(trim)
  @IsString({ message: '请用 --name 给出工作人员的姓名' })
  @Length(1, 40, { message: '姓名要 1 到 40 个字' })
  name: string;

  @Transform(trim)
  @IsString({ message: '请用 --phone 给出工作人员的手机号' })
  @Matches(PHONE_PATTERN, { message: '请填写正确的 11 位手机号' })
  phone: string;
}

export class CommunityRef {
  @Transform(trim)
  @IsString({ message: '请用 --community 给出社区编号或名称（npm run linli -- community:list 可以查看）' })
  @Length(1, 100, { message: '请用 --community 给出社区编号或名称' })
  community: string;
}

export class PhoneInput {
  @Transform(trim)
  @IsString({ message: '请用 --phone 给出工作人员的手机号' })
  @Matches(PHONE_PATTERN, { message: '请填写正确的 11 位手机号' })
  phone: string;
}

/** staffPhone → --staff-phone: the flag the operator typed. */
const flag = (property: string): string => `--${property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The options as an instance of `type`, or VALIDATION_FAILED naming each bad option by its flag. */
export function checked<T extends object>(type: new () => T, plain: Record<string, unknown>): T {
  const value = plainToInstance(type, plain);
  const errors = validateSync(value, { whitelist: true });
  if (errors.length > 0) {
    const fields: Record<string, string> = {};
    for (const e of errors) {
      const c = e.constraints ?? {};
      // A missing option says so, rather than that its length is wrong.
      fields[flag(e.property)] = c.isString ?? Object.values(c)[0] ?? '格式不对';
    }
    throw new DomainError('VALIDATION_FAILED', { fields });
  }
  return value;
}
