import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CodeLoginRequest, DevLoginRequest, DevUsersResponse, LoginResponse } from '@linli/shared-types';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DEMO_USERS } from '../../database/demo-seed';
import { WechatAuthClient } from '../../wechat/wechat-auth.client';
import { MeService } from '../community/me.service';
import { UsersService } from '../community/users.service';
import { normalizeSignInCode } from './sign-in-code';
import { SignInCodesService } from './sign-in-codes.service';

/** Logins: WeChat's code2Session in production, one-time sign-in codes, a demo-user picker outside production. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly db: Db,
    private readonly users: UsersService,
    private readonly meService: MeService,
    private readonly wechat: WechatAuthClient,
    private readonly codes: SignInCodesService,
  ) {}

  /**
   * code2Session, then the account. The route is @CallsOut: WeChat is asked outside any
   * transaction (once: a deadlock retry of the short transaction after it never asks again,
   * which matters because a login code works only once).
   */
  async wechatLogin(code: string): Promise<LoginResponse> {
    if (!this.wechat.configured) throw new DomainError('WECHAT_UNAVAILABLE', { reason: 'WeChat login is not configured on this server' });
    const session = await this.wechat.code2Session(code);
    return this.db.transaction(async () => this.issue((await this.users.findOrCreateByOpenid(session.openid)).id));
  }

  /**
   * A one-time sign-in code from the operator's CLI. Inside WeChat the app sends its wx.login
   * code as well: WeChat is asked first, outside the transaction; then, in one transaction, the
   * code is used and the account gets that WeChat (refused, with the code left unused, when the
   * WeChat belongs to another account that holds roles). The person acts in the code's community.
   */
  async codeLogin(dto: CodeLoginRequest): Promise<LoginResponse> {
    // Not worth a WeChat login code (which works once) when it cannot be a sign-in code at all.
    if (normalizeSignInCode(dto.code) === null) throw new DomainError('SIGN_IN_CODE_INVALID');
    const openid = dto.wechatCode && this.wechat.configured ? (await this.wechat.code2Session(dto.wechatCode)).openid : null;
    return this.db.transaction(async () => {
      const { userId, communityId } = await this.codes.redeem(dto.code);
      if (openid !== null) await this.users.attachOpenid(userId, openid);
      if (communityId !== null) await this.users.setCurrentCommunity(userId, communityId);
      return this.issue(userId);
    });
  }

  devUsers(): DevUsersResponse {
    if (!this.config.devLogin) return { enabled: false, users: [] };
    return { enabled: true, users: DEMO_USERS.map((u) => ({ key: u.key, nickname: u.nickname, roles: u.roles })) };
  }

  async devLogin(dto: DevLoginRequest): Promise<LoginResponse> {
    if (!this.config.devLogin) throw new DomainError('DEV_LOGIN_DISABLED');
    if (dto.newResident) return this.issue((await this.users.createNewResident(dto.nickname)).id);
    if (!dto.user) throw new DomainError('VALIDATION_FAILED', { fields: { user: '请选择一位演示用户' } });
    const user = await this.users.findDevUser(dto.user);
    if (!user) throw new DomainError('NOT_FOUND', { user: dto.user });
    return this.issue(user.id);
  }

  /** Verifies a bearer token; the user id inside, or null. */
  async verify(token: string): Promise<number | null> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub: number }>(token, { clockTimestamp: Math.floor(this.clock.now().getTime() / 1000) });
      return typeof payload.sub === 'number' ? payload.sub : null;
    } catch {
      return null;
    }
  }

  private async issue(userId: number): Promise<LoginResponse> {
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const token = await this.jwt.signAsync({ sub: userId, iat: nowSeconds, exp: nowSeconds + this.config.jwtTtlSeconds });
    const actor = await this.users.loadActor(userId);
    if (!actor) throw new DomainError('UNAUTHENTICATED');
    return {
      token,
      expiresAt: new Date((nowSeconds + this.config.jwtTtlSeconds) * 1000).toISOString(),
      me: await this.meService.me(actor),
    };
  }
}
