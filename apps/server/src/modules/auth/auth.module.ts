import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { WechatModule } from '../../wechat/wechat.module';
import { CommunityModule } from '../community/community.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OperatorService } from './operator.service';
import { SignInCodesService } from './sign-in-codes.service';

@Module({
  imports: [
    CommunityModule,
    WechatModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        // A ready KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // public key on every verify, which cost ~9% of the server's CPU in the ordering rush.
        const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256' as const },
          verifyOptions: { algorithms: ['HS256' as const] },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, SignInCodesService, OperatorService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [OperatorService],
})
export class AuthModule {}
