import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
/** What `npm run build` compiles (tsconfig.build.json), beside the JSON files it copies. */
const BUILD_INPUTS = ['apps', 'libs', 'config'];
const BUILD_CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

export const BUILT_ROOT = join(REPO, 'dist');
/** The preload that `npm run start:prod` gives node, so `@referral/*` resolve inside dist/. */
export const BUILT_PATH_ALIASES = join(BUILT_ROOT, 'apps', 'runtime', 'register-path-aliases.js');
export const BUILT_MAIN = join(BUILT_ROOT, 'apps', 'main.js');

/**
 * Runs `npm run build` when dist/ is missing or older than a source it is built from (`.ci/run`
 * builds before the tests, so there it is fresh and this does nothing).
 * @throws Error with the compiler's output when the build fails
 */
export function ensureBuilt(): void {
  if (existsSync(BUILT_MAIN) && statSync(BUILT_MAIN).mtimeMs >= newestBuildInput()) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (build.status !== 0) {
    throw new Error(`npm run build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
}

function newestBuildInput(): number {
  const configs = BUILD_CONFIGS.map((file) => statSync(join(REPO, file)).mtimeMs);
  return Math.max(...configs, ...BUILD_INPUTS.map((dir) => newestIn(join(REPO, dir))));
}

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test' && entry.name !== 'node_modules') newest = Math.max(newest, newestIn(path));
    } else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}
