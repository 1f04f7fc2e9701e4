import type { CodeLoginRequest } from '@linli/shared-types';
import { IsOptional, IsString, Length } from 'class-validator';

export class CodeLoginDto implements CodeLoginRequest {
  /** As typed: grouped or not, any case (the service normalizes it). */
  @IsString({ message: '请输入登录码' })
  @Length(1, 40, { message: '登录码是 10 位字母和数字' })
  code: string;

  /** wx.login's code, when signing in inside WeChat: the account then gets this WeChat. */
  @IsOptional()
  @IsString({ message: '登录凭证格式不对' })
  @Length(1, 128, { message: '登录凭证格式不对' })
  wechatCode?: string;
}
