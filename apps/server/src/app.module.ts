import { DynamicModule, Module } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import pretty from 'pino-pretty';
import { createHmac, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Clock } from './common/clock';
import { CommonModule } from './common/common.module';
import { DbModule } from './common/database/database.module';
import { ErrorFilter } from './common/error.filter';
import { QrTokens } from './common/qr-token';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor';
import { IdempotencySweep } from './common/idempotency/idempotency-sweep';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { DemoSeeder } from './database/demo-seeder';
import { AuthModule } from './modules/auth/auth.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { OrdersModule } from './modules/orders/orders.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { ParcelsModule } from './modules/parcels/parcels.module';
import { FilesModule } from './modules/files/files.module';
import { PharmacyModule } from './modules/pharmacy/pharmacy.module';
import { PeopleModule } from './modules/people/people.module';
import { NoticesModule } from './modules/notices/notices.module';
import { ActivitiesModule } from './modules/activities/activities.module';
import { CareModule } from './modules/care/care.module';
import { ProxyModule } from './modules/proxy/proxy.module';
import { ProxyDeliveriesModule } from './modules/proxy/deliveries/proxy-deliveries.module';
import { FamilyModule } from './modules/proxy/family.module';
import { MessagesModule } from './modules/messages/messages.module';
import { SubscriptionsModule } from './modules/subscriptions/subscriptions.module';
import { CommunityModule } from './modules/community/community.module';
import { HealthModule } from './modules/health/health.module';
import { HelpStatsModule } from './modules/help/stats/help-stats.module';
import { RostersModule } from './modules/rosters/rosters.module';
import { HelpModule } from './modules/help/help.module';
import { WechatModule } from './wechat/wechat.module';

/**
 * One short line per request (id, method, url, status, time) and the app's own logs: JSON in
 * production (for a log collector), human-readable lines (pino-pretty) otherwise.
 */
function pinoHttpSetup(config: AppConfig): PinoHttpOptions | [PinoHttpOptions, NodeJS.WritableStream] {
  const options: PinoHttpOptions = {
    level: config.logLevel,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && given.length <= 100 ? given : randomUUID();
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    autoLogging: { ignore: (req: IncomingMessage) => !(req.url ?? '').startsWith('/api') },
  };
  if (config.logFormat === 'json') return options;
  // In the main thread (no worker transport): a dev server's few lines, written as they come.
  const stream = pretty({
    colorize: Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: '{if req.method}{req.method} {req.url} {res.status} {responseTime}ms {end}{if context}[{context}] {end}{msg}',
    singleLine: true,
    sync: true,
  });
  return [options, stream];
}

@Module({})
export class AppModule {
  /** The whole app for one configuration (the server and each e2e test build it the same way). */
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    const serveH5 = config.h5Dir !== null && existsSync(config.h5Dir);
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({ pinoHttp: pinoHttpSetup(config) }),
        TypeOrmModule.forRoot(dataSourceOptions(config.database, config.dbPoolSize)),
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: config.loginRateLimit }]),
        ...(serveH5 && config.h5Dir ? [ServeStaticModule.forRoot({ rootPath: config.h5Dir, exclude: ['/api{/*path}'] })] : []),
        CommonModule.forRoot(clock),
        DbModule,
        WechatModule,
        MessagesModule,
        CommunityModule,
        HelpModule,
        AuthModule,
        HealthModule,
        CatalogModule,
        PaymentsModule,
        OrdersModule,
        FilesModule,
        ParcelsModule,
        PharmacyModule,
        PeopleModule,
        NoticesModule,
        ActivitiesModule,
        CareModule,
        ProxyModule,
        ProxyDeliveriesModule,
        FamilyModule,
        SubscriptionsModule,
        HelpStatsModule,
        RostersModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        // QR tokens are signed with a key derived from the JWT secret, distinct from it.
        { provide: QrTokens, useValue: new QrTokens(createHmac('sha256', config.jwtSecret).update('linli-qr-v1').digest()) },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        IdempotencySweep,
        DemoSeeder,
      ],
      exports: [APP_CONFIG, QrTokens],
    };
  }
}
