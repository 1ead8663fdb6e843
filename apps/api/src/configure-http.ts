import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Config } from '@referral/config';
import { CONFIG } from '@referral/platform';
import type { Logger } from 'pino';
import { bodyParserErrors } from './http/body-parser-errors';
import { corsOptions } from './http/cors';
import { ErrorFilter } from './http/error.filter';
import { jsonBodyGate } from './http/json-body-gate';
import { refuseUnsafeShapes } from './http/json-shape';
import { serveOpenApi } from './http/openapi';
import { securityHeaders } from './http/security-headers';
import { createValidationPipe } from './http/validation.pipe';
import { serveWebApp } from './web/serve-web-app';
import { FailedAuthLimiter } from './rate-limit/failed-auth-limiter';

export const API_PREFIX = 'api/v1';
export const BODY_LIMIT = '64kb';
const BODY_LIMIT_BYTES = 64 * 1024;

/** Everything the HTTP edge needs, in one place, for main.ts, the combined process and the e2e tests. */
export interface HttpOptions {
  /** `npm run demo`: the web app's sign-in page hands out demo tokens. Never outside the demo. */
  demo?: boolean;
}

export function configureHttp(app: NestExpressApplication, logger: Logger, options: HttpOptions = {}): void {
  const config = app.get<Config>(CONFIG);
  const failedAuth = app.get(FailedAuthLimiter);
  app.setGlobalPrefix(API_PREFIX);
  app.use(failedAuth.refuseBlocked);
  app.use(securityHeaders({ issuerOrigin: config.webOidcClientId ? new URL(config.authJwtIssuer!).origin : null }));
  const cors = corsOptions(config.corsOrigins);
  if (cors) app.enableCors(cors);
  // In this order: refuse what the JSON parser would not read, parse, map its errors, check the shape.
  app.use(jsonBodyGate(BODY_LIMIT_BYTES));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(bodyParserErrors);
  app.use(refuseUnsafeShapes);
  app.useGlobalFilters(new ErrorFilter(logger, (request) => failedAuth.recordFailure(request)));
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  serveOpenApi(app);
  serveWebApp(app, { config, demo: options.demo ?? false });
}
