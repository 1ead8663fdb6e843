// Jest global setup of the e2e tier: the browser tests and the web-serving tests need the built
// web app (dist/web), built once per run from the current sources.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function buildWeb() {
  const root = join(__dirname, '..', '..', '..');
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Jest sets NODE_ENV=test, which would give React's development build; users get the production one.
    env: { ...process.env, NODE_ENV: 'production' },
  });
};
