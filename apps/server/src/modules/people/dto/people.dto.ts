import {
  INVITE_ROLES,
  REVOCABLE_ROLES,
  SQUADS,
  type CreateRoleInviteRequest,
  type InviteRole,
  type RedeemInviteRequest,
  type RevocableRole,
  type RevokeRoleRequest,
  type Squad,
} from '@linli/shared-types';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { trim } from '../../../common/validators';

export class CreateRoleInviteDto implements CreateRoleInviteRequest {
  @IsIn(INVITE_ROLES, { message: '请选择要邀请的身份' })
  role: InviteRole;

  @IsOptional()
  @IsIn(SQUADS, { message: '请选择小组' })
  squad?: Squad;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: '备注请填写文字' })
  @MaxLength(100, { message: '备注最多 100 个字' })
  note?: string;
}

export class RedeemInviteDto implements RedeemInviteRequest {
  @Transform(trim)
  @IsString({ message: '请输入邀请码' })
  @Length(4, 12, { message: '请输入 8 位邀请码' })
  code: string;
}

export class RevokeRoleDto implements RevokeRoleRequest {
  @IsIn(REVOCABLE_ROLES, { message: '请选择要撤销的身份' })
  role: RevocableRole;

  @Transform(trim)
  @IsString({ message: '请写明撤销的原因' })
  @Length(2, 200, { message: '请写明撤销的原因（2 到 200 个字）' })
  reason: string;
}
