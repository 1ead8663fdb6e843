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
 * Helmet's headers on every answer, with the content security policy of the part that answers.
 * API answers may hold personal data: no browser or proxy may keep a copy (`no-store`).
 */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  const isDocs = request.path === DOCS_PATH || request.path.startsWith(`${DOCS_PATH}/`) || request.path.startsWith(`${DOCS_PATH}-json`);
  if (!isDocs) response.setHeader('Cache-Control', 'no-store');
  (isDocs ? docsHeaders : apiHeaders)(request, response, next);
}
