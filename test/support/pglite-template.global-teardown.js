// Removes the run's PGlite template (pglite-template.global-setup.js).
const { rmSync } = require('node:fs');

module.exports = async function removePgliteTemplate() {
  const dir = process.env.REFERRAL_TEST_PGLITE_TEMPLATE;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
