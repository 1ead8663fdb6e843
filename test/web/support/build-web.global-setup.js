// Jest global setup of the e2e tier: the browser tests and the web-serving tests need the built
// web app (dist/web), built from the current sources. When dist/web is newer than every source
// file (as after `npm run build`, which .ci/run does first), the build is not repeated.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((entry) => entry !== 'node_modules')
    .reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

function builtIsCurrent(root) {
  const built = join(root, 'dist', 'web', 'index.html');
  if (!existsSync(built)) return false;
  const sources = [join(root, 'apps', 'web'), join(root, 'libs', 'labels'), join(root, 'package-lock.json')];
  return statSync(built).mtimeMs > Math.max(...sources.filter(existsSync).map(newestChange));
}

module.exports = async function buildWeb() {
  const root = join(__dirname, '..', '..', '..');
  if (builtIsCurrent(root)) return;
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Jest sets NODE_ENV=test, which would give React's development build; users get the production one.
    env: { ...process.env, NODE_ENV: 'production' },
  });
};
