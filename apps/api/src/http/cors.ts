import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';

/**
 * Cross-origin access only for the origins CORS_ORIGINS lists; with none listed, no
 * Access-Control-Allow-Origin is ever sent and browsers keep other sites out.
 */
export function corsOptions(origins: readonly string[]): CorsOptions | null {
  if (origins.length === 0) return null;
  return {
    origin: [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['Retry-After'],
    credentials: false,
    maxAge: 600,
  };
}
