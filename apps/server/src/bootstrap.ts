import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { Clock } from './common/clock';
import { assertWorkflowsSound } from './common/workflow';
import { installBodyParsers } from './common/request-body';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import { setupApiDocs } from './docs/api-docs';
import type { AppConfig } from './config/config';

/** Builds the configured app (not listening): used by main.ts and by the e2e tests. */
export async function createApp(config: AppConfig, options: { clock?: Clock } = {}): Promise<NestExpressApplication> {
  // Every module is imported by now, so every workflow and declared move is known.
  assertWorkflowsSound();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock), {
    bufferLogs: true,
    rawBody: true,
    // Parsed by installBodyParsers, which answers malformed, oversized and too deeply nested bodies itself.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.use(securityHeaders(config.h5Dir));
  installBodyParsers(app);
  app.useGlobalPipes(createValidationPipe());
  app.set('trust proxy', 'loopback');
  app.enableShutdownHooks();
  await setupApiDocs(app);
  await app.init();
  return app;
}
