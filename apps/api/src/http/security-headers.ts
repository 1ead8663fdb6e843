import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

export const DOCS_PATH = '/api/docs';

/**
 * The API answers JSON only, so its pages may load nothing at all. The statistics report in HTML
 * sets a policy of its own (inline styles) where it answers.
 */
const apiHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"] },
  },
});

/**
 * Swagger UI loads its scripts and styles from its own path, styles its elements inline and draws
 * icons from data: URLs; nothing from elsewhere. No upgrade-insecure-requests: `npm start` serves
 * plain HTTP on localhost, where the upgrade would break the page.
 */
const docsHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
});

/**
 * The web app: its own scripts and styles only (nothing inline), and calls to this service and,
 * where OIDC sign-in is configured, the issuer's token endpoint.
 */
function webHeaders(issuerOrigin: string | null) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': issuerOrigin ? ["'self'", issuerOrigin] : ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

export type HeaderMiddleware = (request: Request, response: Response, next: NextFunction) => void;

/**
 * Helmet's headers on every answer, with the content security policy of the part that answers.
 * API answers may hold personal data: no browser or proxy may keep a copy (`no-store`). The web
 * app's hashed bundles hold none and never change under their name, so they may be kept.
 */
export function securityHeaders(options: { issuerOrigin: string | null }): HeaderMiddleware {
  const web = webHeaders(options.issuerOrigin);
  return (request, response, next) => {
    const path = request.path;
    const isDocs = path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`) || path.startsWith(`${DOCS_PATH}-json`);
    const isApi = path === '/api' || path.startsWith('/api/');
    const isWebAsset = !isApi && path.startsWith('/assets/');
    if (isWebAsset) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    else if (!isDocs) response.setHeader('Cache-Control', 'no-store');
    (isDocs ? docsHeaders : isApi ? apiHeaders : web)(request, response, next);
  };
}
