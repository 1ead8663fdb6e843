// Three tiers by suffix: *.unit.spec.ts (pure), *.int.spec.ts (real PostgreSQL/Redis), *.e2e.spec.ts (HTTP).
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
}];
const moduleNameMapper = {
  '^@referral/event-store/testing$': '<rootDir>/libs/event-store/testing',
  '^@referral/case/testing$': '<rootDir>/libs/case/testing',
  '^@referral/(event-store|sql|projections|case|config|platform|read-models|case-workflows|deadline-timers|statistics|personal-data|audit|resilience|labels)$': '<rootDir>/libs/$1/src',
};
const tier = (name, suffix, extra = {}) => ({
  displayName: name,
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testMatch: [`<rootDir>/{apps,libs,test}/**/*.${suffix}.spec.ts`],
  // The web app's own unit tests run under Vitest (npm run test:web).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
  ...extra,
});
// One empty PGlite database for the run, copied by every suite that opens one (see the setup).
const pgliteTemplate = '<rootDir>/test/support/pglite-template.global-setup.js';
const globalTeardown = '<rootDir>/test/support/pglite-template.global-teardown.js';
module.exports = {
  testTimeout: 60000,
  // Two suites side by side (jest's default on two cores is one): each makes its own schema,
  // database, queue names and ports, and most of a suite's time is waiting on I/O.
  maxWorkers: 2,
  // A worker that ran many PGlite suites holds hundreds of MiB of WASM memory; past this it is
  // replaced before its next suite (a worker that kept them ran the PGlite suites ten times slower).
  workerIdleMemoryLimit: '700MB',
  projects: [
    tier('unit', 'unit'),
    tier('int', 'int', { globalSetup: pgliteTemplate, globalTeardown }),
    tier('e2e', 'e2e', { globalSetup: '<rootDir>/test/support/e2e.global-setup.js', globalTeardown }),
  ],
};
