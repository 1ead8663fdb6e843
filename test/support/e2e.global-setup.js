// Jest global setup of the e2e tier: the run's PGlite template and the built web app.
const makePgliteTemplate = require('./pglite-template.global-setup');
const buildWeb = require('../web/support/build-web.global-setup');

module.exports = async function e2eSetup() {
  await makePgliteTemplate();
  await buildWeb();
};
