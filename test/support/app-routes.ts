import { METHODS } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every route the running app serves, as "METHOD /path" with Express's parameter syntax
 * (`/api/v1/cases/:id`), read from the Express router itself rather than from any list we keep.
 */
export function servedRoutes(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] }; _router?: { stack: RouterLayer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes = stack.flatMap((layer) => {
    if (!layer.route) return [];
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    const methods = Object.keys(layer.route.methods).filter((method) => method !== '_all');
    // Nest mounts a middleware bound to every path on the bare prefix as a route for every
    // method; no endpoint here is registered for all of them.
    if (methods.length === METHODS.length) return [];
    return paths.flatMap((path) => methods.map((method) => `${method.toUpperCase()} ${path}`));
  });
  return [...new Set(routes)].sort();
}
