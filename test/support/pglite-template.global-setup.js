// Jest global setup of the int and e2e tiers: one empty PGlite database for the whole run, on disk
// (copied for each service's DATA_DIR) and as a dump (loaded for each in-memory database). Making
// a PGlite database runs initdb, seconds of WebAssembly; every suite that opened one of its own
// paid that again (test/support/databases.ts and embedded-data-dir.ts read the template).
const { execFileSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ENV = 'REFERRAL_TEST_PGLITE_TEMPLATE';

const makeTemplate = `
const { writeFileSync } = require('node:fs');
const { PGlite } = require('@electric-sql/pglite');
(async () => {
  const db = await PGlite.create(process.argv[1] + '/pgdata');
  const dump = await db.dumpDataDir('none');
  writeFileSync(process.argv[1] + '/empty.tar', Buffer.from(await dump.arrayBuffer()));
  await db.close();
})().catch((error) => { console.error(error && error.message); process.exit(1); });
`;

module.exports = async function makePgliteTemplate() {
  if (process.env[ENV]) return; // the other tier's setup in this run made it
  const dir = mkdtempSync(join(tmpdir(), 'referral-test-template-'));
  execFileSync(process.execPath, ['-e', makeTemplate, dir], { cwd: join(__dirname, '..', '..'), stdio: 'inherit' });
  process.env[ENV] = dir;
};
