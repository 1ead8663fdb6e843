import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Where the built web app is: `dist/web`, seen from this file in the source tree
 * (apps/api/src/web) and in the build (dist/apps/api/src/web). WEB_DIR overrides both.
 */
export function findWebDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const top = join(__dirname, '..', '..', '..', '..');
  const dir = env.WEB_DIR ?? (basename(top) === 'dist' ? join(top, 'web') : join(top, 'dist', 'web'));
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

/** Answered at `/` when the web app was never built, so the reason is plain. */
export const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Referral</title>
<h1>The web app is not built</h1><p>Run <code>npm run build:web</code> (or <code>npm run build</code>) and reload.
The API is at <a href="/api/docs">/api/docs</a>.</p></html>`;
