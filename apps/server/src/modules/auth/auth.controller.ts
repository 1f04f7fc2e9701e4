import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { DevUsersResponse, LoginResponse } from '@linli/shared-types';
import { Public } from '../../common/actor';
import { CallsOut } from '../../common/idempotency/calls-out';
import { DevLoginDto, WechatLoginDto } from '../community/dto/community.dto';
import { AuthService } from './auth.service';
import { CodeLoginDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
@Public()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** The code from Taro.login → code2Session → our token. */
  @Post('wechat')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @CallsOut()
  wechat(@Body() dto: WechatLoginDto): Promise<LoginResponse> {
    return this.auth.wechatLogin(dto.code);
  }

  /**
   * A one-time sign-in code (printed by the operator's CLI) → our token; with `wechatCode`, the
   * account gets that WeChat. Rate-limited like every login.
   */
  @Post('code')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @CallsOut()
  code(@Body() dto: CodeLoginDto): Promise<LoginResponse> {
    return this.auth.codeLogin(dto);
  }

  /** Whether the demo login exists here, and its users. */
  @Get('dev-users')
  devUsers(): DevUsersResponse {
    return this.auth.devUsers();
  }

  /** Demo login: outside production and without WeChat credentials only. */
  @Post('dev')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  dev(@Body() dto: DevLoginDto): Promise<LoginResponse> {
    return this.auth.devLogin(dto);
  }
}
