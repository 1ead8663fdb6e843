import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web app builds into dist/web, which the service serves at `/` (apps/api/src/web). */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: { alias: { '@referral/labels': fileURLToPath(new URL('../../libs/labels/src/index.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // A module preload polyfill would be an inline script; every browser this serves has modulepreload.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // React Query marks its modules "use client" for server rendering, which a browser bundle has no use for.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  test: {
    root,
    include: ['src/**/*.unit.spec.ts'],
    environment: 'node',
  },
});
