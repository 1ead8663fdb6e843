/**
 * Preloaded by the built service (`node -r ./dist/apps/runtime/register-path-aliases.js …`):
 * makes the `@referral/*` path aliases of tsconfig.json resolve in `dist/`, where the compiled
 * files keep the repository's layout (tsconfig.build.json pins rootDir to the repository root).
 * The aliases are exact names, so an exact lookup is enough; anything else resolves as usual.
 */
import Module from 'node:module';
import { join } from 'node:path';
import tsconfig from '../../tsconfig.json';

type ResolveFilename = (request: string, ...rest: unknown[]) => string;

const builtRoot = join(__dirname, '..', '..');
const aliases = new Map(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [alias, join(builtRoot, target)]),
);

const resolver = Module as unknown as { _resolveFilename: ResolveFilename };
const resolveFilename = resolver._resolveFilename;
resolver._resolveFilename = function resolveAlias(this: unknown, request, ...rest) {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};
