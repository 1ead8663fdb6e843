import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { ErrorFilter } from './http/error.filter';
import { serveOpenApi } from './http/openapi';
import { createValidationPipe } from './http/validation.pipe';

export const API_PREFIX = 'api/v1';
export const BODY_LIMIT = '64kb';

/** Everything the HTTP edge needs, in one place, for main.ts, the combined process and the e2e tests. */
export function configureHttp(app: NestExpressApplication, logger: Logger): void {
  app.setGlobalPrefix(API_PREFIX);
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useGlobalFilters(new ErrorFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  serveOpenApi(app);
}
