import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestPinoLogger, PlatformModule, rootModule, type PlatformOptions } from '@referral/platform';
import { ApiModule } from './api.module';
import { configureHttp, type HttpOptions } from './configure-http';
import type { DynamicModule, Type } from '@nestjs/common';

/** Builds the HTTP app with the platform and any extra modules (the worker, in one process). */
export async function createApiApp(
  platform: PlatformOptions,
  extra: Array<Type | DynamicModule> = [],
  http: HttpOptions = {},
): Promise<NestExpressApplication> {
  const root = rootModule('ReferralApi', [PlatformModule.forRoot(platform), ApiModule, ...extra]);
  const app = await NestFactory.create<NestExpressApplication>(root, {
    logger: new NestPinoLogger(platform.logger),
    bodyParser: false,
    abortOnError: false,
    // Open live streams (/sla/stream) must not hold a shutdown: their clients reconnect with Last-Event-ID.
    forceCloseConnections: true,
  });
  configureHttp(app, platform.logger, http);
  return app;
}
