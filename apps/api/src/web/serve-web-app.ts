import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Config } from '@referral/config';
import { resolveAuthSecret } from '@referral/platform';
import express, { type Request, type Response, type NextFunction } from 'express';
import { join } from 'node:path';
import { demoTokenHandler } from './demo-token';
import { findWebDir, NOT_BUILT_PAGE } from './web-files';

/** What the web app learns at start: whether this is the demo, and where to sign in. */
export interface WebAppConfig {
  demo: boolean;
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

export function webAppConfig(config: Config, demo: boolean): WebAppConfig {
  const oidc = config.webOidcClientId && config.authJwtIssuer
    ? { issuer: config.authJwtIssuer, clientId: config.webOidcClientId, scope: config.webOidcScope }
    : null;
  return { demo, oidc };
}

/**
 * The web app at `/`: its hashed bundles under /assets, its start-up configuration, the demo
 * sign-in (demo mode only), and index.html for every other page address outside /api.
 */
export function serveWebApp(app: NestExpressApplication, options: { config: Config; demo: boolean }): void {
  const webDir = findWebDir();
  const settings = webAppConfig(options.config, options.demo);
  app.use('/app/config.json', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET') return next();
    response.json(settings);
  });
  if (options.demo) app.use('/app/demo-token', demoRoute(demoTokenHandler(resolveAuthSecret(options.config).secret)));
  if (webDir) app.use('/assets', express.static(join(webDir, 'assets'), { index: false, immutable: true, maxAge: '365d' }));
  // A bundle of an older build: plainly missing, so the browser reloads the page rather than run HTML as script.
  app.use('/assets', (_request: Request, response: Response) => void response.status(404).type('text').send('Not found'));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (request.path === '/api' || request.path.startsWith('/api/') || request.path.startsWith('/app/')) return next();
    if (/\.[a-z0-9]+$/i.test(request.path) && request.path !== '/index.html') {
      if (webDir && ['/favicon.svg', '/robots.txt'].includes(request.path)) return response.sendFile(join(webDir, request.path.slice(1)));
      return next();
    }
    response.type('html');
    if (!webDir) return void response.status(503).send(NOT_BUILT_PAGE);
    response.sendFile(join(webDir, 'index.html'));
  });
}

function demoRoute(handler: (request: Request, response: Response) => void) {
  return (request: Request, response: Response, next: NextFunction) => (request.method === 'POST' ? handler(request, response) : next());
}
