const path = require('node:path');

/** API end-to-end suites: the real app over HTTP on a real PostgreSQL, a fresh database per file. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  globalSetup: path.join(__dirname, '../support/global-setup.mjs'),
  globalTeardown: path.join(__dirname, '../support/global-teardown.mjs'),
  testTimeout: 30_000,
};
